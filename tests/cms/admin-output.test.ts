// What the host serves at /admin/ in the built site: each address gets exactly one CSP (the
// editor's own at /admin/, the site's everywhere else), with every matching _headers rule applied
// as Netlify and Cloudflare Pages apply them; and /admin/ stays out of search engines, the sitemap,
// the search index and the navs.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { readSettings } from "../../src/core/settings.js";
import { describe, expect, it } from "vitest";
import { adminContentSecurityPolicy } from "../../src/cms/admin-csp.js";
import { contentSecurityPolicy } from "../../src/output/headers.js";
import { builtUrls, siteDir } from "../support/built-site.js";
import { headersFor, parseHeadersFile } from "../support/host-files.js";

const headerRules = await parseHeadersFile(readFileSync(join(siteDir, "_headers"), "utf8"));
const rules = () => headerRules;

function allFiles(dir = siteDir, base = "/"): string[] {
  return readdirSync(dir).flatMap((name) =>
    statSync(join(dir, name)).isDirectory() ? allFiles(join(dir, name), `${base}${name}/`) : [`${base}${name}`],
  );
}

/** Each Content-Security-Policy rule that applies to a path: more than one means both are enforced. */
function policies(path: string): string[] {
  return rules()
    .filter((rule) => (rule.path.endsWith("*") ? path.startsWith(rule.path.slice(0, -1)) : rule.path === path))
    .flatMap((rule) =>
      rule.headers.filter(([name]) => name.toLowerCase() === "content-security-policy").map(([, value]) => value),
    );
}

describe("/admin/ in the built site", () => {
  it("is built, with Decap's bundle copied from node_modules and the generated config", () => {
    const admin = readdirSync(join(siteDir, "admin"));
    expect(admin).toContain("index.html");
    expect(admin).toContain("config.yml");
    const bundle = admin.find((name) => /^decap-cms-\d+\.\d+\.\d+$/.test(name));
    expect(bundle).toBeDefined();
    expect(existsSync(join(siteDir, "admin", bundle!, "decap-cms.js"))).toBe(true);
    const page = readFileSync(join(siteDir, "admin", "index.html"), "utf8");
    expect(page).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
    for (const src of page.matchAll(/\ssrc="([^"]+)"/g)) expect(src[1]).toMatch(/^\/admin\//);
  });

  it("gets exactly one CSP, the editor's own, and every other address exactly the site's", () => {
    const site = contentSecurityPolicy(process.env.NLC_ANALYTICS_ID ?? "");
    const admin = adminContentSecurityPolicy(readSettings(process.env).settings.cms);
    for (const path of allFiles()) {
      if (path === "/_headers" || path === "/_redirects") continue;
      const found = policies(path);
      if (path.startsWith("/admin/")) expect(found, path).toEqual([admin]);
      else
        expect(
          found.filter((policy) => policy === admin),
          path,
        ).toEqual([]);
    }
    for (const url of [...builtUrls(), "/feed.xml", "/sitemap.xml"]) {
      expect(policies(url), url).toEqual([site]);
      expect(headersFor(rules(), url).conflicts, url).toEqual([]);
    }
    for (const url of ["/admin/", "/admin/config.yml"]) expect(headersFor(rules(), url).conflicts, url).toEqual([]);
  });

  it("is kept from search engines, the sitemap, the search index and the navs", () => {
    expect(headersFor(rules(), "/admin/").headers.get("x-robots-tag")).toMatch(/noindex/);
    const page = readFileSync(join(siteDir, "admin", "index.html"), "utf8");
    expect(page).toMatch(/<meta name="robots" content="noindex/);
    expect(page).not.toContain("data-pagefind-body");
    expect(readFileSync(join(siteDir, "sitemap.xml"), "utf8")).not.toContain("/admin/");
    for (const url of builtUrls()) {
      const html = readFileSync(join(siteDir, url.endsWith(".html") ? url : join(url, "index.html")), "utf8");
      expect(html, url).not.toMatch(/href="\/admin\//);
    }
  });
});
