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
    url: (env.SITE_URL || "https://www.nationalleadership.gov.uk").replace(/\/+$/, ""),
    language: "en-GB",
    analyticsId: (env.NLC_ANALYTICS_ID || "").trim(),
  };
}
