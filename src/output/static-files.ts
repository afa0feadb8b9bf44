import { copyFile, mkdir, stat } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { fileKindOf } from "../content/file-kinds.js";
import { walkFiles } from "../content/trust.js";
import { loadFonts } from "./fonts.js";

/**
 * The files the site serves as they are: editors' `static/` at /static/ and
 * nowhere else, the site's own files (icons, manifest, wordmark, share image,
 * video poster) from the developers' `src/site-files/` at the root, and the
 * web fonts from their packages at their fingerprinted /assets/fonts/
 * addresses. The build copies them itself, after the pages are written and
 * before the checks read the site, so a build is finished when Eleventy says
 * it is: nothing is still copying when the build step swaps or removes a
 * folder. Only real files are copied; symbolic links are never followed.
 *
 * Of editors' files only the kinds they may publish are copied
 * (src/content/file-kinds.ts): a script, a page or a stylesheet in static/
 * never reaches the site, even in the preview, where a build with errors
 * still writes. The check (src/checks/static-files.ts) says why each other
 * file is refused, and refuses a picture whose contents are unsafe.
 */

/** The developers' own files, served at the site's root (src/core/addresses.ts reserves each address). */
export const siteFilesFolder = "src/site-files";

export interface StaticCopy {
  /** Absolute path of the file in the project. */
  from: string;
  /** Site path it is served at, e.g. "/static/img/x.png" or "/favicon.ico". */
  to: string;
}

/** Whether an editor's file in static/ is of a kind the build copies. */
function copiedFromStatic(file: string): boolean {
  return fileKindOf(file) !== undefined;
}

/** Every file the build copies, in a fixed order. */
export function staticCopies(root: string): StaticCopy[] {
  const copies: StaticCopy[] = [];
  for (const file of walkFiles(root, "static"))
    if (copiedFromStatic(file)) copies.push({ from: join(root, file), to: `/${file}` });
  for (const file of walkFiles(root, siteFilesFolder))
    copies.push({ from: join(root, file), to: file.slice(siteFilesFolder.length) });
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
async function copyStaticFiles(root: string, outputDir: string): Promise<number> {
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
