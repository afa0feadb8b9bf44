// What the site does with given content, on a small fixture site the test builds itself
// (tests/fixtures/small-site/): navs in order, the current page marked, posts newest first, old
// addresses, heroes, videos, drafts. Fixture words may be asserted here: the tests wrote them.
import { readFileSync, rmSync, writeFileSync, cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite } from "../../src/build/build.js";
import { formatProblem } from "../../src/core/problems.js";
import { navLinks } from "../support/built-site.js";
import { buildFixture, fixtureProject, fixtureSite, page, type FixtureProject } from "../support/fixture-project.js";
import { staticGateProblems } from "../support/static-gates.js";
import { htmlUrls, readPage, siteProblems } from "../support/site-invariants.js";

let project: FixtureProject;
let siteDir: string;
const built = (url: string) => readPage(siteDir, url);
const labels = (url: string, selector: string) =>
  navLinks(built(url), selector).map((link) => link.label.replace(" (another website)", ""));

beforeAll(async () => {
  project = fixtureProject(fixtureSite("small-site"));
  siteDir = await buildFixture(project);
}, 120_000);
afterAll(() => project?.remove());

describe("a fixture site's navs", () => {
  it("holds the site-wide invariants and static gates the real site is held to", async () => {
    expect(await siteProblems(project.root, siteDir)).toEqual([]);
    expect(await staticGateProblems(project.root, siteDir)).toEqual([]);
  });

  it("orders each nav by `order`, then puts pages without one last, on every page", () => {
    // Every page but the stubs at old addresses, which only send visitors on.
    const pages = htmlUrls(siteDir).filter((u) => !built(u).querySelector('meta[http-equiv="refresh"]'));
    for (const url of pages) {
      expect(labels(url, ".site-nav--wide"), url).toEqual(["Home", "About", "News", "Contact"]);
      expect(labels(url, ".section-nav"), url).toEqual(["Beta", "Alpha", "Gamma"]);
      expect(labels(url, ".site-footer nav"), url).toEqual(["Privacy", "Cookies", "Contact"]);
      expect(labels(url, ".menu"), url).toEqual(["Home", "About", "News", "Contact", "Beta", "Alpha", "Gamma"]);
    }
  });

  it("marks the current page, or the section holding it, and nothing else", () => {
    const marked = (url: string) =>
      [".site-nav--wide", ".section-nav", ".site-footer nav"].flatMap((selector) =>
        navLinks(built(url), selector)
          .filter((link) => link.current)
          .map((link) => `${link.label} (${link.current})`),
      );
    expect(marked("/")).toEqual(["Home (page)"]);
    expect(marked("/news/")).toEqual(["News (page)"]);
    expect(marked("/news/older-post/")).toEqual(["News (true)"]);
    expect(marked("/alpha/")).toEqual(["Alpha (page)"]);
    expect(marked("/contact/")).toEqual(["Contact (page)", "Contact (page)"]);
    expect(marked("/unlisted/")).toEqual([]);
  });

  it("leaves drafts out of a production build and its navs", () => {
    expect(htmlUrls(siteDir)).not.toContain("/draft/");
    expect(readFileSync(join(siteDir, "sitemap.xml"), "utf8")).not.toContain("/draft/");
  });
});

