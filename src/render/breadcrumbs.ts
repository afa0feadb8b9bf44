import type { Breadcrumb, PageEntry } from "../core/types.js";
import { pageLabel } from "./page-label.js";

/** Labels by address, built once per collection and reused for every page. */
const labelCache = new WeakMap<readonly PageEntry[], Map<string, string>>();

function labelsByUrl(pages: readonly PageEntry[]): Map<string, string> {
  let labels = labelCache.get(pages);
  if (!labels) {
    labels = new Map();
    for (const page of pages) {
      if (page && typeof page.url === "string") labels.set(page.url, pageLabel(page.data, page.url));
    }
    labelCache.set(pages, labels);
  }
  return labels;
}

/** The addresses above `url`: "/news/post/" gives "/", "/news/". */
export function ancestorUrls(url: string): string[] {
  const parts = url.split("/").filter(Boolean);
  const ancestors = ["/"];
  for (let i = 1; i < parts.length; i += 1) ancestors.push(`/${parts.slice(0, i).join("/")}/`);
  return ancestors;
}

/**
 * The trail from the home page to `pageUrl`, one crumb per ancestor address
 * that is a page of the site (addresses with no page are left out), ending
 * with the page itself. The home page has no trail, nor has a page outside
 * the site's collections (the 404 page, which is served at any address).
 */
export function breadcrumbs(pages: readonly PageEntry[] | undefined, pageUrl: string | undefined): Breadcrumb[] {
  if (!Array.isArray(pages) || !pageUrl || pageUrl === "/") return [];
  const labels = labelsByUrl(pages);
  const label = labels.get(pageUrl);
  if (label === undefined) return [];
  const trail: Breadcrumb[] = [];
  for (const url of ancestorUrls(pageUrl)) {
    const ancestor = labels.get(url);
    if (ancestor !== undefined) trail.push({ label: ancestor, url, current: false });
  }
  if (trail.length === 0) return [];
  trail.push({ label, url: pageUrl, current: true });
  return trail;
}
