import { trimEnd, trimStart } from "../core/text.js";
import { breadcrumbs } from "./breadcrumbs.js";
import type { SiteSettings } from "../core/settings.js";
import { shareImage } from "./brand.js";
import type { PageEntry } from "../core/types.js";

/** "/news/" on "https://example.gov.uk" → "https://example.gov.uk/news/". */
export function absoluteUrl(path: unknown, siteUrl: string): string {
  const value = String(path ?? "");
  if (/^[a-z][a-z0-9+.-]*:/i.test(value)) return value;
  return `${trimEnd(siteUrl, "/")}/${trimStart(value, "/")}`;
}

export interface PageMeta {
  title: string;
  description: string;
  canonical: string;
  /** Open Graph type: news posts are articles, everything else a website. */
  type: "article" | "website";
  /** The picture a link preview shows: the site's share image (static/img/brand/share.png, drawn by `npm run icons`). */
  image: { url: string; width: number; height: number; alt: string };
}

const shareImagePath = "/static/img/brand/share.png";

function text(value: unknown): string {
  return typeof value === "string" ? value.trim() : "";
}

/** What a page tells search engines and link previews about itself. */
export function pageMeta(
  site: SiteSettings,
  url: unknown,
  title: unknown,
  description: unknown,
  tags: unknown,
): PageMeta {
  const path = typeof url === "string" ? url : "/";
  const tagList = Array.isArray(tags) ? tags : [tags];
  return {
    title: path === "/" ? site.name : text(title) || site.name,
    description: text(description),
    canonical: absoluteUrl(path, site.url),
    type: tagList.includes("posts") ? "article" : "website",
    image: {
      url: absoluteUrl(shareImagePath, site.url),
      width: shareImage.width,
      height: shareImage.height,
      alt: shareImage.alt,
    },
  };
}

type JsonLd = Record<string, unknown>;

export function organizationJsonLd(site: SiteSettings): JsonLd {
  return {
    "@context": "https://schema.org",
    "@type": "Organization",
    name: site.name,
    url: absoluteUrl("/", site.url),
  };
}

export function breadcrumbListJsonLd(
  pages: readonly PageEntry[] | undefined,
  url: string,
  site: SiteSettings,
): JsonLd | undefined {
  // The same trail the visitor sees; a page outside the collections (the 404) has none.
  const trail = breadcrumbs(pages, url);
  if (trail.length < 2) return undefined;
  return {
    "@context": "https://schema.org",
    "@type": "BreadcrumbList",
    itemListElement: trail.map((crumb, index) => ({
      "@type": "ListItem",
      position: index + 1,
      name: crumb.label,
      item: absoluteUrl(crumb.url, site.url),
    })),
  };
}

/**
 * The page's JSON-LD as a ready `<script>` element: the organisation on the
 * home page, the breadcrumb trail on deeper pages, nothing elsewhere.
 * "<" is escaped so no text can close the script element early.
 */
export function jsonLdScript(pages: readonly PageEntry[] | undefined, url: unknown, site: SiteSettings): string {
  if (typeof url !== "string") return "";
  const data = url === "/" ? organizationJsonLd(site) : breadcrumbListJsonLd(pages, url, site);
  if (!data) return "";
  return `<script type="application/ld+json">${JSON.stringify(data).replace(/</g, "\\u003c")}</script>`;
}
