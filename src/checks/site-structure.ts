import { fieldLine, type CheckedPage } from "./page-source.js";
import { error, type Problem } from "../core/problems.js";
import { addressOfPage, normaliseAddress } from "../core/addresses.js";
import { named, navLabels } from "../content/field-words.js";
import { pageLabel } from "../render/page-label.js";

export interface SourcedPage extends CheckedPage {
  text: string;
  /** When the file was last saved (ms), to name the page just changed first in a clash. */
  modified?: number;
}

/** Of two pages, the one just changed first: the newer save, then the file name, so the order never varies for one state of the files. */
function changedFirst(a: SourcedPage, b: SourcedPage): [SourcedPage, SourcedPage] {
  const newer = (a.modified ?? 0) - (b.modified ?? 0);
  if (newer !== 0) return newer > 0 ? [a, b] : [b, a];
  return a.file < b.file ? [a, b] : [b, a];
}

const navTags = ["nav", "primary", "footer"] as const;

function tagsOf(data: Record<string, unknown>): string[] {
  if (typeof data.tags === "string") return [data.tags];
  return Array.isArray(data.tags) ? data.tags.filter((tag): tag is string => typeof tag === "string") : [];
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Numbers no page of a menu has, for a page that clashes at `order` with
 * another: one just before that page (the middle of the gap below it) and one
 * just after (the middle of the gap above, or 10 more at the end). Menus are
 * numbered in steps of 10, so there is room; a gap with no whole number free
 * gives none.
 */
export function freeNumbers(order: number, taken: readonly number[]): { before?: number; after?: number } {
  const below = Math.max(0, ...taken.filter((number) => number < order));
  const higher = taken.filter((number) => number > order);
  const above = higher.length > 0 ? Math.min(...higher) : undefined;
  return {
    ...(order - below >= 2 ? { before: Math.floor((below + order) / 2) } : {}),
    ...(above === undefined
      ? { after: order + 10 }
      : above - order >= 2
        ? { after: Math.floor((order + above) / 2) }
        : {}),
  };
}

/** "to put this page just before Alpha, give it 15; just after, 25": the ways out of a clash, in an editor's words. */
export function clashAdvice(order: number, label: string, taken: readonly number[]): string {
  const { before, after } = freeNumbers(order, taken);
  const ways = [
    ...(before !== undefined ? [`to put this page just before ${label}, give it ${before}`] : []),
    ...(after !== undefined ? [`just after, ${after}`] : []),
  ];
  if (ways.length === 0) return "give it a number between those of the two pages it goes between";
  return ways.join("; ");
}

/**
 * Problems between pages: two pages at one address, and two pages at the
 * same position of one nav. One pass over the pages, whatever their number.
 * `foldersWithOwnAddresses` ("content/news/posts/") hold pages whose address
 * their folder's data file sets, so only an explicit permalink counts there.
 */
export function checkSiteStructure(pages: readonly SourcedPage[]): Problem[] {
  const problems: Problem[] = [];
  const byAddress = new Map<string, { page: SourcedPage; field: string }>();

  const claim = (address: string, page: SourcedPage, field: string) => {
    const first = byAddress.get(address);
    if (first?.page === page) return; // A page listing its own address as an old one harms nothing.
    if (!first) {
      byAddress.set(address, { page, field });
      return;
    }
    const [changed, other] = changedFirst(page, first.page);
    const changedField = changed === page ? field : first.field;
    const how = (entry: SourcedPage, viaField: string) =>
      viaField === "redirect_from" ? `${entry.file} (as an old address in redirect_from)` : entry.file;
    problems.push(
      error(
        changed.file,
        fieldLine(changed.text, changedField),
        1,
        `two pages claim the address ${address}: ${how(changed, changedField)} and ${how(other, changed === page ? first.field : field)}. Give ${changed.file} a different ${changedField === "redirect_from" ? "redirect_from" : "permalink"}`,
        true,
      ),
    );
  };

  for (const page of pages) {
    if (!page.data || page.data.draft === true) continue;
    const address = addressOfPage(page.file, page.data);
    if (address) claim(address, page, "permalink");
    if (Array.isArray(page.data.redirect_from)) {
      for (const from of page.data.redirect_from)
        if (typeof from === "string") claim(normaliseAddress(from), page, "redirect_from");
    }
  }

  // Each menu's numbered pages, then one pass over each: a number used twice is named at the later page.
  const menus = new Map<string, Array<{ page: SourcedPage; order: number }>>();
  for (const page of pages) {
    if (!page.data || page.data.draft === true) continue;
    if (typeof page.data.order !== "number") continue;
    for (const tag of tagsOf(page.data)) {
      if (!(navTags as readonly string[]).includes(tag)) continue;
      const entries = menus.get(tag) ?? [];
      entries.push({ page, order: page.data.order });
      menus.set(tag, entries);
    }
  }
  for (const [tag, entries] of menus) {
    const menu = navLabels[tag] ?? tag;
    const label = (page: SourcedPage) => pageLabel(page.data, page.file);
    const sorted = [...entries].sort((a, b) => a.order - b.order || (label(a.page) < label(b.page) ? -1 : 1));
    const now = sorted.map((entry) => `${label(entry.page)} ${entry.order}`).join(", ");
    const taken = entries.map((entry) => entry.order);
    const byOrder = new Map<number, SourcedPage>();
    for (const { page, order } of entries) {
      const first = byOrder.get(order);
      if (!first) {
        byOrder.set(order, page);
        continue;
      }
      problems.push(
        error(
          page.file,
          fieldLine(page.text, "order"),
          1,
          `${named("order")} ${order} is also used by ${first.file} ("${label(first)}") in the ${menu}: give each page in a menu its own number, between the numbers of the two pages it goes between. ${capitalise(clashAdvice(order, label(first), taken))} (the ${menu} now: ${now})`,
        ),
      );
    }
  }
  return problems;
}

/**
 * Addresses the site must keep answering (the 2020 site's, which other
 * sites, bookmarks and search engines still use): each must be a page's
 * address or one of its `redirect_from`. One problem for each that is not.
 */
export function checkKeptAddresses(pages: readonly SourcedPage[], kept: readonly string[]): Problem[] {
  // A page whose front matter could not be read may be the one keeping them: its own problem is told instead.
  if (pages.some((page) => page.data === undefined)) return [];
  const answered = new Set<string>();
  for (const page of pages) {
    if (!page.data || page.data.draft === true) continue;
    const address = addressOfPage(page.file, page.data);
    if (address) answered.add(address);
    if (Array.isArray(page.data.redirect_from))
      for (const from of page.data.redirect_from) if (typeof from === "string") answered.add(normaliseAddress(from));
  }
  return kept
    .map(normaliseAddress)
    .filter((address) => !answered.has(address))
    .map((address) =>
      error(
        "content",
        1,
        1,
        `the old address ${address} no longer leads anywhere, and links from other sites and bookmarks still use it: add it to the redirect_from list of the page that now covers its subject, as - ${address}`,
      ),
    );
}
