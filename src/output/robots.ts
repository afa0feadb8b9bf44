import { absoluteUrl } from "../render/seo.js";

/** robots.txt: everything may be crawled; the sitemap says what there is. */
export function robotsTxt(siteUrl: string): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl("/sitemap.xml", siteUrl)}\n`;
}
