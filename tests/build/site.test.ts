// The real site: only what must hold for ANY valid content, computed from content/'s front matter.
// What the pages look like for given content (navs, ties, newest post, heroes, videos) is proven on
// fixture sites in tests/build/site-behaviour.test.ts.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { siteDir } from "../support/built-site.js";
import { projectRoot } from "../support/fixture-project.js";
import { htmlUrls, readPage, siteProblems } from "../support/site-invariants.js";

describe("the built site, over whatever content there is", () => {
  it("matches its content: navs, landmarks, one h1 each, descriptions, breadcrumbs, posts newest first, feed and redirects", async () => {
    expect(await siteProblems(projectRoot, siteDir)).toEqual([]);
  });

  it("writes one fingerprinted, minified stylesheet that every page links", () => {
    const hrefs = new Set(
      htmlUrls(siteDir).map(
        (url) => readPage(siteDir, url).querySelector('link[rel="stylesheet"]')?.getAttribute("href") ?? "",
      ),
    );
    expect(hrefs.size).toBe(1);
    const [href] = [...hrefs] as [string];
    expect(href).toMatch(/^\/assets\/main\.[0-9a-f]{10}\.css$/);
    expect(readFileSync(join(siteDir, href), "utf8").split("\n").length).toBeLessThan(5);
  });
});
