// The built site as a CDN host, a crawler and a feed reader read it.
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import type { HTMLElement } from "node-html-parser";
import { describe, expect, it } from "vitest";
import { siteSettings } from "../../src/core/settings.js";
import { builtPage, builtUrls, siteDir } from "../support/built-site.js";
import { cspAllows, headersFor, parseCsp, parseHeadersFile, parseRedirectsFile } from "../support/host-files.js";

const projectRoot = resolve(import.meta.dirname, "..", "..");
const site = siteSettings();
const origin = site.url;
const read = (path: string) => readFileSync(join(siteDir, path), "utf8");
const xml = new XMLParser({ ignoreAttributes: false, isArray: (name) => ["url", "entry", "link"].includes(name) });
/** The path rules: the whole-domain rules (https://old-domain/*) have no stub. */
const redirectRules = await parseRedirectsFile(read("_redirects"));
const redirects = () => redirectRules.filter((rule) => rule.from.startsWith("/"));
const stubUrls = () => redirects().map((r) => r.from);
/** The pages a crawler should index: every built page but the 404 page and redirect stubs. */
const publicPages = () =>
  builtUrls().filter((url) => url !== "/404.html" && url !== "/search/" && !stubUrls().includes(url));
const pathOf = (absolute: string) => {
  expect(absolute.startsWith(`${origin}/`), absolute).toBe(true);
  return absolute.slice(origin.length);
};

describe("sitemap.xml and robots.txt", () => {
  it("lists every public page, by absolute address, and nothing else", () => {
    const text = read("sitemap.xml");
    expect(XMLValidator.validate(text)).toBe(true);
    const locs: string[] = xml.parse(text).urlset.url.map((u: { loc: string }) => u.loc);
    expect(locs.map(pathOf).sort()).toEqual(publicPages().sort());
    expect(locs.map(pathOf)).not.toContain("/404.html");
    for (const stub of stubUrls()) expect(locs.map(pathOf)).not.toContain(stub);
  });

  it("points crawlers to the sitemap", () => {
    expect(read("robots.txt")).toMatch(new RegExp(`^Sitemap: ${origin}/sitemap\\.xml$`, "m"));
    expect(read("robots.txt")).not.toMatch(/^Disallow: \/$/m);
  });
});

