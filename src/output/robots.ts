import { absoluteUrl } from "../render/seo.js";

/** robots.txt: everything may be crawled; the sitemap says what there is. A preview may not be crawled at all. */
export function robotsTxt(siteUrl: string, preview = false): string {
  if (preview) return "User-agent: *\nDisallow: /\n";
  return `User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl("/sitemap.xml", siteUrl)}\n`;
}
