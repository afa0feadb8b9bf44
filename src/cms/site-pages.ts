import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { addressOfPage, postFolderOf } from "../core/addresses.js";
import { readFrontMatterBlock } from "../content/front-matter.js";
import { navLabels } from "../content/field-words.js";
import { pageLabel } from "../render/page-label.js";

/**
 * The site's pages as the browser editor needs to know them when it is
 * built: their menus and positions (each Position field's hint, and its
 * check for a number already taken), their addresses (the Address field's
 * check for one already taken) and their titles (the "Link to a page"
 * button's list). Read from content/ at build time, so the form shows the
 * site as it stands.
 */
export interface SitePage {
  /** Path from the project folder, "content/contact.md". */
  file: string;
  title: string;
  /** Its name in menus: navtitle, else title. */
  label: string;
  /** Its address, normalised ("/contact/"), or false for none. */
  address: string | false;
  /** Old addresses that lead to it, normalised. */
  oldAddresses: string[];
  order?: number;
  /** The menus it is in: nav, primary, footer. */
  menus: string[];
  draft: boolean;
  /** A news post's date, YYYY-MM-DD. */
  date?: string;
}

/** The uploads a page links to or shows, by address ("/static/documents/report.pdf"), with the pages that do. */
export type LinkedUploads = Record<string, string[]>;

export interface MenuEntry {
  file: string;
  label: string;
  order: number;
}

/** The page files under content/: markdown only, never through a symbolic link. */
function markdownFiles(root: string, folder = "content"): string[] {
  const files: string[] = [];
  let entries;
  try {
    entries = readdirSync(join(root, folder), { withFileTypes: true });
  } catch {
    return files;
  }
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = `${folder}/${entry.name}`;
    if (entry.isDirectory()) files.push(...markdownFiles(root, path));
    else if (entry.isFile() && entry.name.endsWith(".md")) files.push(path);
  }
  return files;
}

function strings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

/** Addresses of uploads (static/img/, static/documents/) in a page's text or front matter. */
const uploadAddress = /\/static\/(?:img|documents)\/[\w.-]+/g;

/** Which uploads each page uses, so the editor refuses to delete one a page still links to. */
export function linkedUploads(root: string): LinkedUploads {
  const linked: LinkedUploads = {};
  for (const file of markdownFiles(root)) {
    const text = readFileSync(join(root, file), "utf8");
    for (const address of new Set(text.match(uploadAddress) ?? [])) (linked[address] ??= []).push(file);
  }
  return linked;
}

/** Every page under content/ whose front matter can be read. */
export function readSitePages(root: string): SitePage[] {
  const pages: SitePage[] = [];
  for (const file of markdownFiles(root)) {
    const { data } = readFrontMatterBlock(readFileSync(join(root, file), "utf8"));
    if (!data) continue;
    const address = addressOfPage(file, data);
    const title = typeof data.title === "string" ? data.title.trim() : file;
    pages.push({
      file,
      title,
      label: pageLabel(data, address || file),
      address,
      oldAddresses: strings(data.redirect_from),
      ...(typeof data.order === "number" ? { order: data.order } : {}),
      menus: strings(data.tags).filter((tag) => tag in navLabels),
      draft: data.draft === true,
      ...(postFolderOf(file) && data.date instanceof Date && !Number.isNaN(data.date.getTime())
        ? { date: data.date.toISOString().slice(0, 10) }
        : {}),
    });
  }
  return pages;
}

/** Each menu's numbered pages, in menu order, as the check counts them (drafts are left out of both). */
export function menusOf(pages: readonly SitePage[]): Record<string, MenuEntry[]> {
  const menus: Record<string, MenuEntry[]> = {};
  for (const menu of Object.keys(navLabels)) {
    menus[menu] = pages
      .filter((page) => !page.draft && page.order !== undefined && page.menus.includes(menu))
      .map((page) => ({ file: page.file, label: page.label, order: page.order as number }))
      .sort((a, b) => a.order - b.order || (a.label < b.label ? -1 : 1));
  }
  return menus;
}

/** "Main menu: Home 10, What we do 20, News 30. Section menu: …": the menus as they stand, in an editor's words. */
export function describeMenus(menus: Record<string, readonly MenuEntry[]>): string {
  return Object.entries(menus)
    .filter(([, entries]) => entries.length > 0)
    .map(
      ([menu, entries]) => `${navLabels[menu]}: ${entries.map((entry) => `${entry.label} ${entry.order}`).join(", ")}.`,
    )
    .join(" ");
}

/** The pages a link within the site can go to, for the "Link to a page" button: pages first, by title, then news, newest first. */
export function linkablePages(pages: readonly SitePage[]): Array<{ title: string; address: string }> {
  const published = pages.filter(
    (page): page is SitePage & { address: string } =>
      !page.draft && typeof page.address === "string" && page.address.endsWith("/"),
  );
  const posts = published.filter((page) => page.date !== undefined);
  const others = published.filter((page) => page.date === undefined);
  return [
    ...others.sort((a, b) => (a.title < b.title ? -1 : 1)),
    ...posts
      .sort((a, b) => ((a.date ?? "") < (b.date ?? "") ? 1 : -1))
      .map((page) => ({ ...page, title: `News: ${page.title}` })),
  ].map((page) => ({ title: page.title, address: page.address }));
}
