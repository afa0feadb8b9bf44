/** Site-wide settings. Each can be overridden by the environment variable named beside it. */
export interface SiteSettings {
  name: string;
  /** Absolute address of the live site, no trailing slash (SITE_URL). */
  url: string;
  language: string;
  /** Analytics measurement ID; without one there is no analytics and no cookie banner (NLC_ANALYTICS_ID). */
  analyticsId: string;
}

export function siteSettings(env: NodeJS.ProcessEnv = process.env): SiteSettings {
  return {
    name: "National Leadership Centre",
    url: withoutTrailingSlashes(env.SITE_URL || "https://www.nationalleadership.gov.uk"),
    language: "en-GB",
    analyticsId: (env.NLC_ANALYTICS_ID || "").trim(),
  };
}

/** "https://x.org//" -> "https://x.org", by a loop rather than /\/+$/, which is slow on long runs of slashes. */
function withoutTrailingSlashes(url: string): string {
  let end = url.length;
  while (end > 0 && url[end - 1] === "/") end -= 1;
  return url.slice(0, end);
}
