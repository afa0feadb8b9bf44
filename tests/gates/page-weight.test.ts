import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  defaultBudget,
  measurePage,
  overBudget,
  siteFileReader,
  weightTable,
  type ReadSiteFile,
} from "../../src/checks/page-weight.js";
import { readSiteDir } from "../../src/checks/link-check.js";
import { inAdminArea } from "../../src/cms/admin-csp.js";
import { siteDir } from "../support/built-site.js";

/** Random text that gzips to about the given number of bytes. */
const incompressible = (bytes: number) => randomBytes(bytes).toString("base64");

const page = (head: string, body = "") =>
  `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>A page</title>${head}</head><body>${body}</body></html>`;

const files =
  (contents: Record<string, string>): ReadSiteFile =>
  (path) =>
    contents[path];

describe("the page-weight budget on the built site", () => {
  it("keeps every page within budget, and prints the table", () => {
    const { html } = readSiteDir(siteDir);
    const read = siteFileReader(siteDir);
    // Visitors' pages: the editor at /admin/ loads Decap CMS's bundle for editors only (docs/cms.md).
    const weights = [...html]
      .filter(([path]) => !inAdminArea(path))
      .map(([path, contents]) => measurePage(path, contents, read));
    console.log(`Page weight (gzipped):\n${weightTable(weights)}`);
    expect(weights.length).toBeGreaterThan(0);
    // The stylesheet and its fonts are measured: a page with a stylesheet showing 0 KB of CSS or fonts would mean the gate saw nothing.
    const styled = weights.filter((w) => html.get(w.page)?.includes('rel="stylesheet"'));
    expect(styled.length).toBeGreaterThan(0);
    for (const weight of styled) expect(weight.blockingCss, weight.page).toBeGreaterThan(500);
    for (const weight of styled) expect(weight.fonts, weight.page).toBeGreaterThan(1024);
    expect(
      weights
        .map((w) => overBudget(w))
        .filter(Boolean)
        .join("\n"),
    ).toBe("");
  });
});

describe("the page-weight budget", () => {
  it("fails an oversized page, naming it and its figures", () => {
    const css = incompressible(6 * 1024);
    const weight = measurePage(
      "/heavy/index.html",
      page('<link rel="stylesheet" href="/main.css">', `<p>${incompressible(10 * 1024)}</p>`),
      files({ "/main.css": css }),
    );
    expect(weight.firstRoundTrip).toBeGreaterThan(defaultBudget.firstRoundTrip);
    expect(overBudget(weight)).toMatch(
      /^\/heavy\/index\.html: HTML \+ render-blocking CSS is 1\d\.\d KB gzipped \(HTML \d+\.\d KB, CSS [56]\.\d KB\), over 14\.0 KB$/,
    );
    expect(weightTable([weight])).toMatch(/\/heavy\/index\.html.*✗/);
  });

  it("counts stylesheets a stylesheet imports, and not print ones", () => {
    const weight = measurePage(
      "/index.html",
      page('<link rel="stylesheet" href="/a.css"><link rel="stylesheet" href="/print.css" media="print">'),
      files({
        "/a.css": '@import url("/b.css");',
        "/b.css": incompressible(15 * 1024),
        "/print.css": incompressible(30 * 1024),
      }),
    );
    expect(weight.blockingCss).toBeGreaterThan(14 * 1024);
    expect(weight.blockingCss).toBeLessThan(20 * 1024);
    expect(overBudget(weight)).toMatch(/^\/index\.html: HTML \+ render-blocking CSS/);
  });

  it("fails a page with too much JavaScript, counting files and inline scripts", () => {
    const weight = measurePage(
      "/news/index.html",
      page(
        '<script src="/a.js" defer></script>',
        `<script>${incompressible(6 * 1024)}</script><script type="application/ld+json">${incompressible(1024)}</script>`,
      ),
      files({ "/a.js": incompressible(6 * 1024) }),
    );
    expect(overBudget(weight)).toMatch(/^\/news\/index\.html: JavaScript is 1\d\.\d KB gzipped, over 10\.0 KB$/);
  });

  it("allows Pagefind's script on the search page only", () => {
    const read = files({ "/pagefind/pagefind-ui.js": incompressible(30 * 1024) });
    const html = page('<script src="/pagefind/pagefind-ui.js" defer></script>');
    const search = measurePage("/search/index.html", html, read);
    expect(overBudget(search)).toBeUndefined();
    expect(search.allowedJs).toBeGreaterThan(20 * 1024);
    expect(overBudget(measurePage("/news/index.html", html, read))).toMatch(/^\/news\/index\.html: JavaScript is/);
  });

  it("fails a render-blocking request to another host, and script it cannot weigh", () => {
    const weight = measurePage(
      "/contact/index.html",
      page(
        '<link rel="stylesheet" href="https://fonts.example.org/font.css"><script src="https://cdn.example.org/a.js"></script><script async src="https://cdn.example.org/b.js"></script>',
      ),
      files({}),
    );
    expect(weight.blockingElsewhere).toEqual(["https://fonts.example.org/font.css", "https://cdn.example.org/a.js"]);
    expect(overBudget(weight)).toBe(
      "/contact/index.html: blocks rendering on another host: https://fonts.example.org/font.css, https://cdn.example.org/a.js; loads JavaScript from another host, which cannot be weighed: https://cdn.example.org/b.js",
    );
  });

  it("counts each web font a stylesheet's @font-face rules or a preload name once, and fails a page over the font budget", () => {
    const css = `@font-face{font-family:A;src:url(/fonts/a.woff2) format("woff2")}@font-face{font-family:B;src:url("../fonts/b.woff2")}body{background:url(/img/x.png)}`;
    const read = files({
      "/css/main.css": css,
      "/fonts/a.woff2": "a".repeat(20 * 1024),
      "/fonts/b.woff2": "b".repeat(25 * 1024),
      "/fonts/c.woff2": "c".repeat(10 * 1024),
    });
    const light = measurePage("/index.html", page('<link rel="stylesheet" href="/css/main.css">'), read);
    expect(light.fonts).toBe(45 * 1024);
    expect(overBudget(light)).toBeUndefined();
    const heavy = measurePage(
      "/about/index.html",
      page(
        '<link rel="preload" href="/fonts/a.woff2" as="font" type="font/woff2" crossorigin><link rel="preload" href="/fonts/c.woff2" as="font" crossorigin><link rel="stylesheet" href="/css/main.css">',
      ),
      read,
    );
    expect(heavy.fonts).toBeGreaterThan(defaultBudget.fonts);
    expect(overBudget(heavy)).toBe("/about/index.html: web fonts are 55.0 KB, over 50.0 KB");
    expect(weightTable([heavy])).toMatch(/Fonts \(≤ 50\.0 KB\)[\s\S]*\/about\/index\.html.*✗/);
  });

  it("fails a page naming a stylesheet that is not there", () => {
    expect(overBudget(measurePage("/index.html", page('<link rel="stylesheet" href="/gone.css">'), files({})))).toBe(
      "/index.html: names files that are not in the site: /gone.css",
    );
  });
});
