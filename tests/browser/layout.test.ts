// One grid for every page type, at every width: every block on the 12-column grid's lines, the space above
// each heading a step of one scale, no stray full-width block, a wordmark that holds at its size, no heading
// over 20 words, and, at 1280×900, the body's first paragraph within the first 450px. Screenshots of every
// page at 320, 375, 768, 1280 and 1920px go to screenshots/ (git-ignored) for reviewers, and are listed at the
// end of the run. Each gate is shown failing a page built to break it.
import { mkdirSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import {
  firstParagraphLimit,
  firstParagraphProblems,
  footerProblems,
  gridProblems,
  longHeadingProblems,
  spacingProblems,
  strayBlockProblems,
  wordmarkProblems,
} from "../support/gates/layout.js";
import {
  contentUrls,
  launchTimeout,
  openSite,
  screenshotName,
  screenshotsDir,
  temporarySite,
  visit,
  type BrowserSite,
} from "./site.js";

const widths = [320, 375, 768, 1280, 1920];

let site: BrowserSite;
let page: Page;
const taken: string[] = [];

beforeAll(async () => {
  site = await openSite();
  page = await (await site.browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  mkdirSync(screenshotsDir, { recursive: true });
}, launchTimeout);

afterAll(async () => {
  await site?.close();
  if (taken.length)
    console.log(
      `Screenshots (${taken.length}):\n${taken.map((file) => `  ${relative(process.cwd(), file)}`).join("\n")}`,
    );
});

describe.each(contentUrls)("%s", (url) => {
  it.each(widths)(
    "at %ipx, keeps every block on the grid, spaces headings from the scale, has no stray block and a wordmark that holds (and is screenshotted)",
    async (width) => {
      await page.setViewportSize({ width, height: 900 });
      await visit(page, site.origin, url);
      await page.evaluate(() => document.fonts.ready);
      const file = join(screenshotsDir, `${screenshotName(url)}-${width}.png`);
      await page.screenshot({ path: file, fullPage: true });
      taken.push(file);
      const label = `${url} at ${width}px`;
      expect([
        ...(await gridProblems(page, label)),
        ...(await spacingProblems(page, label)),
        ...(await strayBlockProblems(page, label)),
        ...(await wordmarkProblems(page, label)),
      ]).toEqual([]);
    },
  );

  it(`at 1280×900, starts the body's first paragraph within ${firstParagraphLimit}px`, async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await visit(page, site.origin, url);
    await page.evaluate(() => document.fonts.ready);
    expect(await firstParagraphProblems(page, `${url} at 1280×900px`)).toEqual([]);
  });

  it("in a window taller than the page, keeps the footer at the bottom", async () => {
    await page.setViewportSize({ width: 1280, height: 4000 });
    await visit(page, site.origin, url);
    expect(await footerProblems(page, `${url} at 1280×4000px`)).toEqual([]);
  });

  it(`has no heading longer than 20 words`, async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await visit(page, site.origin, url);
    expect(await longHeadingProblems(page, url)).toEqual([]);
  });
});

/** A page of the bad site: the grid's custom properties, a 1000px container with no gutters (so columns are 56px with 32px gutters), and `body`. */
const badPage = (body: string, css = "") =>
  `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Bad</title><style>
  :root{--grid-columns:12;--grid-gutter:32px} body{margin:0;font:16px/24px sans-serif} *{box-sizing:border-box}
  .container{width:1000px;margin:0;padding:0} .hero{background:#323e48;color:#fff;padding:32px 0}
  .page-body{padding-top:32px} .layout{display:grid;grid-template-columns:repeat(12,minmax(0,1fr));column-gap:32px}
  .layout>*{grid-column:1/-1} .layout__main{grid-column:1/span 8} .layout__aside{grid-column:9/span 4}
  h1,h2,p{margin:0 0 24px} h2{margin-top:48px} ${css}</style></head>
  <body><main><div class="hero"><div class="container"><h1>Bad page</h1></div></div>${body}</main>
  <footer class="site-footer" style="height:100px"></footer></body></html>`;

