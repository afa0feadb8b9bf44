import type { PageEntry } from "../core/types.js";

interface Dated extends PageEntry {
  date?: unknown;
}

function time(entry: Dated): number {
  const date = entry.date instanceof Date ? entry.date.getTime() : Number.NaN;
  return Number.isNaN(date) ? Number.NEGATIVE_INFINITY : date;
}

/** News posts newest first; posts of the same day by address, so the order is stable. */
export function newestFirst<T extends Dated>(posts: readonly T[] | undefined): T[] {
  if (!Array.isArray(posts)) return [];
  return [...posts].sort((a, b) => time(b) - time(a) || String(a.url).localeCompare(String(b.url)));
}

/** The first `count` items. */
export function limit<T>(items: readonly T[] | undefined, count: number): T[] {
  return Array.isArray(items) ? items.slice(0, Math.max(0, Math.trunc(count))) : [];
}

/** Posts on each page of the news list: /news/ shows the newest, /news/page/2/ the next, and so on. */
export const postsPerPage = 20;

/** The address of page `n` (from 1) of the news list. */
export function newsPageAddress(n: number): string {
  return n <= 1 ? "/news/" : `/news/page/${n}/`;
}

/** How many pages the news list has for `count` posts. */
export function newsPageCount(count: number): number {
  return Math.max(1, Math.ceil(count / postsPerPage));
}
