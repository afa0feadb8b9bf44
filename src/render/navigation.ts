import type { NavItem, PageEntry } from "../core/types.js";
import { pageLabel } from "./page-label.js";

interface SortedEntry {
  label: string;
  url: string;
  external: boolean;
}

/**
 * Nav order: `order` ascending (whole or decimal numbers; strings are not
 * orders). Pages without an order come after all ordered ones. Ties, and
 * pages without an order, are sorted by label, then by address, so the
 * result never depends on the order Eleventy found the files in.
 */
function compare(a: SortedEntry & { order: number }, b: SortedEntry & { order: number }): number {
  if (a.order !== b.order) return a.order < b.order ? -1 : 1;
  if (a.label !== b.label) return a.label < b.label ? -1 : 1;
  if (a.url !== b.url) return a.url < b.url ? -1 : 1;
  return 0;
}

function orderOf(value: unknown): number {
  return typeof value === "number" && Number.isFinite(value) ? value : Number.POSITIVE_INFINITY;
}

function isExternal(url: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith("//");
}

/** Nav entries for a collection, sorted once per collection and reused for every page. */
const sortedCache = new WeakMap<readonly PageEntry[], SortedEntry[]>();

function sortedNavEntries(pages: readonly PageEntry[] | undefined): SortedEntry[] {
  if (!Array.isArray(pages)) return [];
  const cached = sortedCache.get(pages);
  if (cached) return cached;
  const entries: Array<SortedEntry & { order: number }> = [];
  for (const page of pages) {
    if (!page || typeof page !== "object") continue;
    const navurl =
      typeof page.data?.navurl === "string" && page.data.navurl.trim() !== "" ? page.data.navurl.trim() : undefined;
    const url = navurl ?? (typeof page.url === "string" ? page.url : undefined);
    if (!url) continue;
    entries.push({
      label: pageLabel(page.data, url),
      url,
      external: isExternal(url),
      order: orderOf(page.data?.order),
    });
  }
  entries.sort(compare);
  const sorted = entries.map(({ label, url, external }) => ({ label, url, external }));
  sortedCache.set(pages, sorted);
  return sorted;
}

/** Whether `url` is `section` itself or a page below it (the home page is nobody's section). */
function currentState(itemUrl: string, pageUrl: string | undefined): NavItem["current"] {
  if (!pageUrl) return false;
  if (itemUrl === pageUrl) return "page";
  if (itemUrl !== "/" && itemUrl.endsWith("/") && pageUrl.startsWith(itemUrl)) return "true";
  return false;
}

/**
 * The nav a visitor sees on `pageUrl`: the pages of one tag collection, in
 * nav order, each marked as the current page or as the section holding it.
 */
export function navItems(pages: readonly PageEntry[] | undefined, pageUrl?: string): NavItem[] {
  return sortedNavEntries(pages).map((entry) => ({
    ...entry,
    current: entry.external ? false : currentState(entry.url, pageUrl),
  }));
}
