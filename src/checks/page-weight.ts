// Gate: every page is light. Its HTML and the CSS that blocks rendering fit in the first round trip
// (about 14 KB gzipped), its JavaScript and web fonts stay small, and nothing that blocks rendering comes
// from another host.
import { readFileSync, statSync } from "node:fs";
import { join, normalize } from "node:path";
import { gzipSync } from "node:zlib";
import { scanPage, type PageRule, type ScannedElement } from "../core/html-scanner.js";
import { error, type Problem } from "../core/problems.js";
import { detached } from "../core/text.js";

export interface Budget {
  /** Gzipped bytes of HTML plus render-blocking CSS. */
  firstRoundTrip: number;
  /** Gzipped bytes of all the JavaScript a page loads (files and inline). */
  js: number;
  /** Bytes of the web fonts a page may load: every font its stylesheets' @font-face rules or its preloads name. */
  fonts: number;
}

/** Fonts: the three woff2 files the styles use (src/output/fonts.ts) weigh 45 KB; the budget leaves room for one small change, not a fourth face. */
export const defaultBudget: Budget = { firstRoundTrip: 14 * 1024, js: 10 * 1024, fonts: 50 * 1024 };

/** Reads a file of the built site by site path ("/assets/main.abc.css"); undefined if there is none. */
export type ReadSiteFile = (sitePath: string) => Buffer | string | undefined;

/** Reads files from a built site folder by site path. */
export function siteFileReader(dir: string): ReadSiteFile {
  return (sitePath) => {
    const file = join(dir, normalize(sitePath).replace(/^(\.\.[/\\])+/, ""));
    try {
      return statSync(file).isFile() ? readFileSync(file) : undefined;
    } catch {
      return undefined;
    }
  };
}

export interface PageWeight {
  /** Site path of the page, e.g. "/news/index.html". */
  page: string;
  /** Gzipped bytes of the HTML. */
  html: number;
  /** Gzipped bytes of the stylesheets that block rendering (and their @imports). */
  blockingCss: number;
  /** html + blockingCss: what must arrive before the page can show. */
  firstRoundTrip: number;
  /** Gzipped bytes of the JavaScript the page loads, counted against the budget. */
  js: number;
  /** Gzipped bytes of JavaScript the page may load that the budget allows (Pagefind on the search page). */
  allowedJs: number;
  /** Bytes of the web fonts the page may load (woff2 is compressed already). */
  fonts: number;
  /** Addresses on other hosts that block rendering (stylesheets, or scripts without async/defer). */
  blockingElsewhere: string[];
  /** Scripts on other hosts: they cannot be weighed, so they fail the budget. */
  scriptsElsewhere: string[];
  /** Stylesheets or scripts the page names that are not in the site. */
  missing: string[];
}

export interface WeightOptions {
  /** Gzipped sizes already measured, by site path: every page loads the same stylesheet. */
  sizes?: Map<string, number>;
  /** JavaScript a page may load beyond the budget. Default: Pagefind's files on the search page. */
  allowedScript?: (page: string, sitePath: string) => boolean;
}

const pagefindOnSearch = (page: string, sitePath: string) =>
  page.startsWith("/search/") && sitePath.startsWith("/pagefind/");

const origin = "http://site.invalid";
const jsTypes = new Set(["", "text/javascript", "application/javascript", "module"]);

export const gzipSize = (contents: Buffer | string): number => gzipSync(contents).length;