describe("the layout gates", () => {
  let bad: ReturnType<typeof temporarySite>;
  let badSite: BrowserSite;
  let badPageTab: Page;
  beforeAll(async () => {
    bad = temporarySite({
      "off-grid/index.html": badPage(
        `<div class="container page-body"><div class="layout"><div class="layout__main">
        <p>On the first column line.</p>
        <p style="margin-left:40px">A paragraph pushed off the grid.</p>
        <div class="notice" style="background:#eee;width:300px"><p>A box ending between columns.</p></div>
        </div></div></div>`,
      ),
      "spacing/index.html": badPage(
        `<div class="container page-body"><div class="layout"><div class="layout__main">
        <p>Intro.</p><h2>First section</h2><p>Text.</p>
        <h2 style="margin-top:68px">Second section</h2><p>Text.</p>
        <h2 style="margin-top:32px">Third section</h2><p>Text.</p>
        </div></div></div>`,
      ),
      "stray/index.html": badPage(
        `<div class="container page-body"><div class="layout"><div class="layout__main">
        <p>Text in the main column.</p><figure style="width:1000px;margin:0;background:#333;height:100px"></figure>
        </div><div class="video-band"><p>A block across the grid.</p></div><div class="layout__aside"><p>Aside.</p></div></div>
        <p>A paragraph outside the grid.</p></div>`,
      ),
      "low/index.html": badPage(
        `<div style="height:600px"></div><div class="container page-body"><p>Too far down.</p></div>`,
      ),
      "wordmark/index.html": badPage(`<div class="container page-body"><p>Text.</p></div>`, "").replace(
        "<main>",
        `<header><img src="/wordmark.svg" alt="NLC" style="height:20px;width:auto"></header><main>`,
      ),
      "wordmark.svg": `<svg xmlns="http://www.w3.org/2000/svg" viewBox="-1 -1 93 42"><path d="M0 0H10" stroke="#000" stroke-width="1.5"/></svg>`,
      "long/index.html": badPage(
        `<div class="container page-body"><h2>${"This heading is really a paragraph with far too many words in it to read as a heading at all here ".trim()}</h2></div>`,
      ),
    });
    badSite = await openSite(bad.dir);
    badPageTab = await (await badSite.browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  }, launchTimeout);
  afterAll(async () => {
    await badSite?.close();
    bad?.remove();
  });

  it("the grid gate fails a block off the column lines and a box ending between columns, naming them", async () => {
    await badPageTab.goto(`${badSite.origin}/off-grid/`);
    expect(await gridProblems(badPageTab, "/off-grid/")).toEqual([
      "/off-grid/: p “A paragraph pushed off the grid.” starts at 40px, off the grid's column lines (column 1 starts at 0px)",
      "/off-grid/: div.notice “A box ending between columns.” draws a box that ends at 300px, off the grid's column lines",
    ]);
    // A page whose CSS does not say where its grid is cannot pass.
    await badPageTab.setContent("<main><div class='container'><p>x</p></div></main>");
    expect(await gridProblems(badPageTab, "/x/")).toEqual([
      "/x/: the page's CSS sets no --grid-columns and --grid-gutter",
    ]);
  });

  it("the spacing gate fails space above a heading off the scale, and sections spaced unalike", async () => {
    await badPageTab.goto(`${badSite.origin}/spacing/`);
    const problems = await spacingProblems(badPageTab, "/spacing/");
    expect(problems).toEqual([
      "/spacing/: h2 “Second section” is 68px below the p above it, not a step of the spacing scale (0, 4, 8, 16, 24, 32, 48, 64px)",
      "/spacing/: the h2s in one column are spaced differently (“First section” 48px, “Second section” 68px, “Third section” 32px)",
    ]);
  });

  it("the stray-block gate fails a block past the main column, a band across the grid, and a block outside it", async () => {
    await badPageTab.goto(`${badSite.origin}/stray/`);
    const problems = await strayBlockProblems(badPageTab, "/stray/");
    expect(problems).toEqual([
      "/stray/: div.video-band “A block across the grid.” is a block across the grid that is neither the main column, the aside, nor declared full width",
      "/stray/: p “A paragraph outside the grid.” sits in the body outside its grid (.layout)",
      "/stray/: figure “” runs from 0 to 1000px, past the main column (0 to 656px)",
    ]);
  });

  it("the first-paragraph gate fails a page whose body starts too low", async () => {
    await badPageTab.goto(`${badSite.origin}/low/`);
    expect(await firstParagraphProblems(badPageTab, "/low/")).toEqual([
      `/low/: the first paragraph (“Too far down.”) starts at 744px, below ${firstParagraphLimit}px`,
    ]);
  });

  it("the wordmark gate fails strokes drawn thinner than a pixel", async () => {
    await badPageTab.goto(`${badSite.origin}/wordmark/`);
    expect(await wordmarkProblems(badPageTab, "/wordmark/")).toEqual([
      "/wordmark/: the header wordmark draws its strokes 0.71px wide at 20px tall, under 1px",
    ]);
  });

  it("the heading and footer gates fail a paragraph set as a heading and a footer short of the bottom", async () => {
    await badPageTab.goto(`${badSite.origin}/long/`);
    expect(await longHeadingProblems(badPageTab, "/long/")).toEqual([
      expect.stringMatching(/^\/long\/: an h2 of 21 words \(at most 20\)/),
    ]);
    await badPageTab.setContent(
      `<body style="margin:0"><main style="height:200px"></main><footer class="site-footer" style="height:100px"></footer></body>`,
    );
    expect(await footerProblems(badPageTab, "/bad/")).toEqual([
      "/bad/: the footer ends 600px above the bottom of the page",
    ]);
  });
});
