import { parseRedirectsFile } from "./host-files.js";

/**
 * How Netlify answers a request, given the site's files and its `_redirects`,
 * so tests can prove that old addresses still answer without deploying.
 * Rules as Netlify documents them: read top to bottom and the first rule that
 * matches decides; a rule's path may end in "*" (the rest is `:splat`) and
 * may have ":name" segments; a rule may name a domain, and then matches only
 * requests to it; paths match with or without a trailing slash; a file that
 * exists at the address is served instead of a matching rule ("shadowing")
 * unless the rule is forced with "!".
 */

export interface RedirectRule {
  /** The domain the rule is limited to ("https://old.example"), if any. */
  origin?: string;
  path: string;
  to: string;
  status: number;
  force: boolean;
  /** The rule's line in `_redirects`, from 1. */
  line: number;
}

export type Answer =
  { status: 200; file: string } | { status: 404; file?: string } | { status: number; location: string; rule: number };

/** Reads `_redirects` with Netlify's own parser; a line it would not understand is an error naming its reason. */
export async function parseRedirectRules(text: string): Promise<RedirectRule[]> {
  return (await parseRedirectsFile(text)).map(({ from, to, status, force }, index) => {
    let origin: string | undefined;
    let path = from;
    if (/^https?:\/\//.test(from)) {
      const url = new URL(from);
      origin = url.origin;
      path = url.pathname;
    }
    return { origin, path, to, status, force, line: index + 1 };
  });
}

const trimSlash = (path: string) => (path.length > 1 ? path.replace(/\/+$/, "") : path);

/** The placeholders a rule's path binds for a request path, or undefined when it does not match. */
export function matchPath(rulePath: string, requestPath: string): Record<string, string> | undefined {
  if (rulePath.endsWith("*")) {
    const prefix = rulePath.slice(0, -1);
    if (requestPath.startsWith(prefix)) return { splat: requestPath.slice(prefix.length) };
    return trimSlash(requestPath) === trimSlash(prefix) ? { splat: "" } : undefined;
  }
  const want = trimSlash(rulePath).split("/");
  const got = trimSlash(requestPath).split("/");
  if (want.length !== got.length) return undefined;
  const bound: Record<string, string> = {};
  for (const [i, segment] of want.entries()) {
    if (segment.startsWith(":")) bound[segment.slice(1)] = got[i]!;
    else if (segment !== got[i]) return undefined;
  }
  return bound;
}

/** The file a static host serves for a path, if any: "/a/" is "/a/index.html"; "/a" is "/a", "/a.html" or "/a/index.html". */
export function fileFor(files: ReadonlySet<string>, path: string): string | undefined {
  const candidates = path.endsWith("/") ? [`${path}index.html`] : [path, `${path}.html`, `${path}/index.html`];
  return candidates.find((file) => files.has(file));
}

/** Netlify's answer to one request (a full address), with no redirect followed. */
export function answer(rules: readonly RedirectRule[], files: ReadonlySet<string>, request: string): Answer {
  const url = new URL(request);
  const file = fileFor(files, url.pathname);
  for (const rule of rules) {
    if (rule.origin && rule.origin !== url.origin) continue;
    const bound = matchPath(rule.path, url.pathname);
    if (!bound) continue;
    if (file && !rule.force) return { status: 200, file };
    const target = rule.to.replace(/:([a-z]+)/gi, (whole, name: string) => bound[name] ?? whole);
    if (rule.status === 200 || rule.status === 404) {
      const rewritten = /^https?:\/\//.test(target) ? undefined : fileFor(files, target);
      return rule.status === 200 && rewritten
        ? { status: 200, file: rewritten }
        : { status: 404, file: fileFor(files, "/404.html") };
    }
    return { status: rule.status, location: new URL(target, url).href, rule: rule.line };
  }
  return file ? { status: 200, file } : { status: 404, file: fileFor(files, "/404.html") };
}

/** Every answer from a request to where it settles: a page, a 404, or a redirect off the site's hosts. */
export function follow(
  rules: readonly RedirectRule[],
  files: ReadonlySet<string>,
  request: string,
  hosts: ReadonlySet<string>,
  maxHops = 10,
): Array<Answer & { url: string }> {
  const chain: Array<Answer & { url: string }> = [];
  let url = request;
  for (let hop = 0; hop <= maxHops; hop++) {
    const result = answer(rules, files, url);
    chain.push({ ...result, url });
    if (!("location" in result) || !hosts.has(new URL(result.location).origin)) return chain;
    url = result.location;
  }
  throw new Error(`${request}: more than ${maxHops} redirects (a loop?): ${chain.map((step) => step.url).join(" → ")}`);
}
