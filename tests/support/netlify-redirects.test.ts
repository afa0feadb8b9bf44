import { describe, expect, it } from "vitest";
import { answer, fileFor, follow, matchPath, parseRedirectRules } from "./netlify-redirects.js";
import { oldDomains } from "../../src/output/old-site.js";
import { domainRules, redirectsFile } from "../../src/output/redirects.js";

const live = "https://www.example.gov.uk";
const files = new Set(["/index.html", "/404.html", "/new/index.html", "/old/index.html", "/report.pdf", "/page.html"]);
const rules = (text: string) => parseRedirectRules(text);

describe("the _redirects evaluator, on fixture rules", () => {
  it("lets the first matching rule decide", async () => {
    const set = await rules("/a/ /first/ 301\n/a/ /second/ 302\n");
    expect(answer(set, files, `${live}/a/`)).toEqual({ status: 301, location: `${live}/first/`, rule: 1 });
  });

  it("matches a rule's path with or without a trailing slash", async () => {
    const set = await rules("/a /new/ 301\n/b/ /new/ 301\n");
    for (const path of ["/a", "/a/", "/b", "/b/"])
      expect(answer(set, files, `${live}${path}`)).toMatchObject({ status: 301, location: `${live}/new/` });
    expect(answer(set, files, `${live}/ab/`)).toMatchObject({ status: 404 });
  });

  it("fills :splat and :name placeholders", async () => {
    expect(matchPath("/news/*", "/news/2020/post/")).toEqual({ splat: "2020/post/" });
    expect(matchPath("/news/:year/:slug", "/news/2020/post/")).toEqual({ year: "2020", slug: "post" });
    expect(matchPath("/news/:year", "/news/2020/post/")).toBeUndefined();
    const set = await rules("/blog/* /news/:splat 301\n");
    expect(answer(set, files, `${live}/blog/a/b/?x=1`)).toMatchObject({ status: 301, location: `${live}/news/a/b/` });
  });

  it("limits a rule that names a domain to requests for that domain", async () => {
    const set = await rules(`https://old.example.org/* ${live}/:splat 301!\n`);
    expect(answer(set, files, "https://old.example.org/old/")).toMatchObject({ status: 301, location: `${live}/old/` });
    expect(answer(set, files, "https://old.example.org/")).toMatchObject({ status: 301, location: `${live}/` });
    expect(answer(set, files, `${live}/old/`)).toEqual({ status: 200, file: "/old/index.html" });
  });

  it("serves an existing file instead of a rule that is not forced, and redirects when it is forced", async () => {
    expect(answer(await rules("/old/ /new/ 301\n"), files, `${live}/old/`)).toEqual({
      status: 200,
      file: "/old/index.html",
    });
    expect(answer(await rules("/old/ /new/ 301!\n"), files, `${live}/old/`)).toMatchObject({
      status: 301,
      location: `${live}/new/`,
    });
    expect(answer(await rules("/page /new/ 301\n"), files, `${live}/page`)).toEqual({
      status: 200,
      file: "/page.html",
    });
  });

  it("rewrites with 200, and answers 404 with the 404 page when nothing matches", async () => {
    expect(answer(await rules("/alias/ /new/ 200\n"), files, `${live}/alias/`)).toEqual({
      status: 200,
      file: "/new/index.html",
    });
    expect(answer(await rules(""), files, `${live}/nowhere/`)).toEqual({ status: 404, file: "/404.html" });
    expect(answer(await rules(""), files, `${live}/report.pdf`)).toEqual({ status: 200, file: "/report.pdf" });
  });

  it("finds files as a static host does", async () => {
    expect(fileFor(files, "/new/")).toBe("/new/index.html");
    expect(fileFor(files, "/new")).toBe("/new/index.html");
    expect(fileFor(files, "/page")).toBe("/page.html");
    expect(fileFor(files, "/none/")).toBeUndefined();
  });

  it("follows redirects across the site's own domains and stops at a loop", async () => {
    const set = await rules(`https://old.example.org/* ${live}/:splat 301!\n/a/ /new/ 301!\n`);
    const chain = follow(set, files, "https://old.example.org/a/", new Set(["https://old.example.org", live]));
    expect(chain.map((step) => step.status)).toEqual([301, 301, 200]);
    expect(chain.at(-1)).toMatchObject({ url: `${live}/new/`, file: "/new/index.html" });
    const loop = await rules("/x/ /y/ 301!\n/y/ /x/ 301!\n");
    expect(() => follow(loop, files, `${live}/x/`, new Set([live]))).toThrow(/loop/);
  });

  it("names the line Netlify would not understand", async () => {
    await expect(rules("# fine\n/a /b 301\n/old\n")).rejects.toThrow(/line 3/);
  });
});

describe("the domain rules", () => {
  it("send every address on each old domain to the same address on the live site, never the live domain itself", async () => {
    expect(domainRules(live, ["https://old.example.org", "https://www.example.gov.uk/"])).toEqual([
      `https://old.example.org/* ${live}/:splat 301!`,
    ]);
    const text = redirectsFile([{ from: "/network/", to: "/the-network/" }], live);
    const set = await parseRedirectRules(text);
    expect(set.map((rule) => rule.force)).toEqual(oldDomains.map(() => true).concat(true));
    expect(set[0]?.origin).toBe(oldDomains[0]);
    expect(answer(set, files, `${oldDomains[0]}/network/`)).toMatchObject({
      status: 301,
      location: `${live}/network/`,
    });
  });
});
