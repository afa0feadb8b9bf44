// Gate: on each page the nav marks where the visitor is: aria-current="page" on the link to this page,
// aria-current="true" on the section holding it (News for a news post), and nothing else.
import type { Page } from "playwright-core";

/** What a nav link to `href` should carry on the page at `pageUrl`: "page", "true", or nothing. */
function expectedCurrent(pageUrl: string, href: string): "page" | "true" | undefined {
  if (!href.startsWith("/") || href.startsWith("//")) return undefined; // another site
  const path = href.split(/[?#]/)[0] ?? "";
  if (path === pageUrl) return "page";
  return path !== "/" && path.endsWith("/") && pageUrl.startsWith(path) ? "true" : undefined;
}

export interface NavLinkState {
  nav: string;
  label: string;
  href: string;
  current: string | null;
}

/** Each nav link's mismatch, in words: `/news/post/: “News” in Main has aria-current="page", expected "true"`. */
export function navStateProblems(pageUrl: string, links: NavLinkState[]): string[] {
  const problems: string[] = [];
  for (const link of links) {
    const expected = expectedCurrent(pageUrl, link.href) ?? null;
    if (link.current !== expected) {
      const has = link.current === null ? "no aria-current" : `aria-current="${link.current}"`;
      problems.push(
        `${pageUrl}: “${link.label}” in ${link.nav} has ${has}, expected ${expected === null ? "none" : `"${expected}"`}`,
      );
    }
  }
  return problems;
}

/** The links of every nav in the page's header, as the browser has them. */
export function headerNavLinks(page: Page): Promise<NavLinkState[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll("header nav a")].map((a) => ({
      nav: a.closest("nav")?.getAttribute("aria-label") ?? "a nav",
      label: (a.textContent ?? "").trim(),
      href: a.getAttribute("href") ?? "",
      current: a.getAttribute("aria-current"),
    })),
  );
}
