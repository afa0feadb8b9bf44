// One grid for every page type, at every width: the title and the body start on the same left edge, and no
// heading runs past 20 words. Screenshots of every page at 320, 375, 768, 1280 and 1920px go to screenshots/
// (git-ignored) for reviewers, and are listed at the end of the run.
import { mkdirSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { footerProblems, leftEdgeProblems, longHeadingProblems } from "../support/gates/layout.js";
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
    "at %ipx, starts the title and the body on the same left edge (and is screenshotted)",
    async (width) => {
      await page.setViewportSize({ width, height: 800 });
      await visit(page, site.origin, url);
      const file = join(screenshotsDir, `${screenshotName(url)}-${width}.png`);
      await page.screenshot({ path: file, fullPage: true });
      taken.push(file);
      expect(await leftEdgeProblems(page, `${url} at ${width}px`)).toEqual([]);
    },
  );

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

describe("the layout gates", () => {
  it("fail a body in a centred column and a paragraph set as a heading, naming the page and the element", async () => {
    const bad = temporarySite({
      "bad/index.html": `<!doctype html><html lang="en-GB"><head><title>Bad</title></head><body style="margin:0"><main>
        <div class="hero"><h1 style="margin:0 0 0 32px">Bad page</h1></div>
        <div style="max-width:600px;margin:0 auto"><p>A paragraph in a centred column.</p>
        <h2>${"This heading is really a paragraph with far too many words in it to read as a heading at all here ".trim()}</h2></div>
        </main></body></html>`,
    });
    const badSite = await openSite(bad.dir);
    try {
      const badPage = await (await badSite.browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
      await badPage.goto(`${badSite.origin}/bad/`);
      const edges = await leftEdgeProblems(badPage, "/bad/");
      expect(edges[0]).toBe(
        "/bad/: p “A paragraph in a centred column.” starts at 340px, but the title (h1 “Bad page”) at 32px",
      );
      expect(edges).toHaveLength(2);
      expect(await longHeadingProblems(badPage, "/bad/")).toEqual([
        expect.stringMatching(/^\/bad\/: an h2 of 21 words \(at most 20\)/),
      ]);
      await badPage.setContent(
        `<body style="margin:0"><main style="height:200px"></main><footer class="site-footer" style="height:100px"></footer></body>`,
      );
      expect(await footerProblems(badPage, "/bad/")).toEqual([
        "/bad/: the footer ends 500px above the bottom of the page",
      ]);
    } finally {
      await badSite.close();
      bad.remove();
    }
  });
});
