import matter from "gray-matter";
import { parseYaml, YamlProblem } from "./yaml.js";

/**
 * Reads a page's front matter with Eleventy's own reader (gray-matter, given
 * `parseYaml` as Eleventy's configuration gives it), so the check and the
 * build read every page alike. Before that, the shapes an editor gets wrong
 * (no first line `---`, no closing line, a tab) are told as sentences, and a
 * YAML problem comes back with the file line at fault.
 */

export interface FrontMatterBlock {
  data?: Record<string, unknown>;
  /** What is wrong, at a line of the file (from 1). */
  problem?: { line: number; message: string };
}

const byteOrderMark = "\uFEFF";

export function readFrontMatterBlock(fileText: string): FrontMatterBlock {
  const text = fileText.startsWith(byteOrderMark) ? fileText.slice(1) : fileText;
  const firstLineEnd = text.search(/\r?\n/);
  const firstLine = firstLineEnd === -1 ? text : text.slice(0, firstLineEnd);
  if (!text.startsWith("---") || text.startsWith("----")) {
    return { problem: { line: 1, message: "the page has no front matter: start the file with a line ---, then at least title: and metadesc:, then another line ---" } };
  }
  if (firstLine.trim() !== "---") {
    return { problem: { line: 1, message: "the first line must be exactly --- with nothing after it (front matter is YAML only)" } };
  }
  const rest = text.slice(3);
  const close = rest.indexOf("\n---");
  if (close === -1) {
    const lines = text.split("\n").length;
    return {
      problem: {
        line: lines,
        message: "the front matter has no closing line ---: add a line with only --- after the last field, before the page's text",
      },
    };
  }
  const block = rest.slice(0, close);
  const blockLines = block.split("\n");
  // Block line 0 is the rest of the opening line, so block line n is file line n + 1.
  const tabbed = blockLines.findIndex((line) => /^ *\t/.test(line));
  if (tabbed !== -1) {
    return {
      problem: {
        line: tabbed + 1,
        message: `line ${tabbed + 1} starts with a tab; YAML needs spaces: replace the tab with spaces (two for each level)`,
      },
    };
  }
  if (block.replace(/^[ \t]*#.*$/gm, "").trim() === "") return { data: {} };
  try {
    // Eleventy's own reader (gray-matter), with the YAML reader Eleventy is given: the check reads what the build reads.
    const data = matter(fileText, { engines: { yaml: (yaml: string) => parseYaml(yaml) as object } }).data as unknown;
    if (data === null || typeof data !== "object" || Array.isArray(data) || data instanceof Date) {
      return { problem: { line: 2, message: "the front matter must be a list of fields, one `field: value` a line" } };
    }
    return { data: data as Record<string, unknown> };
  } catch (caught) {
    const line = caught instanceof YamlProblem ? caught.line + 1 : 1;
    const reason = caught instanceof Error ? caught.message : "it could not be read";
    if (caught instanceof YamlProblem && /front matter|field name/.test(reason)) return { problem: { line, message: reason } };
    return {
      problem: {
        line,
        message: `the front matter is not valid YAML (${reason}) on line ${line}. Each line should be \`field: value\`, list items start with "  - ", and text containing a colon or starting with a quote needs to be in quotes`,
      },
    };
  }
}
