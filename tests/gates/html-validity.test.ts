import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { describeHtmlProblems, findInvalidHtml, readHtmlValidateConfig } from "../../src/checks/html-validity.js";
import { readSiteDir } from "../../src/checks/link-check.js";
import { siteDir } from "../support/built-site.js";

const config = readHtmlValidateConfig(join(import.meta.dirname, "..", "..", ".htmlvalidate.json"));

const page = (body: string) =>
  `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>A page</title></head><body><main>${body}</main></body></html>`;

describe("html-validate over the built site", () => {
  it("finds no errors on any page", async () => {
    const { html } = readSiteDir(siteDir);
    expect(html.size).toBeGreaterThan(0);
    const problems = await findInvalidHtml(html, config);
    expect(describeHtmlProblems(problems)).toBe("");
  });

  it("fails a page with an invalid element, naming the page, line and rule", async () => {
    const problems = await findInvalidHtml(
      new Map([
        ["/good/index.html", page("<p>Fine</p>")],
        [
          "/bad/index.html",
          page(`<p>A paragraph\n<div>cannot hold a div</div></p><span id="x"></span><span id="x"></span>`),
        ],
      ]),
      config,
    );
    expect(problems.length).toBeGreaterThan(0);
    expect(new Set(problems.map((p) => p.page))).toEqual(new Set(["/bad/index.html"]));
    expect(problems.map((p) => p.rule)).toContain("no-dup-id");
    expect(describeHtmlProblems(problems)).toMatch(/^\/bad\/index\.html:\d+:\d+ \S+ – /);
  });

  it("fails a page that loads a script from another host without integrity", async () => {
    const problems = await findInvalidHtml(
      new Map([["/cdn/index.html", page('<script src="https://cdn.example.org/x.js"></script>')]]),
      config,
    );
    expect(problems.map((p) => `${p.page} ${p.rule}`)).toContain("/cdn/index.html require-sri");
  });
});
