/**
 * What a page may load, and from where: the one list that both the
 * Content-Security-Policy in `_headers` (src/output/headers.ts) and the
 * checks on every page (src/checks/scan-rules/raw-html-policy.ts, and the
 * editor's own HTML in src/checks/editor-html.ts) are made from, so what
 * the check lets through is exactly what the browser will allow.
 * A host is a name ("player.vimeo.com") or a wildcard for its subdomains ("*.example.org").
 */
export interface AllowedHosts {
  /** Frames: the video player, opened by the site's own script only once a visitor presses "Play video". No page holds a frame as it loads. */
  frames: readonly string[];
  scripts: readonly string[];
  images: readonly string[];
  /** fetch(), beacons, link pings, preconnections. */
  connect: readonly string[];
  styles: readonly string[];
  fonts: readonly string[];
  /** <video>, <audio>, <source>, <track>. */
  media: readonly string[];
  /** Where forms may send what visitors type. */
  forms: readonly string[];
}

/** One kind of thing a page loads. */
export type LoadKind = keyof AllowedHosts;

/**
 * For each kind, the CSP directive that governs it in the browser, and
 * whether the site's own origin may serve it. The CSP is written from this
 * table and the checks judge an address by it, so the two read one rule.
 */
export const loadRules: Readonly<Record<LoadKind, { directive: string; self: boolean }>> = {
  scripts: { directive: "script-src", self: true },
  styles: { directive: "style-src", self: true },
  images: { directive: "img-src", self: true },
  fonts: { directive: "font-src", self: true },
  connect: { directive: "connect-src", self: true },
  media: { directive: "media-src", self: true },
  // A frame of the site inside the site is never needed, and the player is the only frame there is.
  frames: { directive: "frame-src", self: false },
  forms: { directive: "form-action", self: true },
};

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

/** A kind's CSP sources: 'self' where the table allows it, then its hosts; 'none' if that leaves nothing. */
export function cspSourcesFor(kind: LoadKind, hosts: AllowedHosts = allowedHosts, ...more: string[]): string[] {
  const sources = [...(loadRules[kind].self ? ["'self'"] : []), ...cspSources(hosts[kind]), ...more];
  return sources.length > 0 ? sources : ["'none'"];
}

/** Whether an https address's host is on a list (a "*.example.org" entry covers its subdomains, as in CSP). */
export function hostAllowed(url: URL, hosts: readonly string[]): boolean {
  if (url.protocol !== "https:") return false;
  const host = url.hostname.toLowerCase();
  return hosts.some((allowed) =>
    allowed.startsWith("*.") ? host.endsWith(allowed.slice(1)) && host.length > allowed.length - 1 : host === allowed,
  );
}

/**
 * Whether a page at `pageOrigin` may load `url` as `kind`: from the site
 * itself where the kind allows it, or from a host on its list, over https.
 * The same answer the CSP gives (tests/output/allowed-hosts.test.ts).
 */
export function mayLoad(kind: LoadKind, url: URL, pageOrigin: string, hosts: AllowedHosts = allowedHosts): boolean {
  if (loadRules[kind].self && url.origin === pageOrigin && /^https?:$/.test(url.protocol)) return true;
  return hostAllowed(url, hosts[kind]);
}
