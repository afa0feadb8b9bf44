import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { listSiteFiles } from "../../src/checks/link-check.js";
import { siteSettings } from "../../src/core/settings.js";
import { answer, fileFor, follow, matchPath, parseRedirectRules } from "./netlify-redirects.js";
import { oldAddresses, oldDomains } from "../../src/output/old-site.js";
import { domainRules, redirectsFile } from "../../src/output/redirects.js";
import { siteDir } from "./built-site.js";

const live = "https://www.example.gov.uk";
const files = new Set(["/index.html", "/404.html", "/new/index.html", "/old/index.html", "/report.pdf", "/page.html"]);
const rules = (text: string) => parseRedirectRules(text);

describe("the _redirects evaluator, on fixture rules", () => {
  it("lets the first matching rule decide", () => {
    const set = rules("/a/ /first/ 301\n/a/ /second/ 302\n");
    expect(answer(set, files, `${live}/a/`)).toEqual({ status: 301, location: `${live}/first/`, rule: 1 });
  });

  it("matches a rule's path with or without a trailing slash", () => {
    const set = rules("/a /new/ 301\n/b/ /new/ 301\n");
    for (const path of ["/a", "/a/", "/b", "/b/"])
      expect(answer(set, files, `${live}${path}`)).toMatchObject({ status: 301, location: `${live}/new/` });
    expect(answer(set, files, `${live}/ab/`)).toMatchObject({ status: 404 });
  });

  it("fills :splat and :name placeholders", () => {
    expect(matchPath("/news/*", "/news/2020/post/")).toEqual({ splat: "2020/post/" });
    expect(matchPath("/news/:year/:slug", "/news/2020/post/")).toEqual({ year: "2020", slug: "post" });
    expect(matchPath("/news/:year", "/news/2020/post/")).toBeUndefined();
    const set = rules("/blog/* /news/:splat 301\n");
    expect(answer(set, files, `${live}/blog/a/b/?x=1`)).toMatchObject({ status: 301, location: `${live}/news/a/b/` });
  });

  it("limits a rule that names a domain to requests for that domain", () => {
    const set = rules(`https://old.example.org/* ${live}/:splat 301!\n`);
    expect(answer(set, files, "https://old.example.org/old/")).toMatchObject({ status: 301, location: `${live}/old/` });
    expect(answer(set, files, "https://old.example.org/")).toMatchObject({ status: 301, location: `${live}/` });
    expect(answer(set, files, `${live}/old/`)).toEqual({ status: 200, file: "/old/index.html" });
  });

  it("serves an existing file instead of a rule that is not forced, and redirects when it is forced", () => {
    expect(answer(rules("/old/ /new/ 301\n"), files, `${live}/old/`)).toEqual({ status: 200, file: "/old/index.html" });
    expect(answer(rules("/old/ /new/ 301!\n"), files, `${live}/old/`)).toMatchObject({
      status: 301,
      location: `${live}/new/`,
    });
    expect(answer(rules("/page /new/ 301\n"), files, `${live}/page`)).toEqual({ status: 200, file: "/page.html" });
  });

  it("rewrites with 200, and answers 404 with the 404 page when nothing matches", () => {
    expect(answer(rules("/alias/ /new/ 200\n"), files, `${live}/alias/`)).toEqual({
      status: 200,
      file: "/new/index.html",
    });
    expect(answer(rules(""), files, `${live}/nowhere/`)).toEqual({ status: 404, file: "/404.html" });
    expect(answer(rules(""), files, `${live}/report.pdf`)).toEqual({ status: 200, file: "/report.pdf" });
  });

  it("finds files as a static host does", () => {
    expect(fileFor(files, "/new/")).toBe("/new/index.html");
    expect(fileFor(files, "/new")).toBe("/new/index.html");
    expect(fileFor(files, "/page")).toBe("/page.html");
    expect(fileFor(files, "/none/")).toBeUndefined();
  });

  it("follows redirects across the site's own domains and stops at a loop", () => {
    const set = rules(`https://old.example.org/* ${live}/:splat 301!\n/a/ /new/ 301!\n`);
    const chain = follow(set, files, "https://old.example.org/a/", new Set(["https://old.example.org", live]));
    expect(chain.map((step) => step.status)).toEqual([301, 301, 200]);
    expect(chain.at(-1)).toMatchObject({ url: `${live}/new/`, file: "/new/index.html" });
    expect(() => follow(rules("/x/ /y/ 301!\n/y/ /x/ 301!\n"), files, `${live}/x/`, new Set([live]))).toThrow(/loop/);
  });

  it("names the line Netlify would not understand", () => {
    expect(() => rules("# fine\n/a /b 301\nold /b 301\n")).toThrow(/line 3/);
    expect(() => rules("/a /b 30x\n")).toThrow(/line 1/);
  });
});

describe("the domain rules", () => {
  it("send every address on each old domain to the same address on the live site, never the live domain itself", () => {
    expect(domainRules(live, ["https://old.example.org", "https://www.example.gov.uk/"])).toEqual([
      `https://old.example.org/* ${live}/:splat 301!`,
    ]);
    const text = redirectsFile([{ from: "/network/", to: "/the-network/" }], live);
    const set = parseRedirectRules(text);
    expect(set.map((rule) => rule.force)).toEqual(oldDomains.map(() => true).concat(true));
    expect(set[0]?.origin).toBe(oldDomains[0]);
    expect(answer(set, files, `${oldDomains[0]}/network/`)).toMatchObject({
      status: 301,
      location: `${live}/network/`,
    });
  });
});

describe("every address of the 2020 site, by Netlify's rules over the built site", () => {
  const site = siteSettings();

  it("answers with a page or a 301 that leads to a page, on the live domain and each old one", () => {
    const set = parseRedirectRules(readFileSync(join(siteDir, "_redirects"), "utf8"));
    const siteFiles = listSiteFiles(siteDir);
    const liveOrigin = new URL(site.url).origin;
    const hosts = new Set([liveOrigin, ...oldDomains]);
    for (const origin of [liveOrigin, ...oldDomains]) {
      for (const path of ["/", ...oldAddresses]) {
        const chain = follow(set, siteFiles, `${origin}${path}`, hosts);
        const where = `${origin}${path}: ${chain.map((step) => `${step.status} ${step.url}`).join(" → ")}`;
        for (const step of chain.slice(0, -1)) expect(step.status, where).toBe(301);
        const end = chain.at(-1)!;
        expect(end.status, where).toBe(200);
        expect(new URL(end.url).origin, where).toBe(liveOrigin);
        // A page, not a stub: Netlify must send the visitor on itself.
        const file = "file" in end ? end.file : undefined;
        expect(file, where).toMatch(/\.html$/);
        expect(readFileSync(join(siteDir, file!), "utf8"), where).not.toMatch(/http-equiv="refresh"/);
      }
    }
  });
});
