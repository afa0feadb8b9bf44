import { fieldLine, type CheckedPage } from "./front-matter.js";
import { error, type Problem } from "./problems.js";
import { normalisePath } from "../output/redirects.js";

export interface SourcedPage extends CheckedPage {
  text: string;
}

/** The address a page will have: its permalink, or one made from its file name as Eleventy does. */
export function pageAddress(file: string, data: Record<string, unknown>, contentDir = "content"): string | false | undefined {
  if (data.permalink === false) return false;
  if (typeof data.permalink === "string") return normalisePath(data.permalink);
  const relative = file.slice(contentDir.length).replace(/\.(md|njk|html)$/, "");
  return relative.endsWith("/index") ? normalisePath(relative.slice(0, -"index".length)) : normalisePath(relative);
}

const navTags = ["nav", "primary", "footer"] as const;
const navNames: Record<(typeof navTags)[number], string> = { nav: "main nav", primary: "section nav", footer: "footer nav" };

function tagsOf(data: Record<string, unknown>): string[] {
  if (typeof data.tags === "string") return [data.tags];
  return Array.isArray(data.tags) ? data.tags.filter((tag): tag is string => typeof tag === "string") : [];
}

/**
 * Problems between pages: two pages at one address, and two pages at the
 * same position of one nav. One pass over the pages, whatever their number.
 * `foldersWithOwnAddresses` ("content/news/posts/") hold pages whose address
 * their folder's data file sets, so only an explicit permalink counts there.
 */
export function checkSiteStructure(pages: readonly SourcedPage[], foldersWithOwnAddresses: ReadonlySet<string> = new Set()): Problem[] {
  const problems: Problem[] = [];
  const byAddress = new Map<string, SourcedPage>();
  const byNavOrder = new Map<string, SourcedPage>();

  for (const page of pages) {
    if (!page.data || page.data.draft === true) continue;
    const folderSetsAddress = [...foldersWithOwnAddresses].some((folder) => page.file.startsWith(folder));
    const address = folderSetsAddress && typeof page.data.permalink !== "string" ? undefined : pageAddress(page.file, page.data);
    if (address) {
      const first = byAddress.get(address);
      if (first) {
        problems.push(
          error(
            page.file,
            fieldLine(page.text, "permalink"),
            1,
            `two pages have the address ${address}: this one and ${first.file}. Give one of them a different permalink`,
            true,
          ),
        );
      } else {
        byAddress.set(address, page);
      }
    }

    if (typeof page.data.order !== "number") continue;
    for (const tag of tagsOf(page.data)) {
      if (!(navTags as readonly string[]).includes(tag)) continue;
      const key = `${tag}:${page.data.order}`;
      const first = byNavOrder.get(key);
      if (first) {
        problems.push(
          error(
            page.file,
            fieldLine(page.text, "order"),
            1,
            `order ${page.data.order} is also used by ${first.file} in the ${navNames[tag as (typeof navTags)[number]]}: give each page in a nav its own order`,
          ),
        );
      } else {
        byNavOrder.set(key, page);
      }
    }
  }
  return problems;
}
