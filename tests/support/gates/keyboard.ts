// Gate: a keyboard user can use every page. The skip link comes first and lands in <main>; every visible
// nav link is reached by Tab and shows where focus is; the small-screen menu opens and closes by keyboard.
import type { Page } from "playwright-core";

/** Computed styles that can show focus. */
const focusStyleProperties = [
  "outline-style",
  "outline-width",
  "outline-color",
  "box-shadow",
  "background-color",
  "color",
  "text-decoration-line",
  "text-decoration-thickness",
  "border-top-color",
  "border-right-color",
  "border-bottom-color",
  "border-left-color",
  "border-bottom-width",
] as const;

type FocusStyle = Record<string, string>;

const hasOutline = (style: FocusStyle) =>
  style["outline-style"] !== "none" && parseFloat(style["outline-width"] ?? "0") > 0;

/** Whether focus changes how an element looks: an outline appears, or a colour, shadow, border or underline changes. */
function visibleFocusChange(unfocused: FocusStyle, focused: FocusStyle): boolean {
  if (
    hasOutline(focused) &&
    (!hasOutline(unfocused) ||
      focused["outline-color"] !== unfocused["outline-color"] ||
      focused["outline-width"] !== unfocused["outline-width"])
  )
    return true;
  return focusStyleProperties.some(
    (property) => !property.startsWith("outline") && focused[property] !== unfocused[property],
  );
}

/** Links and controls a Tab can stop on. */
const focusableSelector =
  'a[href], area[href], button, input:not([type="hidden"]), select, textarea, summary, iframe, [tabindex]:not([tabindex="-1"]), [contenteditable="true"]';

/** "a.nav-list__link “News”": how an element is named in a problem. */
async function describeFocused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return "nothing (the page body)";
    const classes = [...element.classList].map((name) => `.${name}`).join("");
    return `${element.tagName.toLowerCase()}${classes} “${(element.textContent ?? "").trim().slice(0, 40)}”`;
  });
}

/** Presses Tab until the element matching `selector` has focus, at most `limit` times. */
async function tabTo(page: Page, selector: string, limit = 20): Promise<boolean> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return true;
  }
  return false;
}

/**
 * On a freshly loaded page: the first Tab reaches the skip link, which is then
 * on screen; Enter moves focus to <main>, and the next Tab stays past the header.
 */
export async function skipLinkProblems(page: Page, label: string): Promise<string[]> {
  await page.keyboard.press("Tab");
  const first = await page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    const box = element?.getBoundingClientRect();
    return {
      isSkipLink: element?.matches("a.skip-link") ?? false,
      onScreen:
        !!box &&
        box.width > 0 &&
        box.height > 0 &&
        box.top >= 0 &&
        box.left >= 0 &&
        box.bottom <= innerHeight &&
        box.right <= innerWidth,
    };
  });
  if (!first.isSkipLink) return [`${label}: the first Tab stop is ${await describeFocused(page)}, not the skip link`];
  const problems: string[] = [];
  if (!first.onScreen) problems.push(`${label}: the skip link has focus but is not on screen`);
  await page.keyboard.press("Enter");
  if (!(await page.evaluate(() => document.activeElement?.tagName === "MAIN"))) {
    problems.push(`${label}: Enter on the skip link leaves focus on ${await describeFocused(page)}, not <main>`);
    return problems;
  }
  await page.keyboard.press("Tab");
  const afterMain = await page.evaluate(() => {
    const main = document.querySelector("main");
    const active = document.activeElement;
    if (!main || !active || active === document.body) return true; // nothing focusable after main: Tab leaves the page
    return main.contains(active) || !!(main.compareDocumentPosition(active) & Node.DOCUMENT_POSITION_FOLLOWING);
  });
  if (!afterMain)
    problems.push(`${label}: after the skip link, Tab goes back to ${await describeFocused(page)} before <main>`);
  return problems;
}

/**
 * Tabs through the page from where focus is now and checks that every visible
 * element matching `selector` (the nav links) gets focus and looks different when it has it.
 */
