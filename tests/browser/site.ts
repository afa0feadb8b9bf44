// Shared by the browser tests: the built site served on 127.0.0.1, one Chromium per test file, and the pages to visit.
import { resolve } from "node:path";
import { chromium, type Browser, type Page, type Route } from "playwright-core";
import { routeHandler } from "../support/gates/page-checks.js";
import { findBrowser } from "../support/gates/find-browser.js";
import { serveSite, type StaticServer } from "../support/static-server.js";
import { builtPage, builtUrls, siteDir } from "../support/built-site.js";

export { temporarySite } from "../support/temporary-site.js";

const launchArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Installing chromium on a fresh machine can take minutes. */
export const launchTimeout = 600_000;

/** Chromium with a fresh profile: Playwright's launch() gives each browser a new temporary user-data dir and removes it on close. */
export function launchBrowser(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: findBrowser(), args: [...launchArgs, ...extraArgs] });
}

export interface BrowserSite {
  browser: Browser;
  /** "http://127.0.0.1:PORT" */
  origin: string;
  close(): Promise<void>;
}

/** Serves `dir` (the built site unless told) and starts a browser. */
export async function openSite(dir = siteDir): Promise<BrowserSite> {
  const server: StaticServer = await serveSite(dir);
  let browser: Browser;
  try {
    browser = await launchBrowser();
  } catch (error) {
    await server.close();
    throw error;
  }
  return {
    browser,
    origin: server.origin,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** Every HTML page of the built site, by address ("/", "/news/", "/404.html"). */
export const pageUrls = builtUrls();

/** Where an old address's stub page sends the visitor (its meta refresh), or undefined for a real page. */
export function redirectTarget(url: string): string | undefined {
  const content = builtPage(url).querySelector('meta[http-equiv="refresh"]')?.getAttribute("content");
  return content ? /url\s*=\s*(\S+)/i.exec(content)?.[1] : undefined;
}

/** Real pages: every page but the stubs at old addresses, which show nothing but a link onward. */
export const contentUrls = pageUrls.filter((url) => !redirectTarget(url));

/** A word the search must find: the longest in the first real page's h1, whatever the content says. */
export const searchWord = (() => {
  const page = contentUrls.filter((url) => url !== "/404.html" && url !== "/search/")[0];
  const words = (page ? (builtPage(page).querySelector("h1")?.text ?? "") : "").match(/[A-Z]{4,}/gi) ?? [];
  return [...words].sort((a, b) => b.length - a.length)[0] ?? "the";
})();

const heldRedirects = new WeakMap<Page, Set<string>>();

/**
 * Goes to a page of the site. A stub at an old address is held where it is
 * (its meta refresh answered with 204 No Content, so the browser stays), so
 * checks see the stub itself.
 */
export async function visit(
  page: Page,
  origin: string,
  url: string,
  waitUntil: "load" | "networkidle" = "load",
): Promise<void> {
  let held = heldRedirects.get(page);
  if (!held) {
    const holding = new Set<string>();
    held = holding;
    heldRedirects.set(page, holding);
    await page.route(
      (address) => holding.has(address.pathname),
      routeHandler((route: Route) =>
        route.request().isNavigationRequest() ? route.fulfill({ status: 204 }) : route.fallback(),
      ),
    );
  }
  held.clear();
  const target = redirectTarget(url);
  if (target) held.add(target);
  await page.goto(`${origin}${url}`, { waitUntil });
}

/** Screenshots for people reviewing a change; git-ignored. */
export const screenshotsDir = resolve(import.meta.dirname, "..", "..", "screenshots");

/** "/" → "home", "/news/a-post/" → "news--a-post", "/404.html" → "404". */
export function screenshotName(url: string): string {
  return (
    url
      .replace(/\.html$/, "")
      .replace(/^\/|\/$/g, "")
      .replace(/\//g, "--") || "home"
  );
}
