import { allowedHosts, cspSources, type AllowedHosts } from "./allowed-hosts.js";
import { analyticsLoader } from "./analytics.js";

/**
 * The Content-Security-Policy. Scripts, styles, images and fonts come from
 * our own origin only; nothing inline. Exceptions, each for one reason:
 * - 'wasm-unsafe-eval': Pagefind's search runs as WebAssembly (it allows
 *   compiling WebAssembly, not JavaScript eval);
 * - the hosts in allowed-hosts.ts (frame-src player.vimeo.com: the video,
 *   once a visitor asks to play it), the same list the raw-HTML check reads;
 * - the analytics sources, only when an analytics ID is configured.
 */
export function contentSecurityPolicy(analyticsId = "", hosts: AllowedHosts = allowedHosts): string {
  const analytics = analyticsLoader(analyticsId);
  const self = (list: readonly string[], ...more: string[]) => ["'self'", ...cspSources(list), ...more];
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    "script-src": self(hosts.scripts, "'wasm-unsafe-eval'", ...(analytics?.csp["script-src"] ?? [])),
    "style-src": self(hosts.styles),
    "img-src": self(hosts.images, ...(analytics?.csp["img-src"] ?? [])),
    "font-src": self(hosts.fonts),
    "connect-src": self(hosts.connect, ...(analytics?.csp["connect-src"] ?? [])),
    ...(hosts.media.length ? { "media-src": self(hosts.media) } : {}),
    "frame-src": hosts.frames.length ? cspSources(hosts.frames) : ["'none'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": self(hosts.forms),
    "frame-ancestors": ["'none'"],
    "upgrade-insecure-requests": [],
  };
  return Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(" "))
    .join("; ");
}

export type HeaderRules = Array<{ path: string; headers: Array<[string, string]> }>;

const revalidate = "public, max-age=0, must-revalidate";
const immutable = "public, max-age=31536000, immutable";

/**
 * The rules for Netlify's and Cloudflare Pages' `_headers`. Both apply every
 * rule whose path matches, and Cloudflare joins a header set by two rules
 * into one value, so no header is set by two rules that match one address:
 * the security headers go on `/*`, and Cache-Control on each HTML page by its
 * address and on the fingerprinted folders by theirs.
 */
export function headerRules(htmlUrls: readonly string[], analyticsId = ""): HeaderRules {
  const pages = [...new Set(htmlUrls)].sort();
  return [
    {
      path: "/*",
      headers: [
        ["Content-Security-Policy", contentSecurityPolicy(analyticsId)],
        ["Strict-Transport-Security", "max-age=31536000; includeSubDomains"],
        ["X-Content-Type-Options", "nosniff"],
        ["X-Frame-Options", "DENY"],
        ["Referrer-Policy", "strict-origin-when-cross-origin"],
        ["Permissions-Policy", "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()"],
        ["Cross-Origin-Opener-Policy", "same-origin"],
      ],
    },
    // Names carry a content hash: a changed file gets a new name, so these can be kept for ever.
    { path: "/assets/*", headers: [["Cache-Control", immutable]] },
    { path: "/img/*", headers: [["Cache-Control", immutable]] },
    ...pages.map((path) => ({ path, headers: [["Cache-Control", revalidate]] as Array<[string, string]> })),
  ];
}

export function headersFile(rules: HeaderRules): string {
  return rules.map((rule) => [rule.path, ...rule.headers.map(([name, value]) => `  ${name}: ${value}`)].join("\n")).join("\n\n") + "\n";
}
