// Gates: every page type sits on one grid with spacing from one scale, its first paragraph high enough to be
// seen, no stray full-width block, a wordmark that holds at its size, and no heading that is a paragraph in disguise.
import type { Page } from "playwright-core";

/** How far (px) an edge may be from a column line and still count as on it. */
const edgeTolerance = 1;

/**
 * The blocks whose edges the grid gate measures: text blocks, the page's
 * components and the aside. Anything inside a list item, a form, or a box
 * with its own background or side rule (a card, a quote, the video, a
 * panel) is the box's own business: its text is inset on purpose.
 */
const gridBlocks =
  "h1, h2, h3, h4, p, ul, ol, dl, table, figure, blockquote, form, .cards, .card, .column, .video__placeholder, .notice, .pdf-left-block, .highlight, .layout__aside, .hero__image, .hero__mark";

/**
 * Edges on shared columns: every block in `main` starts on a column line of
 * the 12-column grid (the page's CSS gives the count and the gutter as
 * --grid-columns and --grid-gutter; the lines are measured in the content
 * box of the outermost .container holding the block), and a block that
 * draws a box (background or border) also ends on one.
 */
export async function gridProblems(page: Page, label: string): Promise<string[]> {
  const found = await page.evaluate(
    ({ selector, tolerance }) => {
      const root = getComputedStyle(document.documentElement);
      const columns = Number.parseInt(root.getPropertyValue("--grid-columns"), 10);
      // The gutter as the browser resolves it (the CSS may give it in rem).
      const probe = document.createElement("div");
      probe.style.cssText = "position:absolute;visibility:hidden;width:var(--grid-gutter)";
      document.body.append(probe);
      const gutter = root.getPropertyValue("--grid-gutter").trim() ? probe.getBoundingClientRect().width : Number.NaN;
      probe.remove();
      if (!columns || Number.isNaN(gutter)) return { setup: "the page's CSS sets no --grid-columns and --grid-gutter" };
      const visible = (element: Element) => {
        const box = element.getBoundingClientRect();
        return box.width > 0 && box.height > 0 && getComputedStyle(element).visibility !== "hidden";
      };
      const draws = (element: Element) => {
        const style = getComputedStyle(element);
        return (
          style.backgroundColor !== "rgba(0, 0, 0, 0)" ||
          style.backgroundImage !== "none" ||
          Number.parseFloat(style.borderLeftWidth) > 0 ||
          Number.parseFloat(style.borderRightWidth) > 0
        );
      };
      const outermost = (element: Element) => {
        let frame: Element | null = null;
        for (let node = element.parentElement; node && node.tagName !== "MAIN"; node = node.parentElement)
          if (node.classList.contains("container")) frame = node;
        return frame;
      };
      const describe = (element: Element) =>
        `${element.tagName.toLowerCase()}${element.classList.length ? `.${[...element.classList].join(".")}` : ""} “${(element.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 40)}”`;
      const problems: string[] = [];
      for (const element of document.querySelectorAll(`main :is(${selector})`)) {
        if (!visible(element)) continue;
        const frame = outermost(element);
        if (!frame) {
          problems.push(`${describe(element)} is outside the grid's container`);
          continue;
        }
        // Inside a list item, a form, or a box that draws itself (between the block and its frame): inset on purpose.
        let inset = false;
        for (let node = element.parentElement; node && node !== frame; node = node.parentElement)
          if (node.tagName === "LI" || node.tagName === "FORM" || draws(node)) inset = true;
        if (inset) continue;
        const frameBox = frame.getBoundingClientRect();
        const frameStyle = getComputedStyle(frame);
        const left = frameBox.left + Number.parseFloat(frameStyle.paddingLeft);
        const width =
          frame.clientWidth - Number.parseFloat(frameStyle.paddingLeft) - Number.parseFloat(frameStyle.paddingRight);
        const column = (width - (columns - 1) * gutter) / columns;
        const starts = Array.from({ length: columns }, (_, k) => left + k * (column + gutter));
        const ends = starts.map((start) => start + column);
        const box = element.getBoundingClientRect();
        const near = (lines: number[], x: number) => lines.some((line) => Math.abs(line - x) <= tolerance);
        const column1 = (x: number) => Math.round((x - left) / (column + gutter)) + 1;
        if (!near(starts, box.left))
          problems.push(
            `${describe(element)} starts at ${Math.round(box.left)}px, off the grid's column lines (column ${column1(box.left)} starts at ${Math.round(starts[Math.min(columns, Math.max(1, column1(box.left))) - 1] ?? left)}px)`,
          );
        else if (draws(element) && !near(ends, box.right))
          problems.push(
            `${describe(element)} draws a box that ends at ${Math.round(box.right)}px, off the grid's column lines`,
          );
      }
      return { problems };
    },
    { selector: gridBlocks, tolerance: edgeTolerance },
  );
  if ("setup" in found) return [`${label}: ${found.setup}`];
  return (found.problems ?? []).map((problem) => `${label}: ${problem}`);
}

