import { existsSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { layoutAliases, layoutNames } from "../content/layouts.js";
import { listContentFiles, staticLinks } from "../content/trust.js";
import { checkFields, checkPageSource } from "./front-matter.js";
import type { ReadSiteFile } from "../gates/page-weight.js";
import { checkPageWeight } from "./page-weight-check.js";
import { error, type Problem } from "./problems.js";
import { checkRenderedPages, type RenderedPage } from "./rendered.js";
import { checkSiteStructure, type SourcedPage } from "./site-structure.js";
import { scheduledNotices } from "./scheduled.js";
import { fontSiteFiles } from "../output/fonts.js";

export const contentDir = "content";
export const layoutsDir = "layouts";

/** Page files under content/, as paths from the project folder ("content/news/posts/x.md"). */
export function listPageFiles(root: string): string[] {
  return listContentFiles(root, contentDir).pages;
}

export interface SourceCheck {
  problems: Problem[];
  pages: SourcedPage[];
  /** Source text by file, so later checks can place problems without reading files again. */
  sources: Map<string, string>;
}

/** A data file's keys, checked like front matter; its data, when it could be read. */
function checkDataFile(file: string, text: string): { data?: Record<string, unknown>; problems: Problem[] } {
  let data: unknown;
  try {
    data = JSON.parse(text.startsWith("\uFEFF") ? text.slice(1) : text);
  } catch (caught) {
    const reason = caught instanceof Error ? caught.message : "it could not be read";
    return {
      problems: [
        error(file, 1, 1, `${file} is not valid JSON (${reason}): check its quotes, commas and brackets`, true),
      ],
    };
  }
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    return {
      problems: [
        error(file, 1, 1, `${file} must hold one JSON object of fields, such as { "layout": "page.njk" }`, true),
      ],
    };
  }
  const record = data as Record<string, unknown>;
  const at = (field: string) => Math.max(1, text.split("\n").findIndex((line) => line.includes(`"${field}"`)) + 1);
  const problems = checkFields({ file, text }, record, at, true);
  // A folder's data file sets its pages' shared settings; one address for all of them cannot work.
  if ("permalink" in record)
    problems.push(
      error(
        file,
        at("permalink"),
        1,
        `${file} cannot set permalink: it would give every page in the folder the same address. Set permalink in each page instead`,
        true,
      ),
    );
  for (const key of ["__proto__", "constructor", "prototype"]) {
    if (Object.hasOwn(record, key))
      problems.push(error(file, at(key), 1, `"${key}" cannot be used as a field name; remove it`, true));
  }
  return { data: record, problems };
}

/** The checks that need only the files: what content/ and static/ may hold, each page's front matter and text, and clashes between pages. */
export function checkSources(root: string): SourceCheck {
  const listed = listContentFiles(root, contentDir);
  const files = listed.pages;
  const problems: Problem[] = [...listed.problems, ...staticLinks(root)];
  const layouts = new Set([
    ...Object.keys(layoutAliases(join(root, layoutsDir))),
    ...layoutNames(join(root, layoutsDir)).flatMap((name) => [name, `${name}.njk`]),
  ]);
  const sources = new Map<string, string>();
  for (const file of listed.dataFiles) {
    const text = readFileSync(join(root, file), "utf8");
    sources.set(file, text);
    const checked = checkDataFile(file, text);
    problems.push(...checked.problems);
    if (typeof checked.data?.layout === "string" && !layouts.has(checked.data.layout)) {
      problems.push(
        error(
          file,
          1,
          1,
          `layout "${checked.data.layout}" does not exist; use one of ${layoutNames(join(root, layoutsDir)).join(", ")}`,
          true,
        ),
      );
    }
  }
  const pages: SourcedPage[] = [];
  for (const file of files) {
    const text = readFileSync(join(root, file), "utf8");
    sources.set(file, text);
    const checked = checkPageSource({ file, text }, { layouts });
    pages.push({ ...checked, text, modified: modifiedTime(join(root, file)) });
    problems.push(...checked.problems);
  }
  problems.push(...checkSiteStructure(pages));
  problems.push(...scheduledNotices(pages));
  return { problems, pages, sources };
}

function modifiedTime(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
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
    pages.push({
      path: sitePath,
      file: relative(root, resolve(root, result.inputPath)).split(sep).join("/"),
      html: result.content,
    });
  }
  return pages;
}

/** The checks on the rendered site, placed in the pages' sources. `files`: site paths of every file built. */
export function checkRendered(
  root: string,
  pages: readonly RenderedPage[],
  files: ReadonlySet<string>,
  sources: Map<string, string>,
): Problem[] {
  const read = (file: string) => {
    if (!sources.has(file) && existsSync(join(root, file))) sources.set(file, readFileSync(join(root, file), "utf8"));
    return sources.get(file);
  };
  return checkRenderedPages(pages, files, read);
}

/**
 * The slower checks `npm run check` adds (CI runs it before the build): HTML
 * validity with the committed .htmlvalidate.json, and the page-weight budget.
 * `results`: everything Eleventy rendered, so stylesheets and scripts are
 * weighed as built; static files are read from the project.
 */
export async function checkRenderedInDepth(
  root: string,
  pages: readonly RenderedPage[],
  results: readonly EleventyOutput[],
  outputDir: string,
  sources: Map<string, string>,
): Promise<Problem[]> {
  const read = (file: string) => {
    if (!sources.has(file) && existsSync(join(root, file))) sources.set(file, readFileSync(join(root, file), "utf8"));
    return sources.get(file);
  };
  const out = resolve(root, outputDir);
  const built = new Map<string, string>();
  for (const result of results) {
    if (result.outputPath && typeof result.content === "string")
      built.set(`/${relative(out, resolve(root, result.outputPath)).split(sep).join("/")}`, result.content);
  }
  const readSiteFile: ReadSiteFile = (sitePath) => {
    const found = built.get(sitePath);
    if (found !== undefined) return found;
    const font = fontSiteFiles().get(sitePath);
    if (font) return readFileSync(font);
    const file = resolve(root, `.${sitePath}`);
    return file.startsWith(resolve(root, "static") + sep) && existsSync(file) && statSync(file).isFile()
      ? readFileSync(file)
      : undefined;
  };
  // Loaded only here: html-validate is large, and a build without these checks never needs it.
  const { checkHtmlValidity } = await import("./html-validity-check.js");
  const config = JSON.parse(readFileSync(join(root, ".htmlvalidate.json"), "utf8")) as Parameters<
    typeof checkHtmlValidity
  >[1];
  return [...(await checkHtmlValidity(pages, config, read)), ...checkPageWeight(pages, readSiteFile)];
}