export async function focusWalkProblems(page: Page, label: string, selector: string): Promise<string[]> {
  const setup = await page.evaluate(
    ({ selector, focusable, properties }) => {
      const visible = (element: Element) =>
        element.checkVisibility({ visibilityProperty: true, opacityProperty: true });
      const snapshot = (element: Element) => {
        const style = getComputedStyle(element);
        return Object.fromEntries(properties.map((property) => [property, style.getPropertyValue(property)]));
      };
      const targets = [...document.querySelectorAll<HTMLElement>(selector)].filter(visible);
      const names = targets.map((element, i) => {
        element.dataset.focusWalk = String(i);
        return (element.textContent ?? "").trim();
      });
      const unfocused = targets.map((element) => (element === document.activeElement ? null : snapshot(element)));
      const log: { key: string; style: Record<string, string> }[] = [];
      (window as unknown as { focusWalk: typeof log }).focusWalk = log;
      document.addEventListener("focusin", (event) => {
        const element = event.target as HTMLElement;
        if (element.dataset?.focusWalk) log.push({ key: element.dataset.focusWalk, style: snapshot(element) });
      });
      const stops = [...document.querySelectorAll(focusable)].filter(visible).length;
      return { names, unfocused, stops };
    },
    { selector, focusable: focusableSelector, properties: [...focusStyleProperties] },
  );
  for (let i = 0; i <= setup.stops; i++) await page.keyboard.press("Tab");
  const log = await page.evaluate(
    () => (window as unknown as { focusWalk: { key: string; style: FocusStyle }[] }).focusWalk,
  );
  const problems: string[] = [];
  setup.names.forEach((name, i) => {
    const entry = log.find((e) => e.key === String(i));
    const unfocused = setup.unfocused[i];
    if (!entry) problems.push(`${label}: Tab never reaches the nav link “${name}”`);
    else if (unfocused && !visibleFocusChange(unfocused, entry.style))
      problems.push(`${label}: the nav link “${name}” looks the same with and without focus`);
  });
  if (setup.names.length === 0) problems.push(`${label}: no visible links match ${selector}`);
  return problems;
}

const menuState = (page: Page) =>
  page.evaluate(() => {
    const menu = document.querySelector<HTMLDetailsElement>("details.menu");
    const firstLink = menu?.querySelector(".menu__panel a");
    return {
      open: menu?.open ?? false,
      linksShown: !!firstLink && firstLink.checkVisibility({ visibilityProperty: true }),
    };
  });

/**
 * On a small screen, freshly loaded: Tab reaches the menu button, which shows
 * focus; Enter opens the menu (its links appear), Space closes it, Space opens it again.
 * Leaves the menu open with focus on its button.
 */
export async function menuProblems(page: Page, label: string): Promise<string[]> {
  const toggle = "details.menu > summary";
  const unfocused = await page.evaluate(
    ({ toggle, properties }) => {
      const style = getComputedStyle(document.querySelector(toggle) ?? document.body);
      return Object.fromEntries(properties.map((property) => [property, style.getPropertyValue(property)]));
    },
    { toggle, properties: [...focusStyleProperties] },
  );
  if (!(await tabTo(page, toggle))) return [`${label}: Tab never reaches the menu button`];
  const problems: string[] = [];
  const focused = await page.evaluate(
    ({ toggle, properties }) => {
      const style = getComputedStyle(document.querySelector(toggle) ?? document.body);
      return Object.fromEntries(properties.map((property) => [property, style.getPropertyValue(property)]));
    },
    { toggle, properties: [...focusStyleProperties] },
  );
  if (!visibleFocusChange(unfocused, focused))
    problems.push(`${label}: the menu button looks the same with and without focus`);
  if ((await menuState(page)).linksShown) problems.push(`${label}: the menu's links show before it is opened`);
  const steps: [string, boolean][] = [
    ["Enter", true],
    ["Space", false],
    ["Space", true],
  ];
  for (const [key, open] of steps) {
    await page.keyboard.press(key);
    const state = await menuState(page);
    if (state.open !== open || state.linksShown !== open) {
      problems.push(
        `${label}: ${key} on the menu button should ${open ? "open" : "close"} the menu, but it is ${state.open ? "open" : "closed"} with its links ${state.linksShown ? "shown" : "hidden"}`,
      );
      break;
    }
  }
  return problems;
}

/**
 * On a small screen, with the menu open and focus on a link inside it:
 * Escape closes the menu and puts focus back on the menu button.
 */
export async function menuEscapeProblems(page: Page, label: string): Promise<string[]> {
  const toggle = "details.menu > summary";
  if (!(await tabTo(page, toggle))) return [`${label}: Tab never reaches the menu button`];
  await page.keyboard.press("Enter");
  if (!(await menuState(page)).open) return [`${label}: Enter on the menu button does not open the menu`];
  await page.keyboard.press("Tab");
  await page.keyboard.press("Escape");
  const after = await page.evaluate(
    (toggle) => ({ focusOnButton: document.activeElement?.matches(toggle) ?? false }),
    toggle,
  );
  const state = await menuState(page);
  const problems: string[] = [];
  if (state.open || state.linksShown) problems.push(`${label}: Escape does not close the menu`);
  if (!after.focusOnButton)
    problems.push(`${label}: after Escape, focus is on ${await describeFocused(page)}, not the menu button`);
  return problems;
}
