// What must hold for ANY valid content, checked on any built site against the content it was built from.
// The expectations are computed from the front matter, never written down, so an editor's correct change
// (a new post, a renumbered or removed nav page) can never fail them. Plain functions: the real-content
// tests call them on `_site/`, the editor-change tests on a fixture project's build.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { parse, type HTMLElement } from "node-html-parser";
import { XMLParser } from "fast-xml-parser";
import { defaultAddress } from "../../src/core/addresses.js";
import { readFrontMatterBlock } from "../../src/content/front-matter.js";
import { navItems } from "../../src/render/navigation.js";
import { inAdminArea } from "../../src/cms/admin-csp.js";
import type { NavItem, PageEntry } from "../../src/core/types.js";
import { parseRedirectsFile } from "./host-files.js";

export interface SourcePage {
  /** "content/news/posts/a-post.md" */
  file: string;
  /** The address it is built at ("/news/a-post/", "/404.html"), or false for no page (`permalink: false`). */
  url: string | false;
  /** Front matter merged over the folders' data files, as Eleventy merges them (tags are joined). */
  data: Record<string, unknown>;
}

/** A site address from a permalink or file path: "/a/index.html" → "/a/", "/a" → "/a/", "/404.html" stays. */
function addressOf(path: string): string {
  let clean = path.trim().replace(/index\.html$/, "");
  if (!clean.startsWith("/")) clean = `/${clean}`;
  if (!clean.endsWith("/") && !/\.[a-z0-9]+$/i.test(clean)) clean = `${clean}/`;
  return clean;
}

function tagsOf(data: Record<string, unknown>): string[] {
  const tags = data.tags;
  if (typeof tags === "string") return [tags];
  return Array.isArray(tags) ? tags.filter((tag): tag is string => typeof tag === "string") : [];
}

/** The data files that apply to `file`: content/content.11tydata.json, then each folder's own, outermost first. */
function folderData(root: string, file: string): Record<string, unknown>[] {
  const parts = file.split("/").slice(0, -1);
  const found: Record<string, unknown>[] = [];
  for (let depth = 1; depth <= parts.length; depth += 1) {
    const folder = parts.slice(0, depth).join("/");
    const dataFile = join(root, folder, `${parts[depth - 1]}.11tydata.json`);
    if (existsSync(dataFile)) found.push(JSON.parse(readFileSync(dataFile, "utf8")) as Record<string, unknown>);
  }
  return found;
}

