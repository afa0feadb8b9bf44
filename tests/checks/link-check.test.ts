import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  describeBrokenLinks,
  findBrokenLinks,
  readSiteDir,
  srcsetUrls,
  type SiteFiles,
} from "../../src/checks/link-check.js";

/** A site from { path: html } for HTML pages and a list of other files. */
function site(pages: Record<string, string>, otherFiles: string[] = []): SiteFiles {
  const html = new Map(Object.entries(pages));
  return { html, files: new Set([...html.keys(), ...otherFiles]) };
}

const page = (body: string) => `<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`;

describe("findBrokenLinks", () => {
  it("passes links to pages, files, fragments and other sites", () => {
    const links = findBrokenLinks(
      site(
        {
          "/index.html": page(`
            <link rel="stylesheet" href="/assets/main.abc.css">
            <a href="/news/">News</a> <a href="/news">News, no slash</a> <a href="/news/index.html">News file</a>
            <a href="/news/#latest">Latest</a> <a href="#top">Top</a> <a href="#">Top</a> <a href="#intro">Intro</a>
            <a href="news/?page=2">Relative, with a query</a> <a href="/files/report%20one.pdf#page=2">Report</a>
            <a href="https://example.org/missing">Elsewhere</a> <a href="//cdn.example.org/x.js">Elsewhere</a>
            <a href="mailto:a@b.c">Mail</a> <a href="tel:+441234">Phone</a> <img src="data:image/png;base64,AAAA" alt="">
            <img src="/img/a.jpg" srcset="/img/a.jpg 1x, /img/a@2x.jpg 2x" alt="">
            <svg><use href="#icon"></use></svg><span id="intro"></span><symbol id="icon"></symbol>`),
          "/news/index.html": page(
            `<h2 id="latest">Latest</h2><a href="../">Home</a><a href="./#latest">Here</a><a name="old-anchor"></a><a href="#old-anchor">Old</a>`,
          ),
        },
        ["/assets/main.abc.css", "/files/report one.pdf", "/img/a.jpg", "/img/a@2x.jpg"],
      ),
    );
    expect(links).toEqual([]);
  });

  it("names the page, attribute, target and reason of a link to nowhere", () => {
    const links = findBrokenLinks(
      site({ "/index.html": page(`<a href="/contact/person">Someone</a>`), "/contact/index.html": page("") }),
    );
    expect(links).toEqual([
      {
        page: "/index.html",
        attribute: "href",
        target: "/contact/person",
        reason: "no page or file at /contact/person",
      },
    ]);
    expect(describeBrokenLinks(links)).toBe('/index.html: href="/contact/person" – no page or file at /contact/person');
  });

  it("finds a fragment with no element to go to, on this page or another", () => {
    const links = findBrokenLinks(
      site({
        "/index.html": page(`<a href="/news/#x">X</a><a href="#missing">Missing</a><h2 id="here">Here</h2>`),
        "/news/index.html": page(`<p id="y">Y</p>`),
      }),
    );
    expect(links.map((link) => link.reason)).toEqual([
      'no element with id="x" on /news/',
      'no element with id="missing" on /',
    ]);
  });

  it("resolves relative links against the page that holds them", () => {
    const links = findBrokenLinks(
      site({
        "/news/post/index.html": page(
          `<a href="../">News</a><a href="../../">Home</a><a href="other/">Nowhere</a><img src="pic.jpg" alt="">`,
        ),
        "/news/index.html": page(""),
        "/index.html": page(""),
      }),
    );
    expect(links.map((link) => [link.target, link.reason])).toEqual([
      ["other/", "no page or file at /news/post/other/"],
      ["pic.jpg", "no page or file at /news/post/pic.jpg"],
    ]);
  });

  it("checks src, every srcset candidate, poster and a meta refresh", () => {
    const links = findBrokenLinks(
      site(
        {
          "/index.html": page(`
          <meta http-equiv="refresh" content="0; url=/moved/">
          <script src="/assets/gone.js"></script>
          <img src="/a.jpg" srcset="/a-400.jpg 400w, /a-800.jpg 800w" alt="">
          <video poster="/poster.jpg"></video>`),
        },
        ["/a.jpg", "/a-400.jpg"],
      ),
    );
    expect(links.map((link) => `${link.attribute} ${link.target}`)).toEqual([
      "content /moved/",
      "src /assets/gone.js",
      "srcset /a-800.jpg",
      "poster /poster.jpg",
    ]);
  });

  it("follows the page's <base href>", () => {
    const links = findBrokenLinks(
      site({ "/a/index.html": page(`<base href="/b/"><a href="c/">C</a>`), "/b/c/index.html": page("") }),
    );
    expect(links).toEqual([]);
  });

  it("does not read links inside scripts", () => {
    expect(
      findBrokenLinks(site({ "/index.html": page(`<script>document.write('<a href="/nowhere/">x</a>')</script>`) })),
    ).toEqual([]);
  });

  it("reads a site's pages once each, so a large site is checked quickly", () => {
    // 2,000 pages of 50 links each: a checker that re-read pages per link would take minutes.
    const pages: Record<string, string> = {};
    for (let i = 0; i < 2000; i++) {
      const links = Array.from({ length: 50 }, (_, j) => `<a href="/p${(i + j) % 2000}/#s${j}">x</a>`).join("");
      const ids = Array.from({ length: 50 }, (_, j) => `<h2 id="s${j}">s</h2>`).join("");
      pages[`/p${i}/index.html`] = page(links + ids);
    }
    expect(findBrokenLinks(site(pages))).toEqual([]);
  });
});

describe("srcsetUrls", () => {
  it("drops descriptors and keeps commas inside URLs", () => {
    expect(srcsetUrls("/a.jpg 1x, /b.jpg 2x")).toEqual(["/a.jpg", "/b.jpg"]);
    expect(srcsetUrls(" /a.jpg,  /b.jpg 2x ,/c.jpg")).toEqual(["/a.jpg", "/b.jpg", "/c.jpg"]);
    expect(srcsetUrls("/img,crop.jpg 400w")).toEqual(["/img,crop.jpg"]);
  });
});

describe("readSiteDir", () => {
  it("lists every file by site path and reads the HTML ones", () => {
    const dir = mkdtempSync(join(tmpdir(), "nlc-links-"));
    try {
      mkdirSync(join(dir, "news"));
      writeFileSync(join(dir, "index.html"), page(`<a href="/news/">News</a><a href="/gone/">Gone</a>`));
      writeFileSync(join(dir, "news", "index.html"), page(""));
      writeFileSync(join(dir, "style.css"), "body{}");
      const files = readSiteDir(dir);
      expect([...files.files].sort()).toEqual(["/index.html", "/news/index.html", "/style.css"]);
      expect([...files.html.keys()].sort()).toEqual(["/index.html", "/news/index.html"]);
      expect(findBrokenLinks(files).map((link) => link.target)).toEqual(["/gone/"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
