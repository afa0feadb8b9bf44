import { trimEnd } from "../core/text.js";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { normaliseAddress, outputFileFor } from "../core/addresses.js";
import type { SiteSettings } from "../core/settings.js";
import type { PageEntry } from "../core/types.js";
import { oldDomains } from "./old-site.js";

export interface Redirect {
  /** The old address, as a folder path: "/network/". */
  from: string;
  /** The page's address now. */
  to: string;
}

function asList(value: unknown): string[] {
  if (typeof value === "string") return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

/** Every old address named in a page's `redirect_from`, with where it leads now, sorted by old address. */
export function collectRedirects(pages: readonly PageEntry[] | undefined): Redirect[] {
  if (!Array.isArray(pages)) return [];
  const redirects: Redirect[] = [];
  for (const page of pages) {
    if (typeof page?.url !== "string") continue;
    for (const from of asList(page.data?.redirect_from)) redirects.push({ from: normaliseAddress(from), to: page.url });
  }
  return redirects.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
}

/**
 * Netlify's rules that send every address on an old domain to the same path
 * on the live site. A domain that is the live site's own is left out, so the
 * rules can never loop.
 */
export function domainRules(siteUrl: string, domains: readonly string[] = oldDomains): string[] {
  const live = new URL(siteUrl);
  return domains
    .filter((domain) => new URL(domain).host !== live.host)
    .map((domain) => `${trimEnd(domain, "/")}/* ${live.origin}/:splat 301!`);
}

/**
 * `_redirects` in Netlify's format: the old domains first, then one
 * permanent redirect an old address (Cloudflare Pages has no domain lines).
 * Forced ("301!"), because the build also writes an HTML stub at each old
 * address, and Netlify would otherwise serve that file instead of redirecting.
 */
export function redirectsFile(redirects: readonly Redirect[], siteUrl?: string): string {
  const lines = [...(siteUrl ? domainRules(siteUrl) : []), ...redirects.map(({ from, to }) => `${from} ${to} 301!`)];
  return lines.join("\n") + (lines.length ? "\n" : "");
}

/**
 * Old addresses (`redirect_from`): the host's redirects in `_redirects`,
 * plus an HTML page at each old address for hosts that cannot redirect.
 */
export function redirectsPlugin(eleventyConfig: UserConfig, site: SiteSettings): void {
  eleventyConfig.addCollection("redirects", (api) => collectRedirects((api as { getAll(): never[] }).getAll()));
  eleventyConfig.addFilter("redirectsFile", (redirects: Redirect[]) => redirectsFile(redirects, site.url));
  eleventyConfig.addFilter("stubOutputPath", outputFileFor);
  const hostFile = { layout: false, eleventyExcludeFromCollections: true };
  eleventyConfig.addTemplate("redirects/_redirects.njk", "{{ collections.redirects | redirectsFile | safe }}", {
    ...hostFile,
    permalink: "/_redirects",
  });
  eleventyConfig.addTemplate("redirects/stub.njk", "", {
    pagination: { data: "collections.redirects", size: 1, alias: "redirect" },
    permalink: "{{ redirect.from | stubOutputPath }}",
    layout: "redirect.njk",
    eleventyExcludeFromCollections: true,
  });
}
