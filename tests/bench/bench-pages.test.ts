// The benchmark's page generator: same seed, same site; front matter shaped as our content checks expect.
import matter from "gray-matter";
import { describe, expect, it } from "vitest";
import { generateSite } from "../../bench/pages.js";
import { sitePath } from "../../src/core/addresses.js";

const knownTags = new Set(["nav", "primary", "footer", "posts"]);
const layouts = new Set(["home.njk", "page.njk", "primary.njk", "what-we-do.njk", "post.njk", "news-index"]);

const pagesOf = (site: ReturnType<typeof generateSite>) => site.files.filter((file) => file.path.endsWith(".md"));

describe("generateSite", () => {
  it("gives the same pages for the same seed, and different pages for another", () => {
    expect(generateSite(200, 7)).toEqual(generateSite(200, 7));
    expect(generateSite(200, 8).files).not.toEqual(generateSite(200, 7).files);
  });

  it("makes exactly the pages asked for, each at its own address and in its own file", () => {
    for (const count of [20, 100, 1000]) {
      const site = generateSite(count, 1);
      expect(pagesOf(site)).toHaveLength(count);
      expect(site.urls).toHaveLength(count);
      expect(new Set(site.urls).size).toBe(count);
      expect(new Set(site.files.map((file) => file.path)).size).toBe(site.files.length);
    }
  });

  it("writes front matter our content checks accept", () => {
    const site = generateSite(400, 3);
    const titles = new Set<string>();
    for (const file of pagesOf(site)) {
      const { data } = matter(file.contents);
      expect(typeof data.title, file.path).toBe("string");
      expect(titles.has(data.title), `duplicate title in ${file.path}`).toBe(false);
      titles.add(data.title);
      expect(typeof data.metadesc, file.path).toBe("string");
      expect(data.metadesc.length, file.path).toBeGreaterThanOrEqual(50);
      expect(data.metadesc.length, file.path).toBeLessThanOrEqual(160);
      if ("navtitle" in data) expect(typeof data.navtitle).toBe("string");
      if ("order" in data) expect(Number.isInteger(data.order), file.path).toBe(true);
      if ("tags" in data)
        for (const tag of data.tags) expect(knownTags.has(tag), `${file.path}: tag ${tag}`).toBe(true);
      if ("permalink" in data) expect(data.permalink, file.path).toMatch(sitePath);
      if ("layout" in data) expect(layouts.has(data.layout), file.path).toBe(true);
      if ("redirect_from" in data) for (const from of data.redirect_from) expect(from).toMatch(sitePath);
      if (file.path.startsWith("news/posts/")) expect(data.date, file.path).toBeInstanceOf(Date);
      const known = [
        "title",
        "metadesc",
        "navtitle",
        "order",
        "tags",
        "permalink",
        "layout",
        "leader",
        "date",
        "redirect_from",
        "strandsHeading",
        "strands",
      ];
      for (const field of Object.keys(data)) expect(known, `${file.path}: ${field}`).toContain(field);
    }
  });

  it("has navs, section navs, footer pages and news posts, like the real site", () => {
    const site = generateSite(400, 3);
    const tagged = (tag: string) =>
      pagesOf(site).filter((file) => (matter(file.contents).data.tags ?? []).includes(tag)).length;
    expect(tagged("nav")).toBe(6);
    expect(tagged("primary")).toBe(6);
    expect(tagged("footer")).toBe(4);
    expect(pagesOf(site).filter((file) => file.path.startsWith("news/posts/"))).toHaveLength(100);
  });

  it("writes about 1.5 KB of markdown per page, whose links all lead to generated pages", () => {
    const site = generateSite(300, 5);
    const urls = new Set(site.urls);
    for (const file of pagesOf(site)) {
      const { content } = matter(file.contents);
      expect(content.length, file.path).toBeGreaterThan(1000);
      expect(content.length, file.path).toBeLessThan(2500);
      expect(content, file.path).toMatch(/^## /m);
      expect(content, file.path).toMatch(/^- /m);
      expect(content).not.toMatch(/\{[{%]/); // bodies go through Nunjucks first
      const links = [...content.matchAll(/\]\(([^)]+)\)/g)].map((match) => match[1]);
      expect(links.length, file.path).toBeGreaterThanOrEqual(3);
      for (const href of links) expect(urls.has(href as string), `${file.path} links to ${href}`).toBe(true);
    }
  });

  it("refuses sizes it cannot shape like the site", () => {
    expect(() => generateSite(5, 1)).toThrow(/at least 20/);
  });
});
