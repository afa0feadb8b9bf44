// Bounded work: one editor's file cannot stall the check or the build. Each limit is refused with a message
// naming the file, and the steps whose work is not linear in their input are shown, by counting what they
// are given and what they do, never by a stopwatch, to stay within the limits.
import { rmSync } from "node:fs";
import { join } from "node:path";
import { HtmlElement, HtmlValidate } from "html-validate";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { buildSite } from "../../src/build/build.js";
import { checkHtmlBlocks } from "../../src/checks/html-blocks.js";
import { capPerFile, limits, tagsWritten } from "../../src/checks/limits.js";
import { RenderedChecker } from "../../src/checks/rendered.js";
import { pageLimits } from "../../src/checks/scan-rules/page-limits.js";
import { checkSources, countElements } from "../../src/checks/source-checks.js";
import { scanPage } from "../../src/core/html-scanner.js";
import { error, formatProblem, positionAt } from "../../src/core/problems.js";
import { fixturePage } from "../support/rendered-fixture.js";
import { fixtureProject, fixtureSite, page, type FixtureProject } from "../support/fixture-project.js";

const fields = "title: Big\nmetadesc: A page made by a test, to show what the check does with a page this large.";
const today = "2026-03-01";

describe("the limits, each an editor's message naming the file", () => {
  let project: FixtureProject;
  beforeAll(() => {
    project = fixtureProject(fixtureSite("small-site"));
  });
  afterAll(() => project.remove());
  afterEach(() => vi.restoreAllMocks());

  const sourceLines = async (files: Record<string, string>) => {
    for (const [path, text] of Object.entries(files)) project.write(path, text);
    try {
      return (await checkSources(project.root, { today })).problems.map(formatProblem);
    } finally {
      for (const path of Object.keys(files)) rmSync(join(project.root, path), { force: true });
    }
  };

  it("refuses a page or data file over the size limit unread, before anything renders", async () => {
    const validate = vi.spyOn(HtmlValidate.prototype, "validateStringSync");
    const big = page(fields, "<p>word</p>\n".repeat(Math.ceil(limits.fileBytes / 12)));
    const lines = await sourceLines({
      "content/big.md": big,
      "content/big/big.11tydata.json": `{"x": "${"a".repeat(limits.fileBytes)}"}`,
    });
    expect(lines).toContain(
      `content/big.md:1:1: error: content/big.md is ${Math.ceil(Buffer.byteLength(big) / 1000)} KB; a page or data file can be at most 500 KB (about 80,000 words). Split it into several pages, or publish the long document as a PDF in static/documents/ and link to it`,
    );
    expect(lines.join("\n")).toMatch(
      /^content\/big\/big\.11tydata\.json:1:1: error: content\/big\/big\.11tydata\.json is 501 KB/m,
    );
    // Nothing of it reached html-validate: the check read no more of the file than its size.
    expect(validate.mock.calls.filter(([, file]) => file === "/content/big.md")).toEqual([]);
    project.write("content/big.md", big);
    try {
      const check = await buildSite({ root: project.root, write: false });
      expect(check.ok).toBe(false);
      expect(check.pages, "nothing rendered").toBe(0);
    } finally {
      rmSync(join(project.root, "content/big.md"));
    }
  });

  it("refuses a redirect_from list over the limit before any stub page is made, and checks none of its entries", async () => {
    const many = Array.from({ length: limits.redirects + 1 }, (_, i) => `  - /Old Page ${i}/`).join("\n");
    const lines = await sourceLines({ "content/moved.md": page(`${fields}\nredirect_from:\n${many}`) });
    expect(lines.filter((line) => line.startsWith("content/moved.md:"))).toEqual([
      "content/moved.md:4:1: error: redirect_from lists 101 old addresses; a page can list at most 100. Keep the addresses people still use, and remove the rest",
    ]);
  });

  it("refuses a page with more HTML tags written in it than the limit before any of its HTML is parsed", async () => {
    const validate = vi.spyOn(HtmlValidate.prototype, "validateStringSync");
    const nested = page(fields, `${"<div>".repeat(limits.tags + 1)}\nText.\n`);
    const lines = await sourceLines({ "content/nested.md": nested });
    // Parsed, it would have 10,001 unclosed <div>s to report: it has only the one line.
    expect(lines.filter((line) => line.startsWith("content/nested.md:"))).toEqual([
      "content/nested.md:1:1: error: the page has 10,001 HTML tags written in it; a page can have at most 10,000. Split it into several pages",
    ]);
    expect(validate.mock.calls.filter(([, file]) => file === "/content/nested.md")).toEqual([]);
    expect(tagsWritten("a < b, <p>x</p> <!-- c --> </ d> <3")).toBe(2);
  });

  it("lets through a page at the limits", async () => {
    const headings = Array.from({ length: 200 }, (_, i) => `## Heading ${i}\n\nText.\n`).join("\n");
    const redirects = Array.from({ length: limits.redirects }, (_, i) => `  - /old-${i}/`).join("\n");
    const lines = await sourceLines({ "content/long.md": page(`${fields}\nredirect_from:\n${redirects}`, headings) });
    expect(lines.filter((line) => line.startsWith("content/long.md:"))).toEqual([]);
  });

  it("counts headings, links and elements on the rendered page, and names the page's file over each limit", () => {
    const over = (limit: number) => limit + 1;
    const html = `<main>${"<h2>x</h2>".repeat(over(limits.headings))}${'<a href="/">x</a>'.repeat(over(limits.links))}${"<span></span>".repeat(limits.elements)}</main>`;
    const findings = scanPage(html, [pageLimits()]);
    expect(findings.map((finding) => finding.message)).toEqual([
      "the page has 501 headings; a page can have at most 500. Split it into several pages",
      "the page has 2,001 links; a page can have at most 2,000. Split it into several pages",
      `the page has ${(501 + 2001 + 5000 + 1).toLocaleString("en-GB")} HTML elements (tags); a page can have at most 5,000. Split it into several pages`,
    ]);
    const { page: rendered, source } = fixturePage("long", "## A\n".repeat(over(limits.headings)));
    const checker = new RenderedChecker(() => source);
    checker.check(rendered);
    expect(checker.finish(new Set([rendered.path])).map(formatProblem)).toContain(
      "content/long.md:1:1: error: the page has 502 headings; a page can have at most 500. Split it into several pages",
    );
  });
});