/** The font files a stylesheet's @font-face rules name. */
function cssFonts(css: string): string[] {
  return [...css.matchAll(/@font-face\s*\{[^}]*\}/g)].flatMap((rule) =>
    [...rule[0].matchAll(/url\(\s*["']?([^"')\s]+)/g)].map((match) => match[1] ?? "").filter(Boolean),
  );
}

/** Stylesheets a stylesheet imports: @import url("x") or @import "x". */
function cssImports(css: string): string[] {
  return [...css.matchAll(/@import\s+(?:url\(\s*)?["']?([^"')\s;]+)/g)].map((match) => match[1] ?? "").filter(Boolean);
}

function blocksRendering(link: ScannedElement): boolean {
  const rel = (link.attributes.rel ?? "").toLowerCase().split(/\s+/);
  if (!rel.includes("stylesheet") || rel.includes("alternate") || link.attributes.disabled !== undefined) return false;
  const media = (link.attributes.media ?? "all").trim().toLowerCase();
  return media !== "print" && media !== "not all";
}

export interface PageResources {
  stylesheets: string[];
  scripts: { src: string; blocking: boolean }[];
  modulePreloads: string[];
  fontPreloads: string[];
  inline: string;
}

/** Collects what a page loads as the page scanner reads it, so weighing needs no second pass over the HTML. */
export function resourceCollector(): { rule: PageRule; resources: PageResources } {
  const found: PageResources = { stylesheets: [], scripts: [], modulePreloads: [], fontPreloads: [], inline: "" };
  const isJs = (element: ScannedElement) => jsTypes.has((element.attributes.type ?? "").trim().toLowerCase());
  const rule: PageRule = {
    open(element, context) {
      const { name, attributes } = element;
      if (name === "link" && blocksRendering(element)) found.stylesheets.push(detached(attributes.href ?? ""));
      if (name === "link" && (attributes.rel ?? "").toLowerCase().split(/\s+/).includes("modulepreload"))
        found.modulePreloads.push(detached(attributes.href ?? ""));
      if (
        name === "link" &&
        (attributes.rel ?? "").toLowerCase().split(/\s+/).includes("preload") &&
        (attributes.as ?? "").toLowerCase() === "font"
      )
        found.fontPreloads.push(detached(attributes.href ?? ""));
      // JSON-LD, templates and scripts held back until consent (type="text/plain") are not JavaScript.
      if (name !== "script" || attributes.src === undefined || !isJs(element)) return;
      const type = (attributes.type ?? "").trim().toLowerCase();
      // Parser-blocking: a classic script in <head> without async or defer.
      const blocking =
        type !== "module" && attributes.async === undefined && attributes.defer === undefined && context.inside("head");
      found.scripts.push({ src: detached(attributes.src), blocking });
    },
    rawText(text, element) {
      if (element.name === "script" && element.attributes.src === undefined && isJs(element)) found.inline += text;
    },
  };
  return { rule, resources: found };
}

/** Weighs one page: its HTML, the CSS that blocks its rendering, and its JavaScript, all gzipped. */
export function measurePage(page: string, html: string, read: ReadSiteFile, options: WeightOptions = {}): PageWeight {
  const { rule, resources } = resourceCollector();
  scanPage(html, [rule]);
  return weighPage(page, gzipSize(html), resources, read, options);
}

/** Weighs a page from its gzipped HTML size and what it loads (see resourceCollector). */
export function weighPage(
  page: string,
  htmlGzipped: number,
  resources: PageResources,
  read: ReadSiteFile,
  options: WeightOptions = {},
): PageWeight {
  const allowed = options.allowedScript ?? pagefindOnSearch;
  const sizes = options.sizes ?? new Map<string, number>();
  const gzipped = (path: string, contents: Buffer | string) => {
    let size = sizes.get(path);
    if (size === undefined) sizes.set(path, (size = gzipSize(contents)));
    return size;
  };
  const pageUrl = new URL(page, origin);
  const weight: PageWeight = {
    page,
    html: htmlGzipped,
    blockingCss: 0,
    firstRoundTrip: 0,
    js: 0,
    allowedJs: 0,
    fonts: 0,
    blockingElsewhere: [],
    scriptsElsewhere: [],
    missing: [],
  };

  /** The site path of a local address, or undefined for another host. */
  const local = (address: string, base: URL): { path?: string; url: string } => {
    const url = new URL(address.trim(), base);
    return url.origin === origin ? { path: decodeURIComponent(url.pathname), url: url.href } : { url: url.href };
  };

  const seenFonts = new Set<string>();
  const addFont = (address: string, base: URL) => {
    const { path, url } = local(address, base);
    if (!path) return void weight.blockingElsewhere.push(url);
    if (seenFonts.has(path)) return;
    seenFonts.add(path);
    const font = read(path);
    if (font === undefined) return void weight.missing.push(path);
    weight.fonts += typeof font === "string" ? Buffer.byteLength(font) : font.length;
  };

  const seenCss = new Set<string>();
  const addStylesheet = (address: string, base: URL) => {
    const { path, url } = local(address, base);
    if (!path) return void weight.blockingElsewhere.push(url);
    if (seenCss.has(path)) return;
    seenCss.add(path);
    const css = read(path);
    if (css === undefined) return void weight.missing.push(path);
    weight.blockingCss += gzipped(path, css);
    for (const imported of cssImports(css.toString())) addStylesheet(imported, new URL(path, origin));
    for (const font of cssFonts(css.toString())) addFont(font, new URL(path, origin));
  };
  for (const href of resources.stylesheets) addStylesheet(href, pageUrl);
  for (const href of resources.fontPreloads) addFont(href, pageUrl);

  const seenJs = new Set<string>();
  const addScript = (address: string, blocking: boolean) => {
    const { path, url } = local(address, pageUrl);
    if (!path) {
      weight.scriptsElsewhere.push(url);
      if (blocking) weight.blockingElsewhere.push(url);
      return;
    }
    if (seenJs.has(path)) return;
    seenJs.add(path);
    const js = read(path);
    if (js === undefined) return void weight.missing.push(path);
    if (allowed(page, path)) weight.allowedJs += gzipped(path, js);
    else weight.js += gzipped(path, js);
  };
  for (const script of resources.scripts) addScript(script.src, script.blocking);
  for (const href of resources.modulePreloads) addScript(href, false);
  if (resources.inline.trim()) weight.js += gzipSize(resources.inline);

  weight.firstRoundTrip = weight.html + weight.blockingCss;
  return weight;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** Why a page is over budget, naming the page and its figures; undefined when it is within. */
export function overBudget(weight: PageWeight, budget: Budget = defaultBudget): string | undefined {
  const reasons: string[] = [];
  if (weight.firstRoundTrip > budget.firstRoundTrip) {
    reasons.push(
      `HTML + render-blocking CSS is ${kb(weight.firstRoundTrip)} gzipped (HTML ${kb(weight.html)}, CSS ${kb(weight.blockingCss)}), over ${kb(budget.firstRoundTrip)}`,
    );
  }
  if (weight.js > budget.js) reasons.push(`JavaScript is ${kb(weight.js)} gzipped, over ${kb(budget.js)}`);
  if (weight.fonts > budget.fonts) reasons.push(`web fonts are ${kb(weight.fonts)}, over ${kb(budget.fonts)}`);
  if (weight.blockingElsewhere.length)
    reasons.push(`blocks rendering on another host: ${weight.blockingElsewhere.join(", ")}`);
  const unweighed = weight.scriptsElsewhere.filter((url) => !weight.blockingElsewhere.includes(url));
  if (unweighed.length)
    reasons.push(`loads JavaScript from another host, which cannot be weighed: ${unweighed.join(", ")}`);
  if (weight.missing.length) reasons.push(`names files that are not in the site: ${weight.missing.join(", ")}`);
  return reasons.length ? `${weight.page}: ${reasons.join("; ")}` : undefined;
}

/** The weights as a table, one page a row, with the budget in the header and ✗ on a page over it. */
export function weightTable(weights: PageWeight[], budget: Budget = defaultBudget): string {
  const header = [
    "Page",
    "HTML",
    "Blocking CSS",
    `HTML+CSS (≤ ${kb(budget.firstRoundTrip)})`,
    `JS (≤ ${kb(budget.js)})`,
    "Allowed JS",
    `Fonts (≤ ${kb(budget.fonts)})`,
    "",
  ];
  const rows = weights.map((w) => [
    w.page,
    kb(w.html),
    kb(w.blockingCss),
    kb(w.firstRoundTrip),
    kb(w.js),
    w.allowedJs ? kb(w.allowedJs) : "–",
    kb(w.fonts),
    overBudget(w, budget) ? "✗" : "✓",
  ]);
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => (row[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  return [line(header), ...rows.map(line)].join("\n");
}

/**
 * Pages over the weight budget, each at its source file. Scripts and
 * stylesheets from other hosts are the raw-HTML check's to report, and
 * missing files the link check's, so only the weight is told here.
 */
export function checkPageWeight(
  pages: ReadonlyArray<{ file: string; weight: PageWeight }>,
  budget: Budget = defaultBudget,
): Problem[] {
  const problems: Problem[] = [];
  for (const { file, weight } of pages) {
    const page = { file };
    if (weight.firstRoundTrip > budget.firstRoundTrip) {
      problems.push(
        error(
          page.file,
          1,
          1,
          `the page is too long to show quickly: with its stylesheet it is ${kb(weight.firstRoundTrip)} compressed, over the ${kb(budget.firstRoundTrip)} a browser gets in its first round trip. Split it into shorter pages, or move long lists and tables to a document`,
        ),
      );
    }
    if (weight.fonts > budget.fonts) {
      problems.push(
        error(
          page.file,
          1,
          1,
          `the page may load ${kb(weight.fonts)} of web fonts, over the ${kb(budget.fonts)} budget: ask a developer, as the fonts come from the site's styles`,
        ),
      );
    }
    if (weight.js > budget.js) {
      problems.push(
        error(
          page.file,
          1,
          1,
          `the page loads ${kb(weight.js)} of JavaScript (compressed), over the ${kb(budget.js)} budget: ask a developer, as the scripts come from the site's code or its layout`,
        ),
      );
    }
  }
  return problems;
}
