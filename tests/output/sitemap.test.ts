import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { robotsTxt } from "../../src/output/robots.js";
import { isPublicPage, publicUrls, sitemapXml } from "../../src/output/sitemap.js";
import type { PageEntry } from "../../src/core/types.js";

const pages: PageEntry[] = [
  { url: "/news/", data: {} },
  { url: "/", data: {} },
  { url: "/draft/", data: { draft: true } },
  { url: "/feed.xml", data: {} },
  { url: false, data: { navurl: "https://connect.example/" } },
  { url: "/a&b/", data: {} },
  { url: "/news/", data: {} },
  { url: "/search/", data: { sitemap: false } },
];

describe("the sitemap", () => {
  it("lists each public HTML page once, sorted, and no drafts, feeds, pages without an address or pages whose layout says sitemap: false", () => {
    expect(publicUrls(pages)).toEqual(["/", "/a&b/", "/news/"]);
    expect(isPublicPage(pages, "/news/")).toBe(true);
    expect(isPublicPage(pages, "/draft/")).toBe(false);
    expect(isPublicPage(pages, "/search/")).toBe(false);
    expect(isPublicPage(undefined, "/")).toBe(false);
  });

  it("is well-formed sitemaps.org XML with absolute, escaped addresses", () => {
    const xml = sitemapXml(pages, "https://nlc.example.gov.uk");
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === "url" }).parse(xml);
    expect(parsed.urlset["@_xmlns"]).toBe("http://www.sitemaps.org/schemas/sitemap/0.9");
    expect(parsed.urlset.url.map((u: { loc: string }) => u.loc)).toEqual([
      "https://nlc.example.gov.uk/",
      "https://nlc.example.gov.uk/a&b/",
      "https://nlc.example.gov.uk/news/",
    ]);
    expect(xml).toContain("/a&amp;b/");
  });
});

describe("robots.txt", () => {
  it("allows crawling and points to the sitemap", () => {
    expect(robotsTxt("https://nlc.example.gov.uk")).toBe(
      "User-agent: *\nAllow: /\n\nSitemap: https://nlc.example.gov.uk/sitemap.xml\n",
    );
  });
});
