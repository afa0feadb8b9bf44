import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { Problem } from "../core/problems.js";

/**
 * HTML validity of the HTML editors wrote (html-validate, with the committed
 * .htmlvalidate.json), each page's answer kept by a hash of everything it
 * depends on: the page's source and rendered HTML, the rules, html-validate's
 * version and this format. In memory, for the preview's rebuilds, and in `.cache/`, so a build
 * whose editors' HTML did not change never loads html-validate (a fifth of
 * a small site's build), as the stylesheet's cache spares it Sass.
 */

const format = "1";
const require = createRequire(import.meta.url);
const known = new Map<string, Problem[]>();

export interface EditorHtmlPage {
  /** Where the page's HTML stands in for the page ("/content/x.md"), for html-validate's messages. */
  path: string;
  file: string;
  /** The page's body as the site renders it, inside a minimal page (html-blocks.ts, editorHtmlPage). */
  html: string;
}

function validatorVersion(): string {
  return (JSON.parse(readFileSync(require.resolve("html-validate/package.json"), "utf8")) as { version: string })
    .version;
}

/** A cached answer, or nothing when there is none or it is not a list (a damaged file is checked again). */
function read(file: string): Problem[] | undefined {
  try {
    const found: unknown = JSON.parse(readFileSync(file, "utf8"));
    return Array.isArray(found) ? (found as Problem[]) : undefined;
  } catch {
    return undefined;
  }
}

/** Every HTML validity problem of the pages, at each page's source file and line. `sources`: each file's text. */
export async function checkEditorHtmlValidity(
  root: string,
  pages: readonly EditorHtmlPage[],
  sources: ReadonlyMap<string, string>,
): Promise<Problem[]> {
  if (pages.length === 0) return [];
  const config = readFileSync(join(root, ".htmlvalidate.json"), "utf8");
  const cacheDir = join(root, ".cache", "html-validity");
  const version = validatorVersion();
  const problems: Problem[] = [];
  const unchecked: Array<EditorHtmlPage & { key: string }> = [];
  for (const page of pages) {
    const key = createHash("sha256")
      .update(JSON.stringify([format, version, config, page.file, sources.get(page.file) ?? "", page.html]))
      .digest("hex")
      .slice(0, 24);
    const found = known.get(key) ?? read(join(cacheDir, `${key}.json`));
    if (found) {
      known.set(key, found);
      problems.push(...found);
    } else unchecked.push({ ...page, key });
  }
  if (unchecked.length === 0) return problems;
  // Loaded only here: html-validate is large.
  const { checkHtmlValiditySync, htmlValidator } = await import("./html-validity.js");
  const validator = htmlValidator(JSON.parse(config) as Parameters<typeof htmlValidator>[0]);
  mkdirSync(cacheDir, { recursive: true });
  for (const page of unchecked) {
    const found = checkHtmlValiditySync([page], validator, (file) => sources.get(file));
    known.set(page.key, found);
    // Written aside, then renamed: a build running alongside reads the whole answer or none.
    const file = join(cacheDir, `${page.key}.json`);
    writeFileSync(`${file}.${process.pid}`, JSON.stringify(found));
    renameSync(`${file}.${process.pid}`, file);
    problems.push(...found);
  }
  return problems;
}