/** The distances (px) the spacing scale allows between blocks: the tokens' $space-1 to $space-7. */
const spaceScale = [0, 4, 8, 16, 24, 32, 48, 64];

/**
 * Spacing from the scale: the space above each heading (h2 to h4) in the
 * page's body, from the nearest block above it in the same column, is a
 * step of `spaceScale`, and headings of one level that follow text in the
 * same column all get the same space (sections start alike).
 */
export async function spacingProblems(page: Page, label: string): Promise<string[]> {
  const found = await page.evaluate(() => {
    const visible = (element: Element) => {
      const box = element.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && getComputedStyle(element).visibility !== "hidden";
    };
    const content =
      "p, li, h1, h2, h3, h4, figure, blockquote, table, img, pre, dl, form, .card, .video, .notice, .highlight, .hero";
    const boxes = [...document.querySelectorAll(`main :is(${content})`)].filter(visible);
    const headings = [...document.querySelectorAll("main .page-body :is(h2, h3, h4)")].filter(visible);
    return headings.map((heading) => {
      const box = heading.getBoundingClientRect();
      // A heading in the aside, a column or a card is spaced within it; one in the main column or a full-width
      // section, from whatever is above it across its width.
      const column = heading.closest(".layout__aside, .column, .card, .layout__main, .layout__full");
      const boxed = column?.matches(".layout__aside, .column, .card") ? column : null;
      let above: { bottom: number; name: string } | null = null;
      for (const other of boxes) {
        if (other === heading || other.contains(heading) || heading.contains(other)) continue;
        if (boxed && !boxed.contains(other)) continue;
        const otherBox = other.getBoundingClientRect();
        const sameColumn = otherBox.left < box.right && otherBox.right > box.left;
        if (!sameColumn || otherBox.bottom > box.top + 0.5) continue;
        if (!above || otherBox.bottom > above.bottom)
          above = { bottom: otherBox.bottom, name: other.tagName.toLowerCase() };
      }
      // A box the heading sits in (the aside's rule, a card, a panel) is above it too: from inside its border.
      for (let node = heading.parentElement; node && node.tagName !== "MAIN"; node = node.parentElement) {
        const style = getComputedStyle(node);
        const drawsTop = Number.parseFloat(style.borderTopWidth) > 0 || style.backgroundColor !== "rgba(0, 0, 0, 0)";
        if (!drawsTop) continue;
        const inner = node.getBoundingClientRect().top + Number.parseFloat(style.borderTopWidth);
        if (inner <= box.top + 0.5 && (!above || inner > above.bottom))
          above = { bottom: inner, name: `top of ${node.tagName.toLowerCase()}.${[...node.classList].join(".")}` };
        break;
      }
      return {
        level: heading.tagName.toLowerCase(),
        text: (heading.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 40),
        column: column ? [...column.classList].join(".") || column.tagName.toLowerCase() : "main",
        gap: above ? box.top - above.bottom : null,
        after: above?.name ?? null,
      };
    });
  });
  const problems: string[] = [];
  const onScale = (gap: number) => spaceScale.some((step) => Math.abs(step - gap) <= edgeTolerance);
  for (const heading of found) {
    if (heading.gap === null) continue;
    if (!onScale(heading.gap))
      problems.push(
        `${label}: ${heading.level} “${heading.text}” is ${Math.round(heading.gap)}px below the ${heading.after} above it, not a step of the spacing scale (${spaceScale.join(", ")}px)`,
      );
  }
  // Sections start alike: headings of one level after text (not the hero) in one column share one space.
  const groups = new Map<string, typeof found>();
  for (const heading of found) {
    // The first heading in a box, or under the title band, is spaced by the box: not a section after text.
    if (heading.gap === null || heading.after === "div" || heading.after?.startsWith("top of ")) continue;
    const key = `${heading.column} ${heading.level}`;
    groups.set(key, [...(groups.get(key) ?? []), heading]);
  }
  for (const [, group] of groups) {
    const gaps = [...new Set(group.map((heading) => Math.round(heading.gap ?? 0)))];
    if (gaps.length > 1)
      problems.push(
        `${label}: the ${group[0]?.level}s in one column are spaced differently (${group.map((heading) => `“${heading.text}” ${Math.round(heading.gap ?? 0)}px`).join(", ")})`,
      );
  }
  return problems;
}

/** Where the body's first paragraph must start (px from the top of the page) in a 1280×900 window. */
export const firstParagraphLimit = 450;

