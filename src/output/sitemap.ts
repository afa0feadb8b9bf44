import { absoluteUrl } from "../render/seo.js";
import type { PageEntry } from "../core/types.js";

/**
 * The pages search engines should know about, by address, sorted: every page
 * in the collection that is an HTML page and not a draft. The 404 page and the
 * redirect stubs are kept out of collections, so they are never here. A layout
 * may say `sitemap: false` in its own front matter (the search page's does):
 * its pages are tools, not content, so they are not listed, given a canonical
 * address or indexed for search. That is a developer's choice per layout, not
 * a field editors set.
 */
const cache = new WeakMap<readonly PageEntry[], string[]>();

export function publicUrls(pages: readonly PageEntry[] | undefined): string[] {
  if (!Array.isArray(pages)) return [];
  const hit = cache.get(pages);
  if (hit) return hit;
  const urls = new Set<string>();
  for (const page of pages) {
    if (typeof page?.url !== "string" || page.data?.draft === true || page.data?.sitemap === false) continue;
    if (page.url.endsWith("/") || page.url.endsWith(".html")) urls.add(page.url);
  }
  const sorted = [...urls].sort();
  cache.set(pages, sorted);
  return sorted;
}

/** The same addresses as a set, built once per collection: every page asks, so a list scan would cost pages × pages. */
const publicSets = new WeakMap<readonly string[], Set<string>>();

/** Whether `url` is a public page: listed in the sitemap, so also canonical and searchable. */
export function isPublicPage(pages: readonly PageEntry[] | undefined, url: unknown): boolean {
  if (typeof url !== "string") return false;
  const urls = publicUrls(pages);
  let set = publicSets.get(urls);
  if (!set) {
    set = new Set(urls);
    publicSets.set(urls, set);
  }
  return set.has(url);
}

function escapeXml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c] ?? c,
  );
}

/** sitemap.xml (sitemaps.org 0.9). No lastmod: file dates differ between clones, and the build must not. */
export function sitemapXml(pages: readonly PageEntry[] | undefined, siteUrl: string): string {
  const entries = publicUrls(pages).map((url) => `  <url><loc>${escapeXml(absoluteUrl(url, siteUrl))}</loc></url>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join("\n")}\n</urlset>\n`;
}