/** Every page file under content/, with its data and address, read straight from the files. */
export function readSourcePages(root: string): SourcePage[] {
  const pages: SourcePage[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(join(root, folder), { withFileTypes: true })) {
      const path = `${folder}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (/\.(?:md|njk)$/.test(entry.name)) {
        const own = readFrontMatterBlock(readFileSync(join(root, path), "utf8")).data ?? {};
        const layers = [...folderData(root, path), own];
        const data: Record<string, unknown> = Object.assign({}, ...layers);
        data.tags = [...new Set(layers.flatMap(tagsOf))];
        const slug = entry.name.replace(/\.(md|njk)$/, "");
        const permalink = data.permalink;
        let url: string | false;
        if (permalink === false) url = false;
        else if (typeof permalink === "string")
          url = addressOf(permalink.replace(/\{\{\s*page\.fileSlug\s*\}\}/g, slug));
        else url = addressOf(defaultAddress(path));
        pages.push({ file: path, url, data });
      }
    }
  };
  walk("content");
  return pages.sort((a, b) => (a.file < b.file ? -1 : 1));
}

/** The pages a production build publishes (drafts left out). */
function publishedPages(pages: readonly SourcePage[]): SourcePage[] {
  return pages.filter((page) => page.data.draft !== true);
}

/** The pages in a tag's collection (Eleventy's `collections[tag]`). */
function collection(pages: readonly SourcePage[], tag: string): PageEntry[] {
  return publishedPages(pages)
    .filter((page) => page.data.eleventyExcludeFromCollections !== true && tagsOf(page.data).includes(tag))
    .map((page) => ({ url: page.url, data: page.data }) as PageEntry);
}

function dateOf(page: SourcePage): Date | undefined {
  const value = page.data.date;
  if (value instanceof Date) return value;
  if (typeof value === "string" && !Number.isNaN(Date.parse(value))) return new Date(value);
  return undefined;
}

/** News posts, newest first; posts of the same day by address (the order the site promises). */
export function expectedPostOrder(pages: readonly SourcePage[]): string[] {
  return publishedPages(pages)
    .filter((page) => tagsOf(page.data).includes("posts") && typeof page.url === "string")
    .sort(
      (a, b) => (dateOf(b)?.getTime() ?? 0) - (dateOf(a)?.getTime() ?? 0) || String(a.url).localeCompare(String(b.url)),
    )
    .map((page) => page.url as string);
}

/** The navs the front matter gives the page at `url`: main, section and footer, in order, with the current item marked. */
export function expectedNavs(
  pages: readonly SourcePage[],
  url: string,
): { main: NavItem[]; sections: NavItem[]; footer: NavItem[] } {
  return {
    main: navItems(collection(pages, "nav"), url),
    sections: navItems(collection(pages, "primary"), url),
    footer: navItems(collection(pages, "footer"), url),
  };
}

/** Every HTML file in a built site, as addresses ("/", "/news/", "/404.html"). */
/** Every visitor's page in a built site (not the editors' tool at /admin/). */
export function htmlUrls(siteDir: string, base = "/"): string[] {
  const urls: string[] = [];
  for (const entry of readdirSync(join(siteDir, base), { withFileTypes: true })) {
    if (entry.isDirectory() && !inAdminArea(`${base}${entry.name}/`))
      urls.push(...htmlUrls(siteDir, `${base}${entry.name}/`));
    else if (entry.name === "index.html") urls.push(base);
    else if (entry.name.endsWith(".html")) urls.push(`${base}${entry.name}`);
  }
  return urls.sort();
}

export function readPage(siteDir: string, url: string): HTMLElement {
  return parse(readFileSync(url.endsWith(".html") ? join(siteDir, url) : join(siteDir, url, "index.html"), "utf8"));
}

/** Where a stub at an old address sends the visitor (its meta refresh), or undefined for a real page. */
function stubTarget(page: HTMLElement): string | undefined {
  const content = page.querySelector('meta[http-equiv="refresh"]')?.getAttribute("content");
  return content ? /url\s*=\s*(\S+)/i.exec(content)?.[1] : undefined;
}

const words = (text: string) => text.replace(/\s+/g, " ").trim();

/** A nav as a visitor reads it: "label → href [current]" a link. */
function shownNav(page: HTMLElement, selector: string): string[] {
  return page.querySelectorAll(`${selector} a`).map((a) => {
    const label = a.childNodes
      .filter((node) => !(node as HTMLElement).classList?.contains("visually-hidden"))
      .map((node) => node.text)
      .join("")
      .trim();
    const current = a.getAttribute("aria-current");
    return `${label} → ${a.getAttribute("href")}${current ? ` [${current}]` : ""}`;
  });
}

function expectedNav(items: NavItem[]): string[] {
  return items.map((item) => `${item.label} → ${item.url}${item.current ? ` [${item.current}]` : ""}`);
}

function sameList(problems: string[], where: string, shown: string[], expected: string[]): void {
  if (JSON.stringify(shown) !== JSON.stringify(expected))
    problems.push(`${where}: shows ${JSON.stringify(shown)}, the front matter gives ${JSON.stringify(expected)}`);
}

/**
 * Everything wrong with a built site, as sentences naming the page; [] when it
 * holds. `root` is the project the site was built from (its content/).
 */
export async function siteProblems(root: string, siteDir: string): Promise<string[]> {
  const problems: string[] = [];
  const sources = readSourcePages(root);
  const published = publishedPages(sources);
  const byUrl = new Map(published.filter((page) => page.url !== false).map((page) => [page.url as string, page]));
  const posts = expectedPostOrder(sources);

  // Redirects: `_redirects` and the stubs are exactly what `redirect_from` asks for.
  const expectedRedirects = published.flatMap((page) => {
    const from = page.data.redirect_from;
    const list =
      typeof from === "string"
        ? [from]
        : Array.isArray(from)
          ? from.filter((item): item is string => typeof item === "string")
          : [];
    return typeof page.url === "string" ? list.map((old) => `${addressOf(old)} ${page.url} 301`) : [];
  });
  const redirectsPath = join(siteDir, "_redirects");
  const shownRedirects = existsSync(redirectsPath)
    ? (await parseRedirectsFile(readFileSync(redirectsPath, "utf8")))
        // Page rules only: the domain rules (https://old-domain/*) come from code, not from front matter. A forced 301 (301!) is still a 301.
        .filter((r) => r.from.startsWith("/"))
        .map((r) => `${r.from} ${r.to} ${String(r.status).replace(/!$/, "")}`)
    : [];
  sameList(problems, "_redirects", [...shownRedirects].sort(), [...expectedRedirects].sort());

  const urls = htmlUrls(siteDir);
  const stubs = new Set<string>();
  for (const url of urls) {
    const page = readPage(siteDir, url);
    const target = stubTarget(page);
    if (target) {
      stubs.add(url);
      if (!expectedRedirects.some((line) => line.startsWith(`${url} ${target} `)))
        problems.push(`${url}: a stub leading to ${target} that no redirect_from asks for`);
      continue;
    }
    // Pages made by code rather than content (an admin screen, say) answer to their own tests.
    const source = byUrl.get(url);
    if (!source) continue;
    const where = `${url} (${source.file})`;

    // One h1, the page's title; a description; a language; labelled landmarks; the skip link.
    const h1s = page.querySelectorAll("h1");
    if (h1s.length !== 1) problems.push(`${where}: has ${h1s.length} h1 elements, not 1`);
    else if (typeof source.data.title === "string" && words(h1s[0]!.text) !== words(source.data.title))
      problems.push(`${where}: its h1 is "${words(h1s[0]!.text)}", its title "${source.data.title}"`);
    if (page.querySelector("html")?.getAttribute("lang") !== "en-GB") problems.push(`${where}: no lang="en-GB"`);
    if (!page.querySelector("title")?.text.trim()) problems.push(`${where}: no <title>`);
    if (!page.querySelector('meta[name="description"]')?.getAttribute("content")?.trim())
      problems.push(`${where}: no description meta tag`);
    if (page.querySelectorAll("main").length !== 1 || page.querySelector("main")?.getAttribute("id") !== "main-content")
      problems.push(`${where}: not one <main id="main-content">`);
    if (page.querySelector("a.skip-link")?.getAttribute("href") !== "#main-content")
      problems.push(`${where}: no skip link to #main-content`);
    if (!page.querySelector("header") || !page.querySelector("footer")) problems.push(`${where}: no header or footer`);
    for (const nav of page.querySelectorAll("nav"))
      if (!nav.getAttribute("aria-label")?.trim()) problems.push(`${where}: a <nav> with no aria-label`);
    if (/â€|Ã.|\uFFFD|Â /.test(page.toString())) problems.push(`${where}: encoding damage`);

    // Every nav, in the order and with the current item the front matter gives.
    const navs = expectedNavs(sources, url);
    const main = expectedNav(navs.main);
    const sections = expectedNav(navs.sections);
    sameList(problems, `${where} main nav`, shownNav(page, ".site-nav--wide"), main);
    sameList(problems, `${where} section nav`, shownNav(page, ".section-nav"), sections);
    sameList(problems, `${where} footer nav`, shownNav(page, ".site-footer nav"), expectedNav(navs.footer));
    sameList(problems, `${where} small-screen menu`, shownNav(page, ".menu"), [...main, ...sections]);

    // Breadcrumbs end at this page, and every one leads to a built page.
    const crumbs = page.querySelectorAll(".breadcrumbs li");
    if (crumbs.length > 0) {
      if (crumbs.at(-1)!.querySelector("[aria-current=page]") === null)
        problems.push(`${where}: the last breadcrumb is not marked as this page`);
      for (const href of page.querySelectorAll(".breadcrumbs a").map((a) => a.getAttribute("href") ?? "")) {
        if (!urls.includes(href)) problems.push(`${where}: a breadcrumb leads to ${href}, which is not built`);
      }
    }

    // Lists of posts: newest first, with none left out between, from the newest except on the news list's
    // later pages (/news/page/2/ onwards), and a post shows its own date.
    for (const list of page.querySelectorAll(".post-list")) {
      const shown = list.querySelectorAll(".post-list__title a").map((a) => a.getAttribute("href") ?? "");
      const from = url.startsWith("/news/page/") ? Math.max(0, posts.indexOf(shown[0] ?? "")) : 0;
      sameList(problems, `${where} list of posts`, shown, posts.slice(from, from + shown.length));
    }
    if (posts.includes(url)) {
      const date = dateOf(source)?.toISOString().slice(0, 10);
      const shown = page.querySelector("main time")?.getAttribute("datetime");
      if (shown !== date) problems.push(`${where}: shows the date ${shown}, its front matter says ${date}`);
    }
  }

  // The news list, page after page (/news/, then /news/page/2/, …), shows every post once, newest first.
  const newsPages = urls
    .filter((url) => url === "/news/" || url.startsWith("/news/page/"))
    .sort((a, b) => (Number(/\d+/.exec(a)?.[0] ?? 1) || 1) - (Number(/\d+/.exec(b)?.[0] ?? 1) || 1));
  const listed = newsPages.flatMap((url) =>
    readPage(siteDir, url)
      .querySelectorAll(".post-list .post-list__title a")
      .map((a) => a.getAttribute("href") ?? ""),
  );
  if (posts.length > 0) sameList(problems, "the news list, over its pages,", listed, posts);
  for (const [url, page] of byUrl) {
    if (!urls.includes(url)) problems.push(`${url} (${page.file}): not built`);
  }
  for (const draft of sources.filter((page) => page.data.draft === true && typeof page.url === "string")) {
    if (urls.includes(draft.url as string) && !byUrl.has(draft.url as string))
      problems.push(`${draft.url} (${draft.file}): a draft was published`);
  }

  // The feed: every post, newest first.
  const feedPath = join(siteDir, "feed.xml");
  if (existsSync(feedPath)) {
    const feed = new XMLParser({ ignoreAttributes: false, isArray: (name) => ["entry", "link"].includes(name) }).parse(
      readFileSync(feedPath, "utf8"),
    ).feed;
    const entries = (feed?.entry ?? []) as Array<{ link: Array<{ "@_href": string }> }>;
    // Feed readers order by date, so posts of the same day may come in either order here.
    const shown = entries.map((entry) => new URL(entry.link[0]!["@_href"]).pathname);
    const dayOf = (url: string) => {
      const page = byUrl.get(url);
      return page ? dateOf(page)?.toISOString().slice(0, 10) : undefined;
    };
    sameList(problems, "feed.xml (posts)", [...shown].sort(), [...posts].sort());
    sameList(
      problems,
      "feed.xml (dates, newest first)",
      shown.map((url) => `${dayOf(url)}`),
      posts.map((url) => `${dayOf(url)}`),
    );
  } else if (posts.length > 0) problems.push("feed.xml: missing");

  return problems;
}