describe("the Atom feed", () => {
  it("is well-formed Atom with every news post, linked from every page's head and from the news page", () => {
    const text = read("feed.xml");
    expect(XMLValidator.validate(text)).toBe(true);
    const feed = xml.parse(text).feed;
    expect(feed["@_xmlns"]).toBe("http://www.w3.org/2005/Atom");
    const posts = builtUrls().filter((url) => /^\/news\/.+\//.test(url));
    expect(posts.length).toBeGreaterThan(0);
    const entries = feed.entry as Array<{
      title: string;
      link: Array<{ "@_href": string }>;
      updated: string;
      content: { "#text": string };
    }>;
    expect(entries.map((entry) => pathOf(entry.link[0]!["@_href"])).sort()).toEqual(posts.sort());
    for (const entry of entries) {
      expect(builtPage(pathOf(entry.link[0]!["@_href"])).querySelector("h1")?.text.trim()).toBe(entry.title);
      expect(Number.isNaN(Date.parse(entry.updated))).toBe(false);
      expect(entry.content["#text"].trim(), entry.title).not.toBe("");
    }
    for (const url of publicPages())
      expect(
        builtPage(url).querySelector('link[rel="alternate"][type="application/atom+xml"]')?.getAttribute("href"),
        url,
      ).toBe("/feed.xml");
    // The page that lists every post points readers to the feed.
    const listings = publicPages().filter(
      (url) => builtPage(url).querySelectorAll(".post-list__item").length === posts.length,
    );
    expect(
      listings.some((url) => builtPage(url).querySelector('main a[href="/feed.xml"]')),
      "the news page links the feed",
    ).toBe(true);
  });
});

describe("metadata on every page", () => {
  it("gives each public page its canonical address, description, Open Graph and Twitter card tags", () => {
    for (const url of publicPages()) {
      const page = builtPage(url);
      const meta = (selector: string) => page.querySelector(selector)?.getAttribute("content");
      expect(page.querySelector("html")?.getAttribute("lang"), url).toBe("en-GB");
      expect(page.querySelector('link[rel="canonical"]')?.getAttribute("href"), url).toBe(`${origin}${url}`);
      expect(meta('meta[property="og:url"]'), url).toBe(`${origin}${url}`);
      expect(meta('meta[property="og:title"]'), url).toBeTruthy();
      expect(meta('meta[property="og:description"]'), url).toBe(meta('meta[name="description"]'));
      expect(meta('meta[property="og:type"]'), url).toBe(/^\/news\/.+\//.test(url) ? "article" : "website");
      expect(meta('meta[name="twitter:card"]'), url).toBe("summary_large_image");
    }
    expect(builtPage("/404.html").querySelector('link[rel="canonical"]')).toBeNull();
  });

  it("describes the organisation on the home page and the breadcrumb trail on deeper pages, as valid JSON-LD", () => {
    const jsonLd = (page: HTMLElement) =>
      page.querySelectorAll('script[type="application/ld+json"]').map((script) => JSON.parse(script.text));
    expect(jsonLd(builtPage("/"))).toEqual([
      { "@context": "https://schema.org", "@type": "Organization", name: site.name, url: `${origin}/` },
    ]);
    for (const url of publicPages().filter((u) => u !== "/")) {
      const [data, ...more] = jsonLd(builtPage(url));
      expect(more, url).toEqual([]);
      expect(data["@type"], url).toBe("BreadcrumbList");
      const visible = builtPage(url)
        .querySelectorAll(".breadcrumbs li")
        .map((li) => li.text.trim());
      expect(
        data.itemListElement.map((item: { name: string }) => item.name),
        url,
      ).toEqual(visible);
      expect(data.itemListElement.at(-1).item, url).toBe(`${origin}${url}`);
    }
  });
});

describe("redirects", () => {
  it("sends each old address permanently to a page that exists, with a stub for hosts without redirects", () => {
    const rules = redirects();
    for (const { from, to, status } of rules) {
      expect(status).toBe(301);
      expect(existsSync(join(siteDir, to, "index.html")), to).toBe(true);
      const stub = builtPage(from);
      expect(stub.querySelector('link[rel="canonical"]')?.getAttribute("href"), from).toBe(`${origin}${to}`);
      expect(stub.querySelector('meta[http-equiv="refresh"]')?.getAttribute("content"), from).toBe(`0; url=${to}`);
      expect(stub.querySelector('meta[name="robots"]')?.getAttribute("content"), from).toBe("noindex");
      expect(stub.querySelector(`main a[href="${to}"]`), from).not.toBeNull();
    }
  });
});

/** Every file in the built site, as site paths. */
function allFiles(dir = siteDir, base = "/"): string[] {
  return readdirSync(dir).flatMap((name) =>
    statSync(join(dir, name)).isDirectory() ? allFiles(join(dir, name), `${base}${name}/`) : [`${base}${name}`],
  );
}

describe("_headers", async () => {
  const parsedHeaders = await parseHeadersFile(read("_headers"));
  const rules = () => parsedHeaders;

  it("parses, and gives every page the security headers and revalidation, with no header set twice", () => {
    for (const url of builtUrls()) {
      const { headers, conflicts } = headersFor(rules(), url);
      expect(conflicts, url).toEqual([]);
      expect(headers.get("cache-control"), url).toBe("public, max-age=0, must-revalidate");
      const csp = parseCsp(headers.get("content-security-policy") ?? "");
      expect(csp.get("frame-ancestors"), url).toEqual(["'none'"]);
      for (const directive of ["default-src", "script-src", "style-src"])
        expect(csp.get(directive)?.join(" "), `${url} ${directive}`).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
      expect(headers.get("strict-transport-security"), url).toMatch(/^max-age=\d+/);
      expect(headers.get("x-content-type-options"), url).toBe("nosniff");
      expect(headers.get("referrer-policy"), url).toBeTruthy();
      expect(headers.get("permissions-policy"), url).toBeTruthy();
    }
  });

  it("caches the fingerprinted files for a year, as immutable", () => {
    const assets = allFiles().filter((path) => path.startsWith("/assets/"));
    expect(assets.length).toBeGreaterThan(1);
    for (const path of assets) {
      expect(path, "a fingerprinted name").toMatch(/\.[0-9a-f]{10}\.(css|js|woff2)$/);
      const { headers, conflicts } = headersFor(rules(), path);
      expect(conflicts, path).toEqual([]);
      expect(headers.get("cache-control"), path).toBe("public, max-age=31536000, immutable");
    }
  });
});

interface Load {
  directive: string;
  url: string;
}

/** What a page makes the browser fetch, by CSP directive, and anything inline the CSP would block. */
function pageLoads(page: HTMLElement): { loads: Load[]; inline: string[] } {
  const loads: Load[] = [];
  const inline: string[] = [];
  for (const script of page.querySelectorAll("script")) {
    const src = script.getAttribute("src");
    if (src) loads.push({ directive: "script-src-elem", url: src });
    else if (script.getAttribute("type") !== "application/ld+json")
      inline.push(`inline script: ${script.text.slice(0, 60)}`);
    for (const attribute of ["data-analytics-src"]) {
      const extra = script.getAttribute(attribute);
      if (extra) loads.push({ directive: "script-src-elem", url: extra });
    }
  }
  for (const link of page.querySelectorAll("link[href]")) {
    const rel = link.getAttribute("rel") ?? "";
    if (/stylesheet/.test(rel)) loads.push({ directive: "style-src-elem", url: link.getAttribute("href") ?? "" });
    if (/icon/.test(rel)) loads.push({ directive: "img-src", url: link.getAttribute("href") ?? "" });
    if (/manifest/.test(rel)) loads.push({ directive: "manifest-src", url: link.getAttribute("href") ?? "" });
  }
  for (const img of page.querySelectorAll("img, source")) {
    for (const value of [img.getAttribute("src"), ...(img.getAttribute("srcset") ?? "").split(",")]) {
      const url = value?.trim().split(/\s+/)[0];
      if (url) loads.push({ directive: "img-src", url });
    }
  }
  for (const frame of page.querySelectorAll("iframe[src]"))
    loads.push({ directive: "frame-src", url: frame.getAttribute("src") ?? "" });
  // The click-to-load video: the player address src/scripts/site.js puts in an iframe.
  for (const button of page.querySelectorAll("[data-video-src]"))
    loads.push({ directive: "frame-src", url: button.getAttribute("data-video-src") ?? "" });
  for (const form of page.querySelectorAll("form[action]"))
    loads.push({ directive: "form-action", url: form.getAttribute("action") ?? "" });
  if (page.querySelector("style")) inline.push("<style> element");
  for (const element of page.querySelectorAll("*")) {
    if (element.hasAttribute("style")) inline.push(`style attribute on <${element.tagName.toLowerCase()}>`);
    for (const name of Object.keys(element.attributes))
      if (/^on/i.test(name)) inline.push(`${name} handler on <${element.tagName.toLowerCase()}>`);
    for (const name of ["href", "src", "action"])
      if (/^\s*javascript:/i.test(element.getAttribute(name) ?? "")) inline.push(`javascript: URL`);
  }
  return { loads, inline };
}

/** What the stylesheets and scripts fetch in turn: fonts and images named in CSS, modules a script imports. */
function assetLoads(): Load[] {
  const loads: Load[] = [];
  for (const path of allFiles().filter((p) => p.startsWith("/assets/"))) {
    const text = read(path);
    if (path.endsWith(".css")) {
      for (const [, url] of text.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g))
        loads.push({ directive: /\.(?:woff2?|ttf|otf)$/.test(url!) ? "font-src" : "img-src", url: url! });
      expect(text, `${path} imports`).not.toMatch(/@import/);
    } else {
      for (const [, url] of text.matchAll(/import\(\s*["']([^"']+)["']\s*\)/g))
        loads.push({ directive: "script-src-elem", url: url! });
    }
  }
  return loads;
}

describe("the CSP covers what the pages load", () => {
  it("has nothing inline on any page, and allows every script, style, image, font, frame and form target the pages use", async () => {
    const headerRules = await parseHeadersFile(read("_headers"));
    const extra = assetLoads();
    expect(
      extra.some((load) => load.url === "/pagefind/pagefind.js"),
      "the search script imports Pagefind",
    ).toBe(true);
    for (const url of builtUrls()) {
      const page = builtPage(url);
      const csp = parseCsp(headersFor(headerRules, url).headers.get("content-security-policy") ?? "");
      const { loads, inline } = pageLoads(page);
      expect(inline, url).toEqual([]);
      expect(loads.length, url).toBeGreaterThan(0);
      for (const load of [...loads, ...extra]) {
        expect(cspAllows(csp, load.directive, load.url, origin), `${url}: ${load.directive} ${load.url}`).toBe(true);
        if (new URL(load.url, origin).origin === origin && load.directive !== "form-action") {
          expect(existsSync(join(siteDir, new URL(load.url, origin).pathname)), `${url} loads ${load.url}`).toBe(true);
        }
      }
    }
  });

  it("loads the search script on the search page only", () => {
    const searchScript = (url: string) =>
      builtPage(url)
        .querySelectorAll("script[src]")
        .some((s) => /\/assets\/search\.[0-9a-f]+\.js$/.test(s.getAttribute("src") ?? ""));
    for (const url of builtUrls()) expect(searchScript(url), url).toBe(url === "/search/");
  });

  it("opens no new tab without rel=noopener noreferrer", () => {
    for (const url of builtUrls()) {
      for (const link of builtPage(url).querySelectorAll('a[target="_blank"]')) {
        expect(link.getAttribute("rel")?.split(/\s+/), `${url} ${link.getAttribute("href")}`).toEqual(
          expect.arrayContaining(["noopener", "noreferrer"]),
        );
      }
    }
  });
});

describe("search", () => {
  it("has a search form in every page's header that sends the words to /search/", () => {
    for (const url of builtUrls().filter((u) => !stubUrls().includes(u))) {
      const form = builtPage(url).querySelector("header form[role=search]");
      expect(form?.getAttribute("action"), url).toBe("/search/");
      expect(form?.getAttribute("method"), url).toBe("get");
      const input = form?.querySelector("input[name=q]");
      expect(form?.querySelector(`label[for="${input?.getAttribute("id")}"]`)?.text.trim(), url).toBeTruthy();
    }
  });

  it("indexes the public pages' main content only, in Pagefind's files on our own host", () => {
    expect(existsSync(join(siteDir, "pagefind/pagefind.js"))).toBe(true);
    const entry = JSON.parse(read("pagefind/pagefind-entry.json"));
    const pageCount = Object.values(entry.languages as Record<string, { page_count: number }>).reduce(
      (sum, language) => sum + language.page_count,
      0,
    );
    expect(pageCount).toBe(publicPages().length);
    for (const url of builtUrls())
      expect(builtPage(url).querySelector("[data-pagefind-body]") !== null, url).toBe(publicPages().includes(url));
  });
});

describe("deploy configuration", () => {
  // The GitHub workflows' own promises are in tests/ci/workflows.test.ts.
  it("netlify.toml builds with npm run build and publishes _site, where _headers and _redirects are", () => {
    const toml = readFileSync(join(projectRoot, "netlify.toml"), "utf8");
    expect(toml).toMatch(/^\s*command\s*=\s*"npm run build"\s*$/m);
    expect(toml).toMatch(/^\s*publish\s*=\s*"_site"\s*$/m);
    // The deploy workflow's Node (tests/ci/workflows.test.ts), a supported release.
    expect(toml).toMatch(/^\s*NODE_VERSION\s*=\s*"24"\s*$/m);
  });
});
