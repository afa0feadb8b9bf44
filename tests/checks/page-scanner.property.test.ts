// The page scanner and every rule on it read whatever a page holds: they never throw, always place
// a problem on a real line, and finish quickly on input built to make patterns backtrack.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkHtmlBlocks, htmlTags } from "../../src/checks/html-blocks.js";
import { scanPage } from "../../src/core/html-scanner.js";
import { checkRenderedPages, pageRules } from "../../src/checks/rendered.js";

const pieces = [
  "<",
  ">",
  "</",
  "/>",
  "<div>",
  "</div>",
  '<a href="',
  "<a href='/x'>",
  "</a>",
  "<img src=",
  ' alt="',
  '"',
  "'",
  "=",
  "<script>",
  "</script>",
  "<style>",
  "<!--",
  "-->",
  "<h2>",
  "</h2>",
  "<h5>",
  "## ",
  "**",
  "[",
  "](",
  ")",
  "![",
  "\n",
  " ",
  "javascript:",
  "data:text/html,",
  "https://example.org/",
  "&amp;",
  "&",
  "#",
  "<main>",
  "</main>",
  "<iframe src=",
  "onclick=",
  "<table>",
  "<th>",
];
const htmlish = fc
  .array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 8 })), { maxLength: 200 })
  .map((parts) => parts.join(""));
const anyText = fc.oneof(htmlish, fc.string({ unit: "binary", maxLength: 400 }));

/** Long near-misses for every pattern the rules use: brackets that never close, tags that never end, runs of one character. */
const adversarial = (n: number) => [
  "[".repeat(n),
  "![".repeat(n),
  `[${"a".repeat(n)}](`,
  `![${"a".repeat(n)}](${"b".repeat(n)}`,
  "*".repeat(n),
  `**${"a".repeat(n)}`,
  "#".repeat(n),
  `${"#".repeat(6)}${" ".repeat(n)}`,
  "<a".repeat(n),
  `<div ${'a="'.repeat(n)}`,
  "<".repeat(n),
  "<div>".repeat(n),
  "</div>".repeat(n),
  "<!--".repeat(n),
  `<img src="${"/".repeat(n)}">`,
  `<a href="${"%".repeat(n)}">x</a>`,
  `<img srcset="${"a ".repeat(n)}">`,
  `<main>${"<p>## x **y** [z](w)</p>".repeat(n / 20)}</main>`,
  "java\tscript:".repeat(n),
];

describe("the page scanner on arbitrary input", () => {
  it("every rule reports on any page without throwing, at a real line", () => {
    fc.assert(
      fc.property(anyText, anyText, (html, source) => {
        const problems = checkRenderedPages(
          [{ path: "/x/index.html", file: "content/x.md", html }],
          new Set(),
          () => source,
        );
        for (const problem of problems) {
          expect(problem.line).toBeGreaterThanOrEqual(1);
          expect(problem.column).toBeGreaterThanOrEqual(1);
          expect(problem.message.length).toBeGreaterThan(10);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("the markdown HTML-block check reads any page without throwing", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        for (const problem of checkHtmlBlocks("content/x.md", `---\ntitle: x\n---\n${text}`))
          expect(problem.line).toBeGreaterThanOrEqual(4);
        void [...htmlTags(text)];
      }),
      { numRuns: 300 },
    );
  });

  // That no pattern can backtrack is proved by the lint (eslint-plugin-regexp); these inputs stay as ordinary cases.
  it("reads input built to make patterns backtrack, and answers", () => {
    const n = 20_000;
    for (const text of adversarial(n)) {
      const html = `<!doctype html><html><body><main>${text}</main></body></html>`;
      scanPage(html, pageRules());
      checkRenderedPages([{ path: "/x/index.html", file: "content/x.md", html }], new Set(), () => text);
      expect(Array.isArray(checkHtmlBlocks("content/x.md", text)), JSON.stringify(text.slice(0, 30))).toBe(true);
    }
  });
});
