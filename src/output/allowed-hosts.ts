/**
 * The other hosts a page may contact, and for what. The Content-Security-Policy
 * in `_headers` (src/output/headers.ts) and the raw-HTML check on every page
 * (src/checks/scan-rules/raw-html-policy.ts) both read this one list, so what
 * the check lets through is exactly what the browser will allow.
 * A host is a name ("player.vimeo.com") or a wildcard for its subdomains ("*.example.org").
 */
export interface AllowedHosts {
  /** Frames: the video player, loaded only once a visitor presses "Play video". */
  frames: readonly string[];
  scripts: readonly string[];
  images: readonly string[];
  /** fetch() and beacons. */
  connect: readonly string[];
  styles: readonly string[];
  fonts: readonly string[];
  /** <video>, <audio>, <source>, <track>. */
  media: readonly string[];
  /** Where forms may send what visitors type. */
  forms: readonly string[];
}

/** What every page may contact, with or without analytics. */
export const allowedHosts: AllowedHosts = {
  frames: ["player.vimeo.com"],
  scripts: [],
  images: [],
  connect: [],
  styles: [],
  fonts: [],
  media: [],
  forms: [],
};

/** What Google Analytics 4 adds, only when an analytics ID is set and only after consent (Google's published list for GA4). */
export const analyticsHosts: Pick<AllowedHosts, "scripts" | "images" | "connect"> = {
  scripts: ["*.googletagmanager.com"],
  images: ["*.google-analytics.com", "*.googletagmanager.com"],
  connect: ["*.google-analytics.com", "*.analytics.google.com", "*.googletagmanager.com"],
};

/** CSP sources for a list of hosts: "player.vimeo.com" → "https://player.vimeo.com". */
export function cspSources(hosts: readonly string[]): string[] {
  return hosts.map((host) => `https://${host}`);
}

/** Whether an https address's host is on a list (a "*.example.org" entry covers its subdomains, as in CSP). */
export function hostAllowed(url: URL, hosts: readonly string[]): boolean {
  if (url.protocol !== "https:") return false;
  const host = url.hostname.toLowerCase();
  return hosts.some((allowed) =>
    allowed.startsWith("*.") ? host.endsWith(allowed.slice(1)) && host.length > allowed.length - 1 : host === allowed,
  );
}
