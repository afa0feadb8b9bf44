// Every page as it loads: no console errors, nothing requested beyond 127.0.0.1 (no consent has been given),
// no sideways scrolling at 320px (400% zoom), and screenshots at 1280px and 375px for reviewers.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { sidewaysScroll, watchPage, type PageWatch } from "../support/gates/page-checks.js";
import {
  launchTimeout,
  searchWord,
  openSite,
  pageUrls,
  redirectTarget,
  screenshotName,
  screenshotsDir,
  temporarySite,
  type BrowserSite,
} from "./site.js";

let site: BrowserSite;
let page: Page;
let watch: PageWatch;

beforeAll(async () => {
  site = await openSite();
  page = await (await site.browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  watch = await watchPage(page);
  mkdirSync(screenshotsDir, { recursive: true });
}, launchTimeout);

afterAll(async () => site?.close());

/** At 320px, with the menu closed and open: why the page scrolls sideways, if it does. */
async function sidewaysAt320(page: Page, label: string): Promise<string[]> {
  await page.setViewportSize({ width: 320, height: 640 });
  const problems = [await sidewaysScroll(page, `${label} at 320px`)];
  const hasMenu = await page.evaluate(() => {
    const menu = document.querySelector<HTMLDetailsElement>("details.menu");
    if (menu) menu.open = true;
    return !!menu;
  });
  if (hasMenu) problems.push(await sidewaysScroll(page, `${label} at 320px with the menu open`));
  return problems.filter((problem): problem is string => !!problem);
}

describe.each(pageUrls)("%s", (url) => {
  it("loads with no console errors and no request leaving 127.0.0.1", async () => {
    watch.reset();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${site.origin}${url}`, { waitUntil: "networkidle" });
    const target = redirectTarget(url);
    if (target) expect(new URL(page.url()).pathname, `${url} should lead on to ${target}`).toBe(target);
    expect(watch.consoleErrors, `console errors on ${url}`).toEqual([]);
    expect(watch.offsite, `requests leaving 127.0.0.1 from ${url}`).toEqual([]);
  });

  // A stub at an old address is gone in an instant: its destination is checked as a page of its own.
  if (!redirectTarget(url))
    it("does not scroll sideways at 320px, and is screenshotted at 1280px and 375px", async () => {
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.goto(`${site.origin}${url}`);
      await page.screenshot({ path: join(screenshotsDir, `${screenshotName(url)}-1280.png`), fullPage: true });
      await page.setViewportSize({ width: 375, height: 740 });
      await page.screenshot({ path: join(screenshotsDir, `${screenshotName(url)}-375.png`), fullPage: true });
      expect(await sidewaysAt320(page, url)).toEqual([]);
    });
});

describe.runIf(pageUrls.includes("/search/"))("the search page, searching", () => {
  it("loads Pagefind and shows results with no console errors and no request leaving 127.0.0.1", async () => {
    watch.reset();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${site.origin}/search/?q=${searchWord}`, { waitUntil: "networkidle" });
    expect(await page.locator("main li").count(), `search results for “${searchWord}”`).toBeGreaterThan(0);
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.offsite).toEqual([]);
  });
});

describe("the page-load gates", () => {
  it("fail a page that logs an error, calls another host and is too wide for 320px, naming the page", async () => {
    const bad = temporarySite({
      "bad/index.html": `<!doctype html><html lang="en-GB"><head><title>Bad</title></head><body><main><h1>Bad</h1>
        <img src="https://tracker.example.org/pixel.gif" alt=""><div class="wide" style="width:500px">Too wide</div>
        <script>console.error("Something broke")</script></main></body></html>`,
    });
    const badSite = await openSite(bad.dir);
    try {
      const badPage = await (await badSite.browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
      const badWatch = await watchPage(badPage);
      await badPage.goto(`${badSite.origin}/bad/`, { waitUntil: "networkidle" });
      expect(badWatch.offsite).toEqual(["https://tracker.example.org/pixel.gif"]);
      expect(badWatch.consoleErrors).toContain("Something broke");
      expect(await sidewaysAt320(badPage, "/bad/")).toEqual([
        "/bad/ at 320px: scrolls sideways – content is 508px wide in a 320px window (widest: div.wide)",
      ]);
    } finally {
      await badSite.close();
      bad.remove();
    }
  });
});
