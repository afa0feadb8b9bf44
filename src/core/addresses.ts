import { relative, resolve, sep } from "node:path";

/**
 * Where pages go: one rule for every way of setting an address (a page's
 * `permalink`, a folder's data file, a news post's file name), used by the
 * check before anything renders and by Eleventy itself (`pagePermalink`).
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
export const postFolders: ReadonlyArray<{ folder: string; prefix: string }> = [
  { folder: "content/news/posts/", prefix: "/news/" },
];

/** Addresses the build or the host owns: no page may be written at, or under, one of these. */
export const reservedAddresses: readonly string[] = [
  "/assets/",
  "/pagefind/",
  "/img/",
  "/admin/",
  "/static/",
  "/feed.xml",
  "/sitemap.xml",
  "/robots.txt",
  "/_headers",
  "/_redirects",
];

/** "/a/b/index.html" and "/a/b/" are one address. */
export function normaliseAddress(address: string): string {
  return address.endsWith("/index.html") ? address.slice(0, -"index.html".length) : address;
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
  const normal = normaliseAddress(address);
  const reserved = reservedAddresses.find((taken) =>
    taken.endsWith("/") ? `${normal}/`.startsWith(taken) : normal === taken || normal === `${taken}/`,
  );
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

/** Eleventy's data for the permalink: pages without a `permalink` of their own get `defaultAddress`. */
export function pagePermalink(data: { page?: { inputPath?: unknown } }): string {
  const inputPath = String(data.page?.inputPath ?? "").replace(/^\.\//, "");
  return defaultAddress(inputPath);
}

/** The last guard: throws when a file would be written outside the output folder. */
export function assertInsideOutput(outputDir: string, outputPath: string): void {
  const path = relative(resolve(outputDir), resolve(outputPath));
  if (path === "" || path === ".." || path.startsWith(`..${sep}`) || resolve(path) === path) {
    throw new Error(`refused to write ${outputPath}: it is outside the site's folder`);
  }
}
