// Finds links inside the site that lead nowhere: a missing page or file, or a #fragment with no element to go to.
// Works on the site as files (readSiteDir) or as rendered in memory, so the build's content checks can reuse it.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { scanPage, type PageRule } from "../core/html-scanner.js";
import { addressOfFile, fileForAddress } from "../core/addresses.js";
import { detached, trimEnd } from "../core/text.js";

export interface SiteFiles {
  /** Site path of each HTML file, e.g. "/news/index.html" → its HTML. */
  html: Map<string, string>;
  /** Site paths of every file, HTML included, e.g. "/assets/main.abc.css". */
  files: Set<string>;
}

export interface BrokenLink {
  /** Site path of the HTML file holding the link, e.g. "/news/index.html". */
  page: string;
  /** The attribute holding it: "href", "src", "srcset", "poster", "action", "content" (meta refresh)… */
  attribute: string;
  /** The link as written. */
  target: string;
  /** In plain words: `no page or file at /contact/person`, `no element with id="x" on /news/`. */
  reason: string;
}

/** Attributes whose value is one address. */
const addressAttributes = ["href", "src", "poster", "action", "xlink:href"];
/** Any scheme ("https:", "mailto:", "tel:", "data:", "javascript:") or "//host": not ours to check. */
const externalOrScheme = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;
// Every origin is this one: only the path matters.
const origin = "http://site.invalid";

interface Link {
  attribute: string;
  target: string;
}

export interface PageLinks {
  ids: Set<string>;
  links: Link[];
  /** The page's <base href>, if it has one. */
  base: string | undefined;
}

/** The URLs in a srcset, without their width or density descriptors. */
export function srcsetUrls(srcset: string): string[] {
  const urls: string[] = [];
  let i = 0;
  while (i < srcset.length) {
    while (i < srcset.length && /[\s,]/.test(srcset[i] ?? "")) i++;
    let url = "";
    while (i < srcset.length && !/\s/.test(srcset[i] ?? "")) url += srcset[i++];
    if (url.endsWith(",")) url = trimEnd(url, ",");
    else while (i < srcset.length && srcset[i] !== ",") i++; // descriptors
    if (url) urls.push(url);
  }
  return urls;
}

/**
 * One copy of each string the link collector keeps: every page repeats the
 * layout's links and ids, and a big site would otherwise hold thousands of
 * copies of each. Bounded, as the preview runs for hours.
 */
const interned = new Map<string, string>();
function intern(text: string): string {
  const known = interned.get(text);
  if (known !== undefined) return known;
  if (interned.size > 200_000) interned.clear();
  const copy = detached(text);
  interned.set(copy, copy);
  return copy;
}

/**
 * Collects a page's ids and links as the scanner reads it (noscript and pre
 * as markup, so their links count; scripts and styles as text). Each link is
 * kept once a page, with the attribute it was first met in.
 */
export function linkCollector(): { rule: PageRule; links: PageLinks } {
  const found: PageLinks = { ids: new Set<string>(), links: [], base: undefined };
  const seen = new Set<string>();
  const add = (attribute: string, target: string) => {
    if (seen.has(target)) return;
    seen.add(target);
    found.links.push({ attribute: intern(attribute), target: intern(target) });
  };
  const rule: PageRule = {
    open({ name, attributes }) {
      if (attributes.id) found.ids.add(intern(attributes.id));
      if (name === "a" && attributes.name) found.ids.add(intern(attributes.name));
      if (name === "base") {
        found.base ??= attributes.href === undefined ? undefined : detached(attributes.href);
        return;
      }
      for (const attribute of addressAttributes) {
        const value = attributes[attribute];
        if (value !== undefined) add(attribute, value);
      }
      if (attributes.srcset !== undefined) {
        for (const url of srcsetUrls(attributes.srcset)) add("srcset", url);
      }
      if (name === "meta" && attributes["http-equiv"]?.toLowerCase() === "refresh") {
        const url = /url\s*=\s*['"]?([^'"]+)/i.exec(attributes.content ?? "")?.[1];
        if (url) add("content", url.trim());
      }
    },
  };
  return { rule, links: found };
}

/** One page's ids and links, read on its own. */
function pageLinks(html: string): PageLinks {
  const { rule, links } = linkCollector();
  scanPage(html, [rule]);
  return links;
}

function decode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/**
 * Every internal link on every page that leads nowhere. Reads each page once
 * (its ids and links), then checks each link against the file list and the
 * ids of the page it points to, so the time grows with the size of the site.
 */
export function findBrokenLinks(site: SiteFiles): BrokenLink[] {
  const pages = new Map<string, PageLinks>();
  for (const [path, html] of site.html) pages.set(path, pageLinks(html));
  return checkLinks(pages, site.files);
}

/**
 * The broken links among pages already read (`pageLinks`), for a caller that
 * parses each page once for checks of its own. `files` are the site paths of
 * every file; the pages' own paths count too.
 */
export function checkLinks(pages: ReadonlyMap<string, PageLinks>, siteFiles: ReadonlySet<string>): BrokenLink[] {
  const files = new Set([...siteFiles, ...pages.keys()]);

  const broken: BrokenLink[] = [];
  for (const [page, { links, base }] of pages) {
    const pageUrl = new URL(base && !externalOrScheme.test(base.trim()) ? base.trim() : "", new URL(page, origin));
    for (const { attribute, target } of links) {
      const written = target.trim();
      if (externalOrScheme.test(written)) continue;
      const report = (reason: string) => broken.push({ page, attribute, target, reason });
      let url: URL;
      try {
        url = new URL(written, pageUrl);
      } catch {
        report(`"${target}" is not a valid address`);
        continue;
      }
      if (url.origin !== origin) continue;
      const path = decode(url.pathname);
      if (path === undefined) {
        report(`"${target}" is not a valid address`);
        continue;
      }
      const file = fileForAddress(path, files);
      if (!file) {
        report(`no page or file at ${path}`);
        continue;
      }
      const fragment = decode(url.hash.slice(1));
      // "#" and "#top" go to the top of a page; text fragments (#:~:text=) need no id; other files' fragments are theirs.
      if (!fragment || fragment.toLowerCase() === "top" || fragment.startsWith(":~:")) continue;
      const targetPage = pages.get(file);
      if (targetPage && !targetPage.ids.has(fragment))
        report(`no element with id="${fragment}" on ${addressOfFile(file)}`);
    }
  }
  return broken;
}

/** Site paths of every file under `folder`, prefixed with `prefix` ("/static/…"), added to `into`. Names only: nothing is read. */
export function listSiteFiles(folder: string, prefix = "/", into = new Set<string>()): Set<string> {
  if (!existsSync(folder)) return into;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (entry.isDirectory()) listSiteFiles(join(folder, entry.name), `${prefix}${entry.name}/`, into);
    else into.add(`${prefix}${entry.name}`);
  }
  return into;
}

/** A built site folder as SiteFiles: every file's site path, and the HTML of each .html file. */
export function readSiteDir(dir: string): SiteFiles {
  const files = listSiteFiles(dir);
  const html = new Map<string, string>();
  for (const path of files) if (path.endsWith(".html")) html.set(path, readFileSync(join(dir, path), "utf8"));
  return { html, files };
}

/** Broken links as lines an editor can act on: "/news/index.html: href="/x" – no page or file at /x". */
export function describeBrokenLinks(links: BrokenLink[]): string {
  return links.map((link) => `${link.page}: ${link.attribute}="${link.target}" – ${link.reason}`).join("\n");
}
