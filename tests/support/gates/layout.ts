// Gate: every page type sits on one grid, and no heading is a paragraph in disguise.
import type { Page } from "playwright-core";

/** How far (px) the body may start from the title's left edge and still count as the same edge. */
export const edgeTolerance = 1;

/**
 * Where the page's title and its body start: the left edge of `main h1`
 * against the first paragraph, heading or list of the body (everything in
 * `main` outside the title's band) and every section heading (h2), leaving
 * out the components that inset their own text (cards, quotes, columns, the
 * PDF block, the video, the cookie banner and forms).
 */
export async function leftEdgeProblems(page: Page, label: string): Promise<string[]> {
  const found = await page.evaluate(() => {
    const visible = (element: Element) => {
      const box = element.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && getComputedStyle(element).visibility !== "hidden";
    };
    const title = document.querySelector("main h1");
    if (!title) return { title: null, blocks: [] };
    const band = title.closest(".hero") ?? title.parentElement;
    const inset =
      ".card, .quote, blockquote, .column, .pdf-left-block, .video, .cookie-settings, form, li, .notice, .post-list, .search-results";
    const candidates = [...document.querySelectorAll("main p, main h2, main h3, main ul, main ol")].filter(
      (element) => !band?.contains(element) && !element.closest(inset) && visible(element),
    );
    const first = candidates[0];
    const blocks = [...new Set([first, ...candidates.filter((element) => element.tagName === "H2")])].filter(
      (element): element is Element => !!element,
    );
    const describe = (element: Element) =>
      `${element.tagName.toLowerCase()} “${(element.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 40)}”`;
    return {
      title: { left: title.getBoundingClientRect().left, name: describe(title) },
      blocks: blocks.map((element) => ({ left: element.getBoundingClientRect().left, name: describe(element) })),
    };
  });
  if (!found.title) return [`${label}: no h1 in <main>`];
  if (found.blocks.length === 0) return [`${label}: no body text after the title`];
  const title = found.title;
  return found.blocks
    .filter((block) => Math.abs(block.left - title.left) > edgeTolerance)
    .map(
      (block) =>
        `${label}: ${block.name} starts at ${Math.round(block.left)}px, but the title (${title.name}) at ${Math.round(title.left)}px`,
    );
}

/** The most words a heading may have before it reads as a paragraph. */
export const maxHeadingWords = 20;

/** Headings (h1 to h6) with more than `maxHeadingWords` words. */
export async function longHeadingProblems(page: Page, label: string): Promise<string[]> {
  const headings = await page.evaluate(() =>
    [...document.querySelectorAll("h1, h2, h3, h4, h5, h6")].map((heading) => ({
      tag: heading.tagName.toLowerCase(),
      text: (heading.textContent ?? "").trim().replace(/\s+/g, " "),
    })),
  );
  return headings
    .map((heading) => ({ ...heading, words: heading.text.split(" ").filter(Boolean).length }))
    .filter((heading) => heading.words > maxHeadingWords)
    .map(
      (heading) =>
        `${label}: an ${heading.tag} of ${heading.words} words (at most ${maxHeadingWords}): “${heading.text.slice(0, 60)}…”; make it a paragraph, or shorten it`,
    );
}

/** On a page shorter than the window, the footer still reaches the window's bottom edge (no strip of page under it). */
export async function footerProblems(page: Page, label: string): Promise<string[]> {
  const found = await page.evaluate(() => {
    const footer = document.querySelector("body > footer, .site-footer");
    return footer
      ? {
          bottom: footer.getBoundingClientRect().bottom + scrollY,
          page: document.documentElement.scrollHeight,
          window: innerHeight,
        }
      : null;
  });
  if (!found) return [`${label}: no footer`];
  const reach = Math.max(found.page, found.window);
  return found.bottom < reach - 1
    ? [`${label}: the footer ends ${Math.round(reach - found.bottom)}px above the bottom of the page`]
    : [];
}
