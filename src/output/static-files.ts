import { copyFile, mkdir, stat } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { walkFiles } from "../content/trust.js";
import { loadFonts } from "./fonts.js";

/**
 * The files the site serves as they are: `static/` at /static/,
 * `static/root/` (favicon, touch icon, manifest) at the site's root, and the
 * web fonts from their packages at their fingerprinted /assets/fonts/ addresses. The
 * build copies them itself, after the pages are written and before the
 * checks read the site, so a build is finished when Eleventy says it is:
 * nothing is still copying when the build step swaps or removes a folder.
 * Only real files are copied; symbolic links are never followed.
 */

export interface StaticCopy {
  /** Absolute path of the file in the project. */
  from: string;
  /** Site path it is served at, e.g. "/static/img/x.png" or "/favicon.ico". */
  to: string;
}

/** Every file the build copies, in a fixed order. */
export function staticCopies(root: string): StaticCopy[] {
  const copies: StaticCopy[] = [];
  for (const file of walkFiles(root, "static")) {
    const inRoot = file.startsWith("static/root/");
    copies.push({ from: join(root, file), to: inRoot ? file.slice("static/root".length) : `/${file}` });
  }
  for (const font of loadFonts()) copies.push({ from: font.source, to: font.href });
  return copies;
}

/** The copied files by site path, with the file each is copied from: for the checks when nothing is written. */
export function plannedCopies(root: string): Map<string, string> {
  return new Map(staticCopies(root).map((copy) => [copy.to, copy.from]));
}

async function unchanged(from: string, to: string): Promise<boolean> {
  try {
    const [source, target] = await Promise.all([stat(from), stat(to)]);
    return source.size === target.size && source.mtimeMs <= target.mtimeMs;
  } catch {
    return false;
  }
}

/** Copies the static files into `outputDir`; a file already there and unchanged is left (the preview's rebuilds). */
export async function copyStaticFiles(root: string, outputDir: string): Promise<number> {
  let copied = 0;
  for (const copy of staticCopies(root)) {
    const target = resolve(outputDir, `.${copy.to}`);
    if (await unchanged(copy.from, target)) continue;
    await mkdir(dirname(target), { recursive: true });
    await copyFile(copy.from, target);
    copied += 1;
  }
  return copied;
}

export function staticFilesPlugin(eleventyConfig: UserConfig, options: { root: string }): void {
  eleventyConfig.addWatchTarget(join(options.root, "static"));
  eleventyConfig.on(
    "eleventy.after",
    async ({ directories, outputMode }: { directories?: { output?: string }; outputMode?: string }) => {
      if (outputMode !== "fs" || !directories?.output) return;
      await copyStaticFiles(options.root, directories.output);
    },
  );
}
