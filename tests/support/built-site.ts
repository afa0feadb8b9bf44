// Reads the built site in _site/ (npm test builds it first) as a visitor's browser would get it.
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { parse, type HTMLElement } from "node-html-parser";

/** The built site: `_site/`, or the folder named by NLC_OUTPUT (as `npm run build` uses it). */
export const siteDir = resolve(import.meta.dirname, "..", "..", process.env.NLC_OUTPUT || "_site");

export function builtPage(url: string): HTMLElement {
  const file = url.endsWith(".html") ? join(siteDir, url) : join(siteDir, url, "index.html");
  if (!existsSync(file))
    throw new Error(`${url} was not built (no ${relative(process.cwd(), file)}); run npm run build first`);
  return parse(readFileSync(file, "utf8"));
}

/**
 * Every HTML file in the built site, as site addresses ("/", "/news/", "/404.html").
 * Not the browser editor at /admin/: it is Decap CMS's page, not the site's, and tests/cms/ tests it.
 */
export function builtUrls(dir = siteDir, base = "/"): string[] {
  const urls: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (base === "/" && name === "admin") continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) urls.push(...builtUrls(path, `${base}${name}/`));
    else if (name === "index.html") urls.push(base);
    else if (name.endsWith(".html")) urls.push(`${base}${name}`);
  }
  return urls;
}

export interface NavLink {
  label: string;
  href: string;
  current: string | undefined;
}

export function navLinks(page: HTMLElement, selector: string): NavLink[] {
  return page.querySelectorAll(`${selector} a`).map((a) => ({
    label: a.text.trim(),
    href: a.getAttribute("href") ?? "",
    current: a.getAttribute("aria-current"),
  }));
}
