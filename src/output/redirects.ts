import type { PageEntry } from "../content/types.js";

export interface Redirect {
  /** The old address, as a folder path: "/network/". */
  from: string;
  /** The page's address now. */
  to: string;
}

function asList(value: unknown): string[] {
  if (typeof value === "string") return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

/** "/network", "network/" and "/network/index.html" all mean the folder "/network/". */
export function normalisePath(path: string): string {
  let clean = path.trim().replace(/index\.html?$/, "");
  if (!clean.startsWith("/")) clean = `/${clean}`;
  if (!clean.endsWith("/") && !/\.[a-z0-9]+$/i.test(clean)) clean = `${clean}/`;
  return clean;
}

/** Every old address named in a page's `redirect_from`, with where it leads now, sorted by old address. */
export function collectRedirects(pages: readonly PageEntry[] | undefined): Redirect[] {
  if (!Array.isArray(pages)) return [];
  const redirects: Redirect[] = [];
  for (const page of pages) {
    if (typeof page?.url !== "string") continue;
    for (const from of asList(page.data?.redirect_from)) redirects.push({ from: normalisePath(from), to: page.url });
  }
  return redirects.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
}

/** The stub file written at an old address, for hosts that cannot redirect. */
export function stubOutputPath(from: string): string {
  return from.endsWith("/") ? `${from}index.html` : from;
}

/** Netlify and Cloudflare Pages `_redirects`: one permanent redirect a line. */
export function redirectsFile(redirects: readonly Redirect[]): string {
  return redirects.map(({ from, to }) => `${from} ${to} 301`).join("\n") + (redirects.length ? "\n" : "");
}
