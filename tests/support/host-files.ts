// Reads `_headers`, `_redirects` and CSPs the way Netlify and Cloudflare Pages do, strictly: a line they would reject fails here.

export interface HeaderRule {
  path: string;
  headers: Array<[string, string]>;
}

/** `_headers`: a path line (starting with "/"), then indented "Name: value" lines; "#" comments and blank lines between. */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  text.split("\n").forEach((line, index) => {
    if (line.trim() === "" || line.trim().startsWith("#")) return;
    if (!/^\s/.test(line)) {
      if (!line.startsWith("/")) throw new Error(`_headers line ${index + 1}: a path must start with "/": ${line}`);
      if (/\*./.test(line)) throw new Error(`_headers line ${index + 1}: nothing may follow "*": ${line}`);
      rules.push({ path: line.trim(), headers: [] });
      return;
    }
    const match = /^\s+([A-Z0-9-]+):\s*(\S.*)$/i.exec(line);
    if (!match) throw new Error(`_headers line ${index + 1}: not "Name: value": ${line}`);
    const rule = rules.at(-1);
    if (!rule) throw new Error(`_headers line ${index + 1}: a header before any path`);
    rule.headers.push([match[1]!, match[2]!.trim()]);
  });
  return rules;
}

/** Whether a rule's path covers a request path: exact, or a prefix ending in a splat. */
export function pathMatches(rulePath: string, requestPath: string): boolean {
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
}

/** `_redirects`: "from to [status]" a line; "from" is a path, or a whole old domain ("https://host/*", Netlify only). */
export function parseRedirectsFile(text: string): RedirectRule[] {
  return text
    .split("\n")
    .map((line, index) => ({ line: line.trim(), index }))
    .filter(({ line }) => line !== "" && !line.startsWith("#"))
    .map(({ line, index }) => {
      const parts = line.split(/\s+/);
      if (parts.length < 2 || parts.length > 3)
        throw new Error(`_redirects line ${index + 1}: expected "from to status": ${line}`);
      const [from, to, status = "301"] = parts as [string, string, string?];
      if (!from.startsWith("/") && !/^https:\/\/[a-z0-9.-]+\/\*$/.test(from))
        throw new Error(
          `_redirects line ${index + 1}: "from" must be a path or a whole domain (https://host/*): ${line}`,
        );
      if (!/^\d{3}!?$/.test(status)) throw new Error(`_redirects line ${index + 1}: bad status: ${line}`);
      return { from, to, status: Number.parseInt(status, 10) };
    });
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
export function effectiveSources(csp: Csp, directive: string): string[] | undefined {
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