describe("the steps whose work is not linear stay within the limits", () => {
  afterEach(() => vi.restoreAllMocks());

  it("html-validate is never given a page over the element limit: the rendered page's count reports it instead", async () => {
    const project = fixtureProject(fixtureSite("small-site"));
    try {
      // Called through: the spy only records what html-validate is given.
      const validate = vi.spyOn(HtmlValidate.prototype, "validateStringSync");
      // Few tags written, many elements made: markdown's paragraphs inside the editor's <div>.
      project.write("content/wide.md", page(fields, `<div>\n\n${"Words.\n\n".repeat(limits.elements)}</div>\n`));
      project.write("content/narrow.md", page(fields, `<div>\n${"<p>x</p>".repeat(100)}\n</div>\n`));
      const check = await buildSite({ root: project.root, write: false });
      const given = validate.mock.calls.map(([html]) => countElements(String(html)));
      expect(given.length).toBeGreaterThan(0);
      expect(Math.max(...given)).toBeLessThanOrEqual(limits.elements);
      expect(check.problems.map(formatProblem).join("\n")).toMatch(
        /^content\/wide\.md:1:1: error: the page has [\d,]+ HTML elements \(tags\); a page can have at most 5,000/m,
      );
    } finally {
      project.remove();
    }
  }, 120_000);

  it("html-validate's work does not grow with its messages: no selector is worked out for any of them", async () => {
    const { findInvalidHtml, readHtmlValidateConfig } = await import("../../src/checks/html-validity.js");
    const config = readHtmlValidateConfig(join(import.meta.dirname, "..", "..", ".htmlvalidate.json"));
    const searches = async (items: number) => {
      const spy = vi.spyOn(HtmlElement.prototype, "querySelectorAll");
      // Every button shares one id and lacks a type: messages on every element.
      const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>x</title></head><body><main>${'<button id="a">x</button>'.repeat(items)}</main></body></html>`;
      const messages = (await findInvalidHtml(new Map([["/x.html", html]]), config)).length;
      const count = spy.mock.calls.length;
      spy.mockRestore();
      return { messages, count };
    };
    const small = await searches(50);
    const large = await searches(500);
    expect(large.messages).toBeGreaterThanOrEqual(10 * small.messages);
    // The document-wide searches of its rules, a fixed number, however many messages.
    expect(large.count).toBe(small.count);
  });

  it("places at most the first problems of a file: the source is searched a bounded number of times, however many problems", () => {
    const { page: rendered, source } = fixturePage("images", '<img src="/static/a.svg">\n'.repeat(5_000));
    let reads = 0;
    const checker = new RenderedChecker(() => {
      reads += 1;
      return source;
    });
    checker.check(rendered);
    const problems = checker.finish(new Set([rendered.path, "/static/a.svg"]));
    expect(reads).toBeLessThanOrEqual(limits.problemsPerFile);
    expect(problems.filter((problem) => /has no alt text/.test(problem.message))).toHaveLength(limits.problemsPerFile);
    expect(problems.map(formatProblem)).toContainEqual(
      expect.stringMatching(
        /^content\/images\.md:1:1: error: [\d,]+ more problems in content\/images\.md are not listed/,
      ),
    );
  });

  it("keeps one line per file saying how many more, counting what every step left out", () => {
    const lines = Array.from({ length: 120 }, (_, i) => error("content/a.md", i + 2, 1, `problem ${i}`));
    const earlier = error(
      "content/a.md",
      1,
      1,
      "50 more problems in content/a.md are not listed: fix the ones listed, then check again",
    );
    const capped = capPerFile([earlier, ...lines]).map(formatProblem);
    expect(capped).toHaveLength(limits.problemsPerFile + 1);
    expect(capped.at(-1)).toBe(
      "content/a.md:1:1: error: 70 more problems in content/a.md are not listed: fix the ones listed, then check again",
    );
  });

  it("finds a line and column by one read of a text, however many are asked for", () => {
    const text = "ab\ncd\n\nef";
    expect([0, 2, 3, 6, 7, 9, 99].map((offset) => positionAt(text, offset))).toEqual([
      { line: 1, column: 1 },
      { line: 1, column: 3 },
      { line: 2, column: 1 },
      { line: 3, column: 1 },
      { line: 4, column: 1 },
      { line: 4, column: 3 },
      { line: 4, column: 3 },
    ]);
    const indexOf = vi.spyOn(String.prototype, "indexOf");
    const long = "line\n".repeat(10_000);
    for (let offset = 0; offset < long.length; offset += 97) positionAt(long, offset);
    // One pass for the line starts (a search per line), then none per position asked.
    expect(indexOf.mock.calls.length).toBeLessThanOrEqual(10_001 + 5);
  });

  it("names every stray closing tag once, with thousands of tags still open", () => {
    const source = page(fields, `<div>\n${"<section>".repeat(2_000)}${"</b>".repeat(2_000)}\n`);
    const lines = checkHtmlBlocks("content/tags.md", source).map(formatProblem);
    expect(lines.filter((line) => /<\/b> closes a <b> that was never opened/.test(line))).toHaveLength(2_000);
  });
});