/** The first paragraph of the body (outside the title band and the aside) starts within `limit` px of the page's top. */
export async function firstParagraphProblems(
  page: Page,
  label: string,
  limit = firstParagraphLimit,
): Promise<string[]> {
  const found = await page.evaluate(() => {
    const title = document.querySelector("main h1");
    const band = title?.closest(".hero") ?? title?.parentElement;
    const first = [...document.querySelectorAll("main p")].find((element) => {
      const box = element.getBoundingClientRect();
      return !band?.contains(element) && !element.closest(".layout__aside") && box.height > 0 && box.width > 0;
    });
    return first
      ? { top: first.getBoundingClientRect().top + scrollY, text: (first.textContent ?? "").trim().slice(0, 40) }
      : null;
  });
  if (!found) return [`${label}: no paragraph in the body`];
  return found.top > limit
    ? [`${label}: the first paragraph (“${found.text}”) starts at ${Math.round(found.top)}px, below ${limit}px`]
    : [];
}

/**
 * No full-width stray blocks: a content page's body is one grid (.layout)
 * whose children are the main column, the aside, or a section declared full
 * width (.layout__full); and nothing in the main column runs past its edges
 * (into the right third, or across the container).
 */
export async function strayBlockProblems(page: Page, label: string): Promise<string[]> {
  const found = await page.evaluate((tolerance) => {
    const visible = (element: Element) => {
      const box = element.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && getComputedStyle(element).display !== "none";
    };
    const describe = (element: Element) =>
      `${element.tagName.toLowerCase()}${element.classList.length ? `.${[...element.classList].join(".")}` : ""} “${(element.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 40)}”`;
    const problems: string[] = [];
    for (const body of document.querySelectorAll("main .page-body")) {
      for (const child of body.children) {
        if (!visible(child) || child.tagName === "SCRIPT") continue;
        if (!child.classList.contains("layout")) {
          problems.push(`${describe(child)} sits in the body outside its grid (.layout)`);
          continue;
        }
        for (const part of child.children)
          if (visible(part) && !part.matches(".layout__main, .layout__aside, .layout__full"))
            problems.push(
              `${describe(part)} is a block across the grid that is neither the main column, the aside, nor declared full width`,
            );
      }
    }
    for (const main of document.querySelectorAll(".layout__main")) {
      const edge = main.getBoundingClientRect();
      for (const element of main.querySelectorAll("*")) {
        if (!visible(element)) continue;
        const box = element.getBoundingClientRect();
        if (box.right > edge.right + tolerance || box.left < edge.left - tolerance)
          problems.push(
            `${describe(element)} runs from ${Math.round(box.left)} to ${Math.round(box.right)}px, past the main column (${Math.round(edge.left)} to ${Math.round(edge.right)}px)`,
          );
      }
      const aside = main.parentElement?.querySelector(":scope > .layout__aside");
      if (aside && visible(aside)) {
        const side = aside.getBoundingClientRect();
        const overlaps =
          side.left < edge.right - tolerance &&
          side.right > edge.left + tolerance &&
          side.top < edge.bottom &&
          side.bottom > edge.top;
        if (overlaps) problems.push(`the aside overlaps the main column`);
      }
    }
    return problems;
  }, edgeTolerance);
  return found.map((problem) => `${label}: ${problem}`);
}

/** The thinnest a stroke of the wordmark may be drawn, in CSS pixels. */
const minimumStroke = 1;

/** Every wordmark on the page draws its strokes at least `minimumStroke` px wide at the size it is shown. */
export async function wordmarkProblems(page: Page, label: string, minimum = minimumStroke): Promise<string[]> {
  const found = await page.evaluate(async () => {
    const marks = [...document.querySelectorAll<HTMLImageElement>('img[src*="wordmark"]')].filter(
      (img) => img.getBoundingClientRect().height > 0,
    );
    return Promise.all(
      marks.map(async (img) => {
        const svg = await (await fetch(img.currentSrc || img.src)).text();
        const viewBox =
          /viewBox="([^"]+)"/
            .exec(svg)?.[1]
            ?.split(/[\s,]+/)
            .map(Number) ?? [];
        const strokes = [...svg.matchAll(/stroke-width="([\d.]+)"/g)].map((match) => Number(match[1]));
        return {
          where: img.closest("header") ? "header" : img.closest("footer") ? "footer" : "page",
          height: img.getBoundingClientRect().height,
          units: viewBox[3] ?? 0,
          stroke: strokes.length ? Math.min(...strokes) : 0,
        };
      }),
    );
  });
  return found
    .map((mark) => ({ ...mark, pixels: mark.units ? (mark.stroke * mark.height) / mark.units : 0 }))
    .filter((mark) => mark.pixels < minimum)
    .map(
      (mark) =>
        `${label}: the ${mark.where} wordmark draws its strokes ${mark.pixels.toFixed(2)}px wide at ${Math.round(mark.height)}px tall, under ${minimum}px`,
    );
}

/** The most words a heading may have before it reads as a paragraph. */
const maxHeadingWords = 20;

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
