import { previewSetting, previewSiteUrl } from "./preview.js";

/** Site-wide settings. Each can be overridden by the environment variable named beside it. */
export interface SiteSettings {
  name: string;
  /** Absolute address of the live site, no trailing slash (SITE_URL). */
  url: string;
  language: string;
  /** Analytics measurement ID; without one there is no analytics and no cookie banner (NLC_ANALYTICS_ID). */
  analyticsId: string;
  /** A pull request's preview (NLC_PREVIEW=true): noindex, no analytics, never the live address (src/content/preview.ts). */
  preview: boolean;
}

export function siteSettings(env: NodeJS.ProcessEnv = process.env): SiteSettings {
  const preview = previewSetting(env.NLC_PREVIEW);
  return {
    name: "National Leadership Centre",
    url: preview ? previewSiteUrl : withoutTrailingSlashes(env.SITE_URL || "https://www.nationalleadership.gov.uk"),
    language: "en-GB",
    analyticsId: preview ? "" : (env.NLC_ANALYTICS_ID || "").trim(),
    preview,
  };
}

/** "https://x.org//" -> "https://x.org", by a loop rather than /\/+$/, which is slow on long runs of slashes. */
function withoutTrailingSlashes(url: string): string {
  let end = url.length;
  while (end > 0 && url[end - 1] === "/") end -= 1;
  return url.slice(0, end);
}
