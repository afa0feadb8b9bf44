// axe-core with the WCAG 2.0/2.1/2.2 A and AA rules on every page of the built site, wide and narrow.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { axeFailures } from "../support/gates/accessibility.js";
import { launchTimeout, searchWord, openSite, pageUrls, temporarySite, visit, type BrowserSite } from "./site.js";

let site: BrowserSite;
let page: Page;

beforeAll(async () => {
  site = await openSite();
  page = await (await site.browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
}, launchTimeout);

afterAll(async () => site?.close());

describe("axe on every page", () => {
  it.each(pageUrls)("%s has no WCAG A or AA failures at 1280px and 375px", async (url) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await visit(page, site.origin, url);
    const failures = await axeFailures(page, `${url} at 1280px`);
    await page.setViewportSize({ width: 375, height: 740 });
    failures.push(...(await axeFailures(page, `${url} at 375px`)));
    expect(failures).toEqual([]);
  });
});

describe.runIf(pageUrls.includes("/search/"))("axe on the search page with results", () => {
  it("has no WCAG A or AA failures at 1280px and 375px", async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${site.origin}/search/?q=${searchWord}`, { waitUntil: "networkidle" });
    expect(await page.locator("main li").count(), `search results for “${searchWord}”`).toBeGreaterThan(0);
    const failures = await axeFailures(page, `/search/?q=${searchWord} at 1280px`);
    await page.setViewportSize({ width: 375, height: 740 });
    failures.push(...(await axeFailures(page, `/search/?q=${searchWord} at 375px`)));
    expect(failures).toEqual([]);
  });
});

describe("the axe gate", () => {
  it("fails a page with text too faint to read, naming the page and rule", async () => {
    const bad = temporarySite({
      "bad/index.html": `<!doctype html><html lang="en-GB"><head><title>Faint</title></head><body><main><h1>Faint</h1><p style="color:#aaa;background:#fff">Grey on white is hard to read.</p></main></body></html>`,
    });
    const badSite = await openSite(bad.dir);
    try {
      const badPage = await (await badSite.browser.newContext()).newPage();
      await badPage.goto(`${badSite.origin}/bad/`);
      const failures = await axeFailures(badPage, "/bad/ at 1280px");
      expect(failures).toHaveLength(1);
      expect(failures[0]).toMatch(/^\/bad\/ at 1280px: color-contrast \(serious\) – .*: p$/);
    } finally {
      await badSite.close();
      bad.remove();
    }
  });
});
