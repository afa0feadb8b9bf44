import { analyticsHosts, cspSources } from "./allowed-hosts.js";

/**
 * Google Analytics 4, loaded by src/scripts/consent.js only after a visitor
 * agrees. Everything the browser must be allowed to fetch for it is listed
 * in allowed-hosts.ts, so the Content-Security-Policy allows that and nothing more.
 */
export interface AnalyticsLoader {
  id: string;
  /** The loader script consent.js adds to the page. */
  scriptUrl: string;
  /** Extra CSP sources, by directive, that gtag.js needs (Google's published list for GA4). */
  csp: Record<"script-src" | "img-src" | "connect-src", string[]>;
}

/** GA4 measurement IDs look like "G-AB12CD34EF". Anything else is a typo that would silently measure nothing. */
const measurementId = /^G-[A-Z0-9]{4,20}$/;

export function analyticsLoader(id: string): AnalyticsLoader | undefined {
  const clean = id.trim();
  if (!clean) return undefined;
  if (!measurementId.test(clean))
    throw new Error(
      `NLC_ANALYTICS_ID must be a Google Analytics 4 measurement ID such as G-AB12CD34EF, not "${clean}"`,
    );
  return {
    id: clean,
    scriptUrl: `https://www.googletagmanager.com/gtag/js?id=${clean}`,
    csp: {
      "script-src": cspSources(analyticsHosts.scripts),
      "img-src": cspSources(analyticsHosts.images),
      "connect-src": cspSources(analyticsHosts.connect),
    },
  };
}
