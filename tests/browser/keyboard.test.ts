// Keyboard use and nav state on every page: skip link, nav links with visible focus, the small-screen menu
// (with and without JavaScript), and aria-current on the right nav item.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { focusWalkProblems, menuEscapeProblems, menuProblems, skipLinkProblems } from "../support/gates/keyboard.js";
import { headerNavLinks, navStateProblems } from "../support/gates/nav-state.js";
import type { NavItem } from "../../src/core/types.js";
import { projectRoot } from "../support/fixture-project.js";
import { expectedNavs, readSourcePages } from "../support/site-invariants.js";
import { contentUrls, launchTimeout, openSite, temporarySite, visit, type BrowserSite } from "./site.js";

const navLinks = "header nav a, footer nav a";

let site: BrowserSite;
let wide: Page;
let narrow: Page;
let noScript: Page;

beforeAll(async () => {
  site = await openSite();
  wide = await (await site.browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  narrow = await (await site.browser.newContext({ viewport: { width: 375, height: 740 }, hasTouch: true })).newPage();
  noScript = await (
    await site.browser.newContext({ viewport: { width: 375, height: 740 }, javaScriptEnabled: false })
  ).newPage();
}, launchTimeout);

afterAll(async () => site?.close());

describe.each(contentUrls)("%s by keyboard", (url) => {
  it("at 1280px: the skip link is the first Tab stop and moves focus to <main>; every nav link is reached and shows focus", async () => {
    await visit(wide, site.origin, url);
    const problems = await skipLinkProblems(wide, `${url} at 1280px`);
    await visit(wide, site.origin, url);
    problems.push(...(await focusWalkProblems(wide, `${url} at 1280px`, navLinks)));
    expect(problems).toEqual([]);
  });

  it("at 375px: the skip link works, the menu opens and closes by keyboard, and every link in it is reached and shows focus", async () => {
    await visit(narrow, site.origin, url);
    const problems = await skipLinkProblems(narrow, `${url} at 375px`);
    await visit(narrow, site.origin, url);
    problems.push(...(await menuProblems(narrow, `${url} at 375px`)));
    problems.push(...(await focusWalkProblems(narrow, `${url} at 375px, menu open`, navLinks)));
    expect(problems).toEqual([]);
  });

  it("at 375px: Escape closes the open menu and puts focus back on its button", async () => {
    await visit(narrow, site.origin, url);
    expect(await menuEscapeProblems(narrow, `${url} at 375px`)).toEqual([]);
  });

  it("at 375px with JavaScript off: the menu still opens and closes by keyboard", async () => {
    await visit(noScript, site.origin, url);
    expect(await menuProblems(noScript, `${url} without JavaScript`)).toEqual([]);
  });

  it("marks the current page, or its section, in every header nav, and nothing else", async () => {
    await visit(wide, site.origin, url);
    const links = await headerNavLinks(wide);
    expect(links.length).toBeGreaterThan(0);
    expect(navStateProblems(url, links)).toEqual([]);
  });
});

describe("the header navs a visitor meets", () => {
  // Computed from content/'s front matter, so any valid nav change passes.
  const sources = readSourcePages(projectRoot);
  it.each(contentUrls)(
    "%s shows the navs the front matter gives, in order, with the current item marked",
    async (url) => {
      await visit(wide, site.origin, url);
      const { main, sections } = expectedNavs(sources, url);
      const shown = (await headerNavLinks(wide)).map(
        (link) => `${link.nav}: ${link.label} → ${link.href}${link.current ? ` (${link.current})` : ""}`,
      );
      const as = (nav: string, items: NavItem[]) =>
        items.map(
          (item) =>
            `${nav}: ${item.label}${item.external ? " (another website)" : ""} → ${item.url}${item.current ? ` (${item.current})` : ""}`,
        );
      expect(shown).toEqual([
        ...as("Main", main),
        ...as("Main menu", main),
        ...as("Sections menu", sections),
        ...as("Sections", sections),
      ]);
    },
  );
});

describe("the keyboard gates", () => {
  it("fail a page with no skip link, a nav link with no focus style, and a menu that is not a <details>", async () => {
    const bad = temporarySite({
      "bad/index.html": `<!doctype html><html lang="en-GB"><head><title>Bad</title><style>
        a:focus { outline: none } .menu__panel { display: none } .menu.open .menu__panel { display: block }</style></head>
        <body><header><nav aria-label="Main"><a href="/">Home</a><a href="#" tabindex="-1">Unreachable</a></nav>
        <div class="menu"><span class="menu__toggle" tabindex="0">Menu</span><div class="menu__panel"><a href="/">Home</a></div></div></header>
        <main id="main-content"><h1>Bad</h1></main></body></html>`,
    });
    const badSite = await openSite(bad.dir);
    try {
      const page = await (await badSite.browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
      await page.goto(`${badSite.origin}/bad/`);
      expect(await skipLinkProblems(page, "/bad/")).toEqual([
        "/bad/: the first Tab stop is a “Home”, not the skip link",
      ]);
      await page.goto(`${badSite.origin}/bad/`);
      expect(await focusWalkProblems(page, "/bad/", "header nav a")).toEqual([
        "/bad/: the nav link “Home” looks the same with and without focus",
        "/bad/: Tab never reaches the nav link “Unreachable”",
      ]);
      await page.goto(`${badSite.origin}/bad/`);
      expect(await menuProblems(page, "/bad/")).toEqual(["/bad/: Tab never reaches the menu button"]);
      expect(navStateProblems("/bad/", await headerNavLinks(page))).toEqual([]);
      expect(navStateProblems("/", await headerNavLinks(page))).toEqual([
        '/: “Home” in Main has no aria-current, expected "page"',
      ]);
    } finally {
      await badSite.close();
      bad.remove();
    }
  });

  it("fail a menu that Escape does not close", async () => {
    const bad = temporarySite({
      "bad/index.html": `<!doctype html><html lang="en-GB"><head><title>Bad</title></head><body><header>
        <details class="menu"><summary>Menu</summary><div class="menu__panel"><a href="/">Home</a></div></details></header>
        <main id="main-content"><h1>Bad</h1></main></body></html>`,
    });
    const badSite = await openSite(bad.dir);
    try {
      const page = await (await badSite.browser.newContext({ viewport: { width: 375, height: 740 } })).newPage();
      await page.goto(`${badSite.origin}/bad/`);
      expect(await menuEscapeProblems(page, "/bad/")).toEqual([
        "/bad/: Escape does not close the menu",
        "/bad/: after Escape, focus is on a “Home”, not the menu button",
      ]);
    } finally {
      await badSite.close();
      bad.remove();
    }
  });
});
