import { allowedHosts, cspSourcesFor, loadRules, type AllowedHosts, type LoadKind } from "./allowed-hosts.js";
import { analyticsLoader } from "./analytics.js";

/**
 * The Content-Security-Policy, written from the table in allowed-hosts.ts
 * that the page checks judge addresses by: each kind of thing a page loads
 * gets its directive, with 'self' where the table allows the site and the
 * hosts listed for it ('none' when that leaves nothing: no frame of the
 * site's own, and the only frame is the video player). Nothing inline.
 * Exceptions, each for one reason:
 * - 'wasm-unsafe-eval': Pagefind's search runs as WebAssembly (it allows
 *   compiling WebAssembly, not JavaScript eval);
 * - the analytics sources, only when an analytics ID is configured.
 */
export function contentSecurityPolicy(analyticsId = "", hosts: AllowedHosts = allowedHosts): string {
  const analytics = analyticsLoader(analyticsId);
  const extra: Partial<Record<LoadKind, string[]>> = {
    scripts: ["'wasm-unsafe-eval'", ...(analytics?.csp["script-src"] ?? [])],
    images: analytics?.csp["img-src"] ?? [],
    connect: analytics?.csp["connect-src"] ?? [],
  };
  const loads = Object.fromEntries(
    (Object.keys(loadRules) as LoadKind[]).map((kind) => [
      loadRules[kind].directive,
      cspSourcesFor(kind, hosts, ...(extra[kind] ?? [])),
    ]),
  );
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    ...loads,
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "frame-ancestors": ["'none'"],
    "upgrade-insecure-requests": [],
  };
  return cspValue(directives);
}

/** A Content-Security-Policy header's value from its directives: the one place a policy is written out. */
export function cspValue(directives: Readonly<Record<string, readonly string[]>>): string {
  return Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(" "))
    .join("; ");
}

export type HeaderRules = Array<{ path: string; headers: Array<[string, string]> }>;

const revalidate = "public, max-age=0, must-revalidate";
const immutable = "public, max-age=31536000, immutable";

/** The browser editor's own rule (src/cms/): its address and the headers only it gets. */
export interface AreaRule {
  path: string;
  headers: Array<[string, string]>;
}

/**
 * The rules for Netlify's and Cloudflare Pages' `_headers`. Both apply every
 * rule whose path matches, and there is no way to exclude an address from a
 * rule. Two Content-Security-Policy headers are both enforced, and Cloudflare
 * joins a header set by two rules into one value; so no header is set by two
 * rules that match one address. `/*` carries only what every address shares;
 * the site's CSP (and its opener policy) goes on each page by its address and
 * on the site's file folders, never on `/*`, so that an area with a policy of
 * its own (the editor at /admin/) gets exactly one.
 */
export function headerRules(
  htmlUrls: readonly string[],
  analyticsId = "",
  areas: readonly AreaRule[] = [],
  fileUrls: readonly string[] = [],
  options: { noindex?: boolean } = {},
): HeaderRules {
  const pages = [...new Set(htmlUrls)].sort();
  const folders = ["/assets/", "/img/", "/static/", "/pagefind/"];
  const files = [...new Set(fileUrls)]
    .filter((url) => !pages.includes(url) && !folders.some((folder) => url.startsWith(folder)))
    .sort();
  const sitePolicy: Array<[string, string]> = [
    ["Content-Security-Policy", contentSecurityPolicy(analyticsId)],
    ["Cross-Origin-Opener-Policy", "same-origin"],
  ];
  return [
    {
      path: "/*",
      headers: [
        ["Strict-Transport-Security", "max-age=31536000; includeSubDomains"],
        ["X-Content-Type-Options", "nosniff"],
        ["X-Frame-Options", "DENY"],
        ["Referrer-Policy", "strict-origin-when-cross-origin"],
        [
          "Permissions-Policy",
          "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()",
        ],
        // A preview (NLC_PREVIEW): no address of it may be indexed.
        ...(options.noindex ? [["X-Robots-Tag", "noindex"] as [string, string]] : []),
      ],
    },
    // Names carry a content hash: a changed file gets a new name, so these can be kept for ever.
    { path: "/assets/*", headers: [...sitePolicy, ["Cache-Control", immutable]] },
    { path: "/img/*", headers: [...sitePolicy, ["Cache-Control", immutable]] },
    { path: "/static/*", headers: sitePolicy },
    { path: "/pagefind/*", headers: sitePolicy },
    ...pages.map((path) => ({
      path,
      headers: [...sitePolicy, ["Cache-Control", revalidate]] as Array<[string, string]>,
    })),
    // The other files the build writes (feed, sitemap, robots.txt, …).
    ...files.map((path) => ({ path, headers: sitePolicy })),
    // An area's own X-Robots-Tag would repeat the one every address of a preview gets.
    ...(options.noindex ? areas.map((area) => ({ ...area, headers: area.headers.filter(isNotRobotsTag) })) : areas),
  ];
}

const isNotRobotsTag = ([name]: [string, string]) => name.toLowerCase() !== "x-robots-tag";

export function headersFile(rules: HeaderRules): string {
  return (
    rules
      .map((rule) => [rule.path, ...rule.headers.map(([name, value]) => `  ${name}: ${value}`)].join("\n"))
      .join("\n\n") + "\n"
  );
}
