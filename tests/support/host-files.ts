// Reads `_headers` and `_redirects` with Netlify's own parsers, and CSPs as browsers read them: a line the host
// would reject fails here.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseAllHeaders } from "netlify-headers-parser";
import { parseAllRedirects } from "netlify-redirect-parser";

export interface HeaderRule {
  path: string;
  headers: Array<[string, string]>;
}

/** Text as a file, for Netlify's parsers, which read files. */
function asFile(text: string, name: string): { path: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), "nlc-host-file-"));
  writeFileSync(join(dir, name), text);
  return { path: join(dir, name), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** `_headers`, read by Netlify's own parser; anything it would reject fails here, naming its reason. */
export async function parseHeadersFile(text: string): Promise<HeaderRule[]> {
  const file = asFile(text, "_headers");
  try {
    const { headers, errors } = await parseAllHeaders({
      // The package types the list as never[]; it takes file paths.
      headersFiles: [file.path] as never[],
      netlifyConfigPath: undefined,
      minimal: true,
    });
    if (errors.length > 0) throw new Error(`_headers: ${errors.map((error) => error.message).join("; ")}`);
    return headers.map((rule) => ({
      path: rule.for,
      headers: Object.entries(rule.values as Record<string, unknown>).map(([name, value]): [string, string] => [
        name,
        String(value),
      ]),
    }));
  } finally {
    file.remove();
  }
}

/** Whether a rule's path covers a request path: exact, or a prefix ending in a splat. */
function pathMatches(rulePath: string, requestPath: string): boolean {
  return rulePath.endsWith("*") ? requestPath.startsWith(rulePath.slice(0, -1)) : rulePath === requestPath;
}

/**
 * The headers a request gets. Every matching rule applies; a header set by
 * two matching rules is joined with ", " (Cloudflare), which for
 * Cache-Control or a CSP changes its meaning, so callers check `conflicts`.
 */
export function headersFor(
  rules: readonly HeaderRule[],
  requestPath: string,
): { headers: Map<string, string>; conflicts: string[] } {
  const headers = new Map<string, string>();
  const conflicts: string[] = [];
  for (const rule of rules) {
    if (!pathMatches(rule.path, requestPath)) continue;
    for (const [name, value] of rule.headers) {
      const key = name.toLowerCase();
      const previous = headers.get(key);
      if (previous !== undefined) conflicts.push(key);
      headers.set(key, previous === undefined ? value : `${previous}, ${value}`);
    }
  }
  return { headers, conflicts };
}

export interface RedirectRule {
  from: string;
  to: string;
  status: number;
  /** "301!": the redirect wins over a file at the old address. */
  force: boolean;
}

/** `_redirects`, read by Netlify's own parser; "from" is a path, or a whole old domain ("https://host/*"). */
export async function parseRedirectsFile(text: string): Promise<RedirectRule[]> {
  const file = asFile(text, "_redirects");
  try {
    const { redirects, errors } = await parseAllRedirects({
      redirectsFiles: [file.path],
      configRedirects: [],
      minimal: true,
    });
    if (errors.length > 0) throw new Error(`_redirects: ${errors.map((error: Error) => error.message).join("; ")}`);
    return (redirects as Array<{ from: string; to: string; status?: number; force: boolean }>).map(
      ({ from, to, status, force }) => ({ from, to, status: status ?? 301, force }),
    );
  } finally {
    file.remove();
  }
}

export type Csp = Map<string, string[]>;

export function parseCsp(value: string): Csp {
  const csp: Csp = new Map();
  for (const part of value.split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name && !csp.has(name.toLowerCase())) csp.set(name.toLowerCase(), sources);
  }
  return csp;
}

const fallbacks: Record<string, string[]> = {
  "script-src-elem": ["script-src", "default-src"],
  "style-src-elem": ["style-src", "default-src"],
  "img-src": ["default-src"],
  "font-src": ["default-src"],
  "connect-src": ["default-src"],
  "frame-src": ["child-src", "default-src"],
  "worker-src": ["child-src", "script-src", "default-src"],
  "manifest-src": ["default-src"],
  "media-src": ["default-src"],
};

/** The sources in force for a fetch directive, following CSP's fallbacks. */
function effectiveSources(csp: Csp, directive: string): string[] | undefined {
  for (const name of [directive, ...(fallbacks[directive] ?? [])]) {
    const sources = csp.get(name);
    if (sources) return sources;
  }
  return undefined;
}

/** Whether the CSP lets a page on `pageOrigin` load `url` under `directive` (CSP Level 3 source matching, for the kinds of source we use). */
export function cspAllows(csp: Csp, directive: string, url: string, pageOrigin: string): boolean {
  const sources = effectiveSources(csp, directive);
  if (!sources) return true;
  const target = new URL(url, pageOrigin);
  return sources.some((source) => {
    if (source === "'self'") return target.origin === pageOrigin;
    if (source === "'none'" || source.startsWith("'")) return false;
    if (source === "data:" || source === "https:") return target.protocol === source;
    const match = /^(https?:\/\/)?(\*\.)?([^/:]+)(\/.*)?$/.exec(source);
    if (!match) return false;
    const [, scheme, wildcard, host, path] = match;
    if (scheme && target.protocol !== scheme.slice(0, -2)) return false;
    const hostOk = wildcard ? target.hostname.endsWith(`.${host}`) : target.hostname === host;
    return hostOk && (!path || target.pathname.startsWith(path));
  });
}