describe("a fixture site's news", () => {
  it("lists posts newest first, posts of the same day by address, on the news page, the home page (three) and in the feed", () => {
    const order = ["/news/a-tied-post/", "/news/b-tied-post/", "/news/older-post/", "/news/much-older-post/"];
    expect(
      built("/news/")
        .querySelectorAll(".post-list__title a")
        .map((a) => a.getAttribute("href")),
    ).toEqual(order);
    expect(
      built("/")
        .querySelectorAll(".post-list__title a")
        .map((a) => a.getAttribute("href")),
    ).toEqual(order.slice(0, 3));
    const feed = readFileSync(join(siteDir, "feed.xml"), "utf8");
    const links = [...feed.matchAll(/<link href="[^"]*(\/news\/[^"]+)"/g)].map((match) => match[1]);
    expect(links.slice(2)).toEqual(order.slice(2));
  });

  it("shows a post's date in words, with the machine-readable date", () => {
    const time = built("/news/much-older-post/").querySelector("main time[datetime]");
    expect(time?.getAttribute("datetime")).toBe("2019-10-22");
    expect(time?.text).toBe("22 October 2019");
  });

  it("shows breadcrumbs from the address, with each ancestor's title", () => {
    const crumbs = (url: string) =>
      built(url)
        .querySelectorAll(".breadcrumbs li")
        .map((li) => li.text.trim());
    expect(crumbs("/news/older-post/")).toEqual(["Home", "News", "An older post"]);
    expect(crumbs("/alpha/")).toEqual(["Home", "Alpha"]);
    expect(crumbs("/")).toEqual([]);
    expect(built("/news/").querySelector(".breadcrumbs [aria-current=page]")?.text).toBe("News");
  });
});

describe("a fixture site's pages", () => {
  it("keeps an old address working: a host redirect and a stub page leading on", () => {
    const stub = built("/old-alpha/");
    expect(stub.querySelector('meta[http-equiv="refresh"]')?.getAttribute("content")).toBe("0; url=/alpha/");
    expect(stub.querySelector("main a")?.getAttribute("href")).toBe("/alpha/");
    expect(readFileSync(join(siteDir, "_redirects"), "utf8")).toContain("/old-alpha/ /alpha/ 301");
  });

  it("links the home page's strands to their pages", () => {
    expect(
      built("/")
        .querySelectorAll(".cards a")
        .map((a) => a.getAttribute("href")),
    ).toEqual(["/beta/", "/gamma/"]);
  });

  it("gives a section page its hero with title and leader", () => {
    const hero = built("/beta/").querySelector(".hero");
    expect(hero?.querySelector("h1")?.text).toBe("The beta section");
    expect(hero?.querySelector(".hero__leader")?.text).toBe(
      "The beta section leads the section nav, being ordered first.",
    );
  });

  it("loads nothing from Vimeo until asked: a titled play button and a link to watch on Vimeo", () => {
    const gamma = built("/gamma/");
    expect(gamma.querySelectorAll("iframe")).toHaveLength(0);
    const play = gamma.querySelector("[data-video-src]");
    expect(play?.getAttribute("data-video-src")).toBe("https://player.vimeo.com/video/123456789?dnt=1");
    expect(play?.getAttribute("data-video-title")).toBe("A fixture video about gamma");
    expect(gamma.querySelector(".video__link")?.getAttribute("href")).toBe("https://vimeo.com/123456789");
  });
});

describe("the site invariants", () => {
  // A copy of the good build, changed as a broken template or sort would change it.
  async function brokenCopy(change: (dir: string) => void): Promise<string[]> {
    const dir = join(mkdtempSync(join(tmpdir(), "nlc-broken-")), "_site");
    cpSync(siteDir, dir, { recursive: true });
    try {
      change(dir);
      return await siteProblems(project.root, dir);
    } finally {
      rmSync(join(dir, ".."), { recursive: true, force: true });
    }
  }
  const edit = (dir: string, path: string, from: string | RegExp, to: string) => {
    const file = join(dir, path);
    const text = readFileSync(file, "utf8");
    const changed = text.replace(from, to);
    expect(changed, `${path} changed`).not.toBe(text);
    writeFileSync(file, changed);
  };

  it("fail a page whose nav is out of order, naming the page and both orders", async () => {
    const problems = await brokenCopy((dir) =>
      edit(
        dir,
        "about/index.html",
        /(<a[^>]*href="\/beta\/"[^>]*>Beta<\/a>)(.*?)(<a[^>]*href="\/alpha\/"[^>]*>Alpha<\/a>)/s,
        "$3$2$1",
      ),
    );
    expect(
      problems.some(
        (problem) =>
          problem.startsWith("/about/ (content/about.md) ") && problem.includes('"Alpha → /alpha/","Beta → /beta/"'),
      ),
    ).toBe(true);
  });

  it("fail a news list that is not newest first, a missing h1 and a stub nobody asked for", async () => {
    const problems = await brokenCopy((dir) => {
      edit(dir, "news/index.html", "/news/a-tied-post/", "/news/older-post/");
      edit(dir, "privacy/index.html", /<h1([^>]*)>/, "<h2$1>");
      writeFileSync(join(dir, "stray.html"), '<meta http-equiv="refresh" content="0; url=/alpha/">');
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\/news\/ \(content\/news\/index\.md\) list of posts: shows/),
        "/privacy/ (content/privacy.md): has 0 h1 elements, not 1",
        "/stray.html: a stub leading to /alpha/ that no redirect_from asks for",
      ]),
    );
  });
});

describe("a short description", () => {
  it("is a warning, at its file and line: the site still builds", async () => {
    const site = fixtureSite("small-site");
    const short = fixtureProject({
      ...site,
      content: { ...site.content, "unlisted.md": page("title: An unlisted page\nmetadesc: Too short.") },
    });
    try {
      const result = await buildSite({ root: short.root, output: join(short.root, "_site") });
      expect(result.ok).toBe(true);
      const lines = result.problems.map(formatProblem);
      expect(lines).toEqual([
        expect.stringMatching(
          /^content\/unlisted\.md:3:1: warning: Summary for search engines \(metadesc\) is only 10 characters long/,
        ),
      ]);
      expect(await siteProblems(short.root, join(short.root, "_site"))).toEqual([]);
    } finally {
      short.remove();
    }
  }, 120_000);
});
