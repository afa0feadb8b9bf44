import { relative, resolve, sep } from "node:path";

/**
 * Addresses: the one module that knows what a site address is. It checks
 * every way of setting one (a page's `permalink`, `redirect_from`, a news
 * post's file name), gives a page its address, and maps an address to the
 * file a static host serves for it and back. The check, the build, the
 * link check and the tests all use these functions, so they cannot disagree.
 *
 * The patterns have one way to match any text (a segment ends at a "/",
 * which a segment cannot contain), so they cannot backtrack.
 */

/** A clean site path: "/", then segments of lower case, digits, dots, hyphens and underscores, each starting with a letter or digit. */
export const sitePath = /^\/(?:[a-z0-9][a-z0-9._-]*\/)*(?:[a-z0-9][a-z0-9._-]*)?$/;
/** A page's own address as the check accepts it: a clean site path ending in "/", or in a file name ending ".html". */
export const pageAddress = /^\/(?:[a-z0-9][a-z0-9._-]*\/)*(?:[a-z0-9][a-z0-9_-]*(?:\.[a-z0-9_-]+)*\.html)?$/;
/** A clean file name for a news post: lower-case words of letters and digits joined by single hyphens. */
export const cleanPostName = /^[a-z0-9]+(?:-[a-z0-9]+)*\.md$/;

/** Folders whose pages take their address from their file name under a fixed prefix. */
const postFolders: ReadonlyArray<{ folder: string; prefix: string }> = [
  { folder: "content/news/posts/", prefix: "/news/" },
];

/**
 * The site's own files at fixed addresses, from the developers'
 * src/site-files/ (drawn by `npm run icons`): browsers and link previews look
 * for the icons and the manifest at the root. Every file there must be listed
 * here (tests/build/untrusted-settings.test.ts), so no page or old address can take one over.
 */
const siteFileAddresses: readonly string[] = [
  "/favicon.ico",
  "/icon.svg",
  "/apple-touch-icon.png",
  "/icon-192.png",
  "/icon-512.png",
  "/site.webmanifest",
  "/brand/",
];

/**
 * Addresses the build or the host owns: no page, old address or editor's
 * file may be at, or under, one of these. Folders end in "/". Every file a
 * build writes or copies, other than a page, is at one of these (a test
 * lists a built site to prove it): the build's folders (assets, fonts,
 * pictures, search, the browser editor, editors' static files), the host's
 * files, and the site's own files. Editors' files are only ever published
 * under /static/.
 */
export const reservedAddresses: readonly string[] = [
  "/assets/",
  "/pagefind/",
  "/img/",
  "/admin/",
  "/static/",
  "/news/page/",
  "/.nlc-preview/",
  "/.11ty/",
  "/feed.xml",
  "/sitemap.xml",
  "/robots.txt",
  "/_headers",
  "/_redirects",
  "/_routes.json",
  "/_worker.js",
  "/.nlc-build",
  ...siteFileAddresses,
];

/**
 * The one normal form of an address: starts with "/", "index.html" dropped,
 * and a folder ends in "/" ("/network", "network/" and "/network/index.html"
 * are all "/network/"). A last segment with a file extension stays a file.
 */
export function normaliseAddress(address: string): string {
  let clean = address.trim();
  const index = /(?:^|\/)index\.html?$/.exec(clean);
  if (index) clean = clean.slice(0, index.index + (index[0].startsWith("/") ? 1 : 0));
  if (!clean.startsWith("/")) clean = `/${clean}`;
  const last = clean.slice(clean.lastIndexOf("/") + 1);
  if (last !== "" && !/\.[a-z0-9]+$/i.test(last)) clean = `${clean}/`;
  return clean;
}

/** The site address of a built file ("/news/index.html" → "/news/", "/404.html" stays). */
export function addressOfFile(file: string): string {
  return file.endsWith("/index.html") ? file.slice(0, -"index.html".length) : file;
}

/**
 * The file a static host (Netlify, Cloudflare Pages) serves for a path, if
 * any: "/a/" is "/a/index.html"; "/a" is "/a", then "/a.html", then
 * "/a/index.html" (the host redirects "/a" to "/a/" for the last).
 */
export function fileForAddress(path: string, files: ReadonlySet<string>): string | undefined {
  const candidates = path.endsWith("/") ? [`${path}index.html`] : [path, `${path}.html`, `${path}/index.html`];
  return candidates.find((file) => files.has(file));
}

