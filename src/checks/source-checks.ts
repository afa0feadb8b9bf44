import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { layoutAliases, layoutNames } from "../content/layouts.js";
import { listContentFiles } from "../content/trust.js";
import { scanPage } from "../core/html-scanner.js";
import { error, type Problem } from "../core/problems.js";
import { checkEditorHtml } from "./editor-html.js";
import { checkEditorHtmlValidity } from "./editor-html-validity.js";
import { checkFrontMatterAddresses } from "./front-matter-addresses.js";
import { checkHtmlBlocks, editorHtmlPage } from "./html-blocks.js";
import { fileTooLarge, limits, tagsWritten, tooMany } from "./limits.js";
import { checkFields, checkPageSource, layoutForPagesOnly, layoutNotForPagesMessage } from "./page-source.js";
import { checkStaticFiles } from "./static-files.js";
import { scheduledNotices } from "./scheduled-notices.js";
import { checkKeptAddresses, checkSiteStructure, type SourcedPage } from "./site-structure.js";
import { siteStylesheetClasses } from "./stylesheet-classes.js";

/**
 * The checks that need only the files, before anything is rendered: what
 * content/ and static/ may hold, each page's front matter and text, the
 * HTML an editor wrote, and clashes between pages. A problem marked
 * `blocksRender` stops the build before Eleventy renders a page.
 */

export interface SourceCheck {
  problems: Problem[];
  pages: SourcedPage[];
  /** Source text by file, so later checks can place problems without reading files again. */
  sources: Map<string, string>;
  /** What each page's own HTML and front matter were refused for (the policy's keys), so the rendered page's check does not say it again. */
  told: Map<string, string[]>;
}

export interface SourceCheckOptions {
  /** Today (YYYY-MM-DD): pages dated later are scheduled. */
  today: string;
  /** Addresses that must keep answering, as a page or a redirect (the 2020 site's). */
  keptAddresses?: readonly string[];
}

/** The line (from 1) where each quoted name first appears in a JSON text, read once however many are asked for. */
function quotedNameLines(text: string): (name: string) => number {
  let lines: Map<string, number> | undefined;
  return (name) => {
    if (!lines) {
      lines = new Map();
      let number = 1;
      for (const line of text.split("\n")) {
        for (const match of line.matchAll(/"((?:[^"\\]|\\.)*)"/g))
          if (!lines.has(match[1] ?? "")) lines.set(match[1] ?? "", number);
        number += 1;
      }
    }
    return lines.get(name) ?? 1;
  };
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
  const at = quotedNameLines(text);
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

/** Every check on the project's source files. `root` is the project folder. */
export async function checkSources(root: string, options: SourceCheckOptions): Promise<SourceCheck> {
  const listed = listContentFiles(root, "content");
  const problems: Problem[] = [...listed.problems, ...(await checkStaticFiles(root))];
  const layoutsDir = join(root, "layouts");
  const layouts = new Set([
    ...Object.keys(layoutAliases(layoutsDir)),
    ...layoutNames(layoutsDir).flatMap((name) => [name, `${name}.njk`]),
  ]);
  const pageLayouts = layoutNames(layoutsDir).filter(layoutForPagesOnly);
  // A file over the size limit is refused unread: nothing after this reads more than the limit from one file.
  const withinLimit = (file: string) => {
    const bytes = fileSize(join(root, file));
    if (bytes <= limits.fileBytes) return true;
    problems.push(fileTooLarge(file, bytes));
    return false;
  };
  const sources = new Map<string, string>();
  const told = new Map<string, string[]>();
  // The stylesheet is compiled only if an editor's HTML has a class to look up (and then once).
  let styled: Set<string> | undefined;
  const styledClasses = () => (styled ??= siteStylesheetClasses(root));
  for (const file of listed.dataFiles.filter(withinLimit)) {
    const text = readFileSync(join(root, file), "utf8");
    sources.set(file, text);
    const checked = checkDataFile(file, text);
    problems.push(...checked.problems);
    if (checked.data) problems.push(...checkFrontMatterAddresses(file, text, checked.data).problems);
    const layout = checked.data?.layout;
    if (typeof layout === "string" && !layouts.has(layout)) {
      problems.push(error(file, 1, 1, `layout "${layout}" does not exist; use one of ${pageLayouts.join(", ")}`, true));
    } else if (typeof layout === "string" && !layoutForPagesOnly(layout)) {
      problems.push(error(file, 1, 1, layoutNotForPagesMessage(layout, pageLayouts)));
    }
  }
  const pages: SourcedPage[] = [];
  const editorHtml: Array<{ path: string; file: string; html: string }> = [];
  for (const file of listed.pages.filter(withinLimit)) {
    const text = readFileSync(join(root, file), "utf8");
    sources.set(file, text);
    const checked = checkPageSource({ file, text }, { layouts });
    pages.push({ ...checked, text, modified: modifiedTime(join(root, file)) });
    problems.push(...checked.problems);
    // Counted before any HTML in it is parsed: over the limit, none of it is (src/checks/limits.ts).
    const tags = tagsWritten(text);
    if (tags > limits.tags) {
      problems.push(error(file, 1, 1, tooMany("HTML tags written in it", tags, limits.tags), true));
      continue;
    }
    problems.push(...checkHtmlBlocks(file, text));
    // The editor's own HTML against the allow-list, and the front matter's addresses, as a browser reads them.
    const allowList = checkEditorHtml(file, text, { styledClasses });
    const addresses = checked.data ? checkFrontMatterAddresses(file, text, checked.data) : { problems: [], keys: [] };
    problems.push(...allowList.problems, ...addresses.problems);
    told.set(file, [...allowList.keys, ...addresses.keys]);
    const html = editorHtmlPage(file, text);
    // html-validate's work grows with the square of the elements: a page over the limit is left to the
    // rendered page's own check (src/checks/scan-rules/page-limits.ts), which counts them again, with the layout's.
    if (html && countElements(html) <= limits.elements) editorHtml.push({ path: `/${file}`, file, html });
  }
  // HTML validity, for the pages where an editor wrote HTML: the rest is the site's own renderer's.
  problems.push(...(await checkEditorHtmlValidity(root, editorHtml, sources)));
  problems.push(...checkSiteStructure(pages), ...checkKeptAddresses(pages, options.keptAddresses ?? []));
  problems.push(...scheduledNotices(pages, options.today));
  return { problems, pages, sources, told };
}

/** The HTML elements in a page, counted in one pass. */
export function countElements(html: string): number {
  let elements = 0;
  scanPage(html, [{ open: () => void (elements += 1) }]);
  return elements;
}

function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

function modifiedTime(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

/** Whether any problem stops the site being rendered at all. */
export function blocksRender(problems: readonly Problem[]): boolean {
  return problems.some((problem) => problem.blocksRender && problem.severity === "error");
}
