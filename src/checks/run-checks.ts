import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { layoutAliases, layoutNames } from "../content/layouts.js";
import { checkPageSource } from "./front-matter.js";
import type { Problem } from "./problems.js";
import { checkRenderedPages, type RenderedPage } from "./rendered.js";
import { checkSiteStructure, type SourcedPage } from "./site-structure.js";
import { scheduledNotices } from "./scheduled.js";

export const contentDir = "content";
export const layoutsDir = "layouts";

/** Page files under content/, as paths from the project folder ("content/news/index.njk"). */
export function listPageFiles(root: string): string[] {
  const files: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(join(root, folder), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = `${folder}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (/\.(md|njk)$/.test(entry.name)) files.push(path);
    }
  };
  walk(contentDir);
  return files;
}

/** Folders whose data file sets every page's address (news posts), so a page's file name does not. */
function foldersWithOwnAddresses(root: string, files: readonly string[]): Set<string> {
  const folders = new Set<string>();
  for (const folder of new Set(files.map((file) => file.slice(0, file.lastIndexOf("/"))))) {
    const name = folder.slice(folder.lastIndexOf("/") + 1);
    const dataFile = join(root, folder, `${name}.11tydata.json`);
    if (existsSync(dataFile) && /"permalink"\s*:/.test(readFileSync(dataFile, "utf8"))) folders.add(`${folder}/`);
  }
  return folders;
}

export interface SourceCheck {
  problems: Problem[];
  pages: SourcedPage[];
  /** Source text by file, so later checks can place problems without reading files again. */
  sources: Map<string, string>;
}

/** The checks that need only the files: each page's front matter and text, and clashes between pages. */
export function checkSources(root: string): SourceCheck {
  const files = listPageFiles(root);
  const layouts = new Set([...Object.keys(layoutAliases(join(root, layoutsDir))), ...layoutNames(join(root, layoutsDir)).flatMap((name) => [name, `${name}.njk`])]);
  const sources = new Map<string, string>();
  const pages: SourcedPage[] = [];
  const problems: Problem[] = [];
  for (const file of files) {
    const text = readFileSync(join(root, file), "utf8");
    sources.set(file, text);
    const checked = checkPageSource({ file, text }, { layouts });
    pages.push({ ...checked, text });
    problems.push(...checked.problems);
  }
  problems.push(...checkSiteStructure(pages, foldersWithOwnAddresses(root, files)));
  problems.push(...scheduledNotices(pages));
  return { problems, pages, sources };
}

/** A result of Eleventy's write() or toJSON(). */
export interface EleventyOutput {
  inputPath: string;
  outputPath: string | false;
  url: string | false;
  content: string;
}

/** The rendered HTML pages, each with the site path it is written to and the source it came from. */
export function renderedPages(root: string, outputDir: string, results: readonly EleventyOutput[]): RenderedPage[] {
  const out = resolve(root, outputDir);
  const pages: RenderedPage[] = [];
  for (const result of results) {
    if (!result.outputPath || !result.outputPath.endsWith(".html") || typeof result.content !== "string") continue;
    const sitePath = `/${relative(out, resolve(root, result.outputPath)).split(sep).join("/")}`;
    pages.push({ path: sitePath, file: relative(root, resolve(root, result.inputPath)).split(sep).join("/"), html: result.content });
  }
  return pages;
}

/** The checks on the rendered site, placed in the pages' sources. `files`: site paths of every file built. */
export function checkRendered(root: string, pages: readonly RenderedPage[], files: ReadonlySet<string>, sources: Map<string, string>): Problem[] {
  const read = (file: string) => {
    if (!sources.has(file) && existsSync(join(root, file))) sources.set(file, readFileSync(join(root, file), "utf8"));
    return sources.get(file);
  };
  return checkRenderedPages(pages, files, read);
}