/** The file the build writes for an address: "/a/" → "/a/index.html", "/a.html" stays. */
export function outputFileFor(address: string): string {
  return address.endsWith("/") ? `${address}index.html` : address;
}

/** Whether an address is one of the build's own, or inside one of its folders. */
export function reservedBy(address: string): string | undefined {
  const normal = address.endsWith("/index.html") ? address.slice(0, -"index.html".length) : address;
  return reservedAddresses.find((taken) =>
    taken.endsWith("/") ? `${normal}/`.startsWith(taken) : normal === taken || normal === `${taken}/`,
  );
}

/** What a file name should become to make a clean address: "My Big News!.md" -> "my-big-news.md". */
export function cleanFileName(name: string): string {
  const stem = name.replace(/\.md$/i, "").toLowerCase();
  const words = stem.split(/[^a-z0-9]+/).filter((word) => word !== "");
  return `${words.join("-") || "post"}.md`;
}

/** Why an address cannot be used, in an editor's words, or undefined when it can. `field` names the setting ("permalink"). */
export function addressProblem(address: string, field = "permalink"): string | undefined {
  if (!sitePath.test(address)) {
    const cleaned = `/${address
      .toLowerCase()
      .split("/")
      .map((part) =>
        part
          .split(/[^a-z0-9._-]+/)
          .filter(Boolean)
          .join("-")
          .replace(/^[._-]+/, ""),
      )
      .filter((part) => part !== "" && part !== "." && part !== "..")
      .join("/")}/`.replace(/^\/\/$/, "/");
    return `${field} must be a clean site address such as /our-programme/: starting with /, lower case letters, numbers and hyphens, no spaces (try ${cleaned})`;
  }
  const reserved = reservedBy(address);
  if (reserved) return `${field} ${address} is kept for the site's own files (${reserved}); choose another address`;
  // An old address may be a file ("/report.pdf"), redirected from; a page's own address is a folder or an .html file.
  const lastSegment = address.slice(address.lastIndexOf("/") + 1);
  const fileAllowed = field === "redirect_from" ? lastSegment.includes(".") : address.endsWith(".html");
  if (!address.endsWith("/") && !fileAllowed) return `${field} must end with /: write ${field}: ${address}/`;
  return undefined;
}

/** The post folder a page is in, if any. */
export function postFolderOf(file: string): { folder: string; prefix: string } | undefined {
  return postFolders.find((entry) => file.startsWith(entry.folder) && !file.slice(entry.folder.length).includes("/"));
}

/**
 * The address a page gets when its front matter sets none: a news post's is
 * its folder's prefix and its file name; any other page's is its path in
 * content/ ("content/news/index.md" -> "/news/").
 */
export function defaultAddress(file: string, contentDir = "content"): string {
  const post = postFolderOf(file);
  const name = file.slice(file.lastIndexOf("/") + 1).replace(/\.md$/, "");
  if (post) return `${post.prefix}${name}/`;
  const stem = file.slice(contentDir.length).replace(/\.md$/, "");
  return stem.endsWith("/index") ? stem.slice(0, -"index".length) : `${stem}/`;
}

/** The address a page will have (normalised), false for none (`permalink: false`). */
export function addressOfPage(file: string, data: Record<string, unknown>): string | false {
  if (data.permalink === false) return false;
  if (typeof data.permalink === "string") return normaliseAddress(data.permalink);
  return normaliseAddress(defaultAddress(file));
}

/** A file's path from the project folder, in the form the checks use ("content/news/index.md"). */
export function projectPath(root: string, file: string): string {
  return relative(resolve(root), resolve(file)).split(sep).join("/");
}

/**
 * Eleventy's data for the permalink: pages without a `permalink` of their
 * own get `defaultAddress`, from the page's file relative to the project
 * folder `root`, whatever folder Eleventy runs in.
 */
export function pagePermalink(data: { page?: { inputPath?: unknown } }, root: string): string {
  return defaultAddress(projectPath(root, String(data.page?.inputPath ?? "content/index.md")));
}

/** Whether `outputPath` is inside `outputDir` (not the folder itself, not outside it, not on another drive). */
export function insideOutput(outputDir: string, outputPath: string): boolean {
  const path = relative(resolve(outputDir), resolve(outputPath));
  return !(path === "" || path === ".." || path.startsWith(`..${sep}`) || resolve(path) === path);
}
