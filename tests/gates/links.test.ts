import { describe, expect, it } from "vitest";
import { describeBrokenLinks, findBrokenLinks, readSiteDir } from "../../src/checks/link-check.js";
import { siteDir } from "../support/built-site.js";

describe("links in the built site", () => {
  it("all lead to a page or file, and every #fragment to an element on it", () => {
    const site = readSiteDir(siteDir);
    expect(site.html.size).toBeGreaterThan(10);
    expect(describeBrokenLinks(findBrokenLinks(site))).toBe("");
  });

  it("fails when a page of the built site gains a broken link, naming the page", () => {
    const site = readSiteDir(siteDir);
    const news = site.html.get("/news/index.html") ?? "";
    site.html.set("/news/index.html", news.replace("</main>", '<a href="/no-such-page-here">Someone</a><a href="/#no-such-section">Nowhere</a></main>'));
    expect(findBrokenLinks(site).map((link) => `${link.page} ${link.reason}`)).toEqual([
      "/news/index.html no page or file at /no-such-page-here",
      '/news/index.html no element with id="no-such-section" on /',
    ]);
  });
});
