import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { builtPage, builtUrls, navLinks, siteDir } from "../support/built-site.js";

const contentPages = [
  "/",
  "/the-network/",
  "/our-programme/",
  "/research/",
  "/what-we-do/",
  "/news/",
  "/news/connecting-our-network-online/",
  "/contact/",
  "/accessibility/",
  "/privacy/",
  "/cookies/",
  "/404.html",
];

/** What the nav should be on a page, by the address of the item that should be marked. */
const expectedCurrent: Record<string, { main?: [string, string]; sections?: [string, string] }> = {
  "/": { main: ["Home", "page"] },
  "/what-we-do/": { main: ["What we do", "page"] },
  "/news/": { main: ["News", "page"] },
  "/news/connecting-our-network-online/": { main: ["News", "true"] },
  "/contact/": { main: ["Contact", "page"] },
  "/the-network/": { sections: ["The network", "page"] },
  "/our-programme/": { sections: ["Our programme", "page"] },
  "/research/": { sections: ["Research", "page"] },
};

describe("the built site", () => {
  it("has every page, each with real content", () => {
    for (const url of contentPages) {
      const page = builtPage(url);
      const words = page.querySelector("main")?.text.split(/\s+/).filter(Boolean).length ?? 0;
      expect(words, `${url} has too little text`).toBeGreaterThan(25);
    }
  });

  it("gives every page one h1, a title, a description, a language and labelled landmarks", () => {
    // Every page but the redirect stubs (an old address: a "moved" note that sends the browser on).
    for (const url of builtUrls().filter((u) => !builtPage(u).querySelector('meta[http-equiv="refresh"]'))) {
      const page = builtPage(url);
      expect(page.querySelectorAll("h1"), url).toHaveLength(1);
      expect(page.querySelector("html")?.getAttribute("lang")).toBe("en-GB");
      expect(page.querySelector("title")?.text.trim(), url).toMatch(/National Leadership Centre/);
      expect(page.querySelector('meta[name="description"]')?.getAttribute("content")?.length ?? 0, url).toBeGreaterThan(50);
      expect(page.querySelectorAll("main"), url).toHaveLength(1);
      expect(page.querySelector("header"), url).not.toBeNull();
      for (const nav of page.querySelectorAll("nav")) expect(nav.getAttribute("aria-label"), url).toBeTruthy();
      expect(page.querySelector("a.skip-link")?.getAttribute("href")).toBe("#main-content");
      expect(page.querySelector("main")?.getAttribute("id")).toBe("main-content");
      expect(page.querySelector("footer")?.text).toContain("© Crown copyright");
    }
  });

  it("shows the main, section and footer navs in the order the front matter gives", () => {
    for (const url of contentPages) {
      const page = builtPage(url);
      expect(navLinks(page, ".site-nav--wide").map((link) => link.label), url).toEqual(["Home", "What we do", "News", "Contact"]);
      expect(navLinks(page, ".section-nav").map((link) => link.label), url).toEqual(["The network", "Our programme", "Research"]);
      expect(navLinks(page, ".site-footer nav").map((link) => link.label), url).toEqual(["Accessibility", "Privacy", "Cookies", "Contact"]);
      // The small-screen menu holds the same links.
      expect(navLinks(page, ".menu").map((link) => link.label), url).toEqual(["Home", "What we do", "News", "Contact", "The network", "Our programme", "Research"]);
    }
  });

  it("marks the current page, or its section, and nothing else", () => {
    for (const url of contentPages) {
      const page = builtPage(url);
      const expected = expectedCurrent[url] ?? {};
      for (const [selector, key] of [[".site-nav--wide", "main"], [".section-nav", "sections"]] as const) {
        const marked = navLinks(page, selector).filter((link) => link.current).map((link) => [link.label, link.current]);
        expect(marked, `${url} ${key}`).toEqual(expected[key] ? [expected[key]] : []);
      }
    }
  });

  it("shows breadcrumbs from the address, with each ancestor's title", () => {
    const crumbs = (url: string) => builtPage(url).querySelectorAll(".breadcrumbs li").map((li) => li.text.trim());
    expect(crumbs("/news/connecting-our-network-online/")).toEqual(["Home", "News", "Connecting our network online"]);
    expect(crumbs("/the-network/")).toEqual(["Home", "The network"]);
    expect(crumbs("/")).toEqual([]);
    const current = builtPage("/news/").querySelector(".breadcrumbs [aria-current=page]");
    expect(current?.text).toBe("News");
  });

  it("lists news newest first, with the seed post dated 22 October 2019", () => {
    const list = builtPage("/news/").querySelectorAll(".post-list__item");
    expect(list[0]?.querySelector("a")?.getAttribute("href")).toBe("/news/connecting-our-network-online/");
    const post = builtPage("/news/connecting-our-network-online/");
    expect(post.querySelector("time")?.getAttribute("datetime")).toBe("2019-10-22");
    expect(post.querySelector("time")?.text).toBe("22 October 2019");
    expect(builtPage("/").querySelector(".post-list a")?.text).toBe("Connecting our network online");
  });

  it("links the home page's three strands to their pages", () => {
    const hrefs = builtPage("/").querySelectorAll(".cards a").map((a) => a.getAttribute("href"));
    expect(hrefs).toEqual(["/our-programme/", "/the-network/", "/research/"]);
  });

  it("keeps the old /network/ address working, leading to /the-network/", () => {
    const stub = builtPage("/network/");
    expect(stub.querySelector('meta[http-equiv="refresh"]')?.getAttribute("content")).toBe("0; url=/the-network/");
    expect(stub.querySelector("main a")?.getAttribute("href")).toBe("/the-network/");
    expect(readFileSync(join(siteDir, "_redirects"), "utf8")).toContain("/network/ /the-network/ 301");
  });

  it("has no encoding damage anywhere in the output", () => {
    for (const url of builtUrls()) {
      const html = builtPage(url).toString();
      expect(html, url).not.toMatch(/â€|Ã.|\uFFFD|Â /);
    }
  });

  it("loads nothing from Vimeo until asked: a titled play button and a link to watch on Vimeo", () => {
    const network = builtPage("/the-network/");
    expect(network.querySelectorAll("iframe")).toHaveLength(0);
    const play = network.querySelector("[data-video-src]");
    expect(play?.getAttribute("data-video-src")).toBe("https://player.vimeo.com/video/389775874?dnt=1");
    expect(play?.getAttribute("data-video-title")).toMatch(/National Leadership Forum 2020/);
    expect(network.querySelector(".video__link")?.getAttribute("href")).toBe("https://vimeo.com/389775874");
  });

  it("gives a primary page its hero with title and leader", () => {
    const hero = builtPage("/the-network/").querySelector(".hero");
    expect(hero?.querySelector("h1")?.text).toBe("The network of senior leaders");
    expect(hero?.querySelector(".hero__leader")?.text).toMatch(/^The National Leadership Centre is connecting senior leaders/);
  });

  it("writes one fingerprinted, minified stylesheet that every page links", () => {
    const href = builtPage("/").querySelector('link[rel="stylesheet"]')?.getAttribute("href") ?? "";
    expect(href).toMatch(/^\/assets\/main\.[0-9a-f]{10}\.css$/);
    const css = readFileSync(join(siteDir, href), "utf8");
    expect(css.split("\n").length).toBeLessThan(5);
    expect(css).toContain(".nav-list");
  });
});
