/**
 * A preview build (NLC_PREVIEW=true): the site a pull request would publish, deployed to an address
 * of its own for a reviewer. It must never pass for the live site: no analytics, not the live
 * address, and nothing a search engine may index (noindex on every page and in every response's
 * headers, and a robots.txt that disallows everything).
 */

/**
 * The address a preview's absolute links (canonical, Open Graph, feed, sitemap) use: never the live
 * site's, whatever SITE_URL says. `.invalid` is reserved (RFC 2606) and can never be a real site.
 */
export const previewSiteUrl = "https://preview.invalid";

/** NLC_PREVIEW: "true" or "1" for a preview, "false", "0" or unset for the live site; anything else stops the build with one line. */
export function previewSetting(value: string | undefined): boolean {
  const setting = (value ?? "").trim().toLowerCase();
  if (setting === "true" || setting === "1") return true;
  if (setting === "" || setting === "false" || setting === "0") return false;
  const shown = JSON.stringify((value ?? "").replace(/[^\x20-\x7e]/g, "?").slice(0, 40));
  throw new Error(`NLC_PREVIEW must be true or false (it is ${shown})`);
}
