// A pull request's preview (NLC_PREVIEW=true) can never pass for the live site: no analytics, not
// the live address, and nothing a search engine may index. One small fixture build with the live
// settings leaking into its environment, then what a crawler and a visitor would get from it.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readSettings, siteSettings } from "../../src/core/settings.js";
import { headerRules } from "../../src/output/headers.js";
import { robotsTxt } from "../../src/output/robots.js";
import { buildFixture, fixtureProject, fixtureSite, type FixtureProject } from "../support/fixture-project.js";
import { headersFor, parseHeadersFile } from "../support/host-files.js";

const live = { SITE_URL: "https://www.nationalleadership.gov.uk", NLC_ANALYTICS_ID: "G-LIVE1234" };

describe("the preview setting", () => {
  it("is off unless NLC_PREVIEW says true, and then drops the live address and the analytics ID", () => {
    expect(siteSettings(live)).toMatchObject({ preview: false, url: live.SITE_URL, analyticsId: "G-LIVE1234" });
    expect(siteSettings({ ...live, NLC_PREVIEW: "false" }).preview).toBe(false);
    for (const on of ["true", "TRUE", "1", " true "]) {
      const site = siteSettings({ ...live, NLC_PREVIEW: on });
      expect(site.preview, on).toBe(true);
      expect(site.analyticsId, on).toBe("");
      expect(site.url, on).not.toContain("nationalleadership.gov.uk");
      expect(site.url, on).toMatch(/^https:\/\/[a-z.]+$/);
    }
  });

  it("refuses anything else in one line naming NLC_PREVIEW", () => {
    for (const value of ["yes", "on", "ture", "true\n$(rm -rf /)", "x".repeat(500)]) {
      const { problems } = readSettings({ NLC_PREVIEW: value });
      expect(problems, value).toHaveLength(1);
      const message = problems[0] ?? "";
      expect(message, value).toMatch(/^NLC_PREVIEW must be true or false/);
      expect(message, value).not.toContain("\n");
      expect(message.length, value).toBeLessThan(160);
    }
  });

  it("gives robots.txt that disallows everything, and X-Robots-Tag: noindex on every address, once", () => {
    expect(robotsTxt("https://preview.invalid", true)).toBe("User-agent: *\nDisallow: /\n");
    expect(robotsTxt("https://www.nationalleadership.gov.uk")).toMatch(/^Allow: \/$/m);
    const admin = [{ path: "/admin/*", headers: [["X-Robots-Tag", "noindex, nofollow"]] as Array<[string, string]> }];
    const rules = (noindex: boolean) =>
      headerRules(["/", "/news/a-post/"], "", admin, ["/feed.xml"], { noindex }).map((rule) => ({ ...rule }));
    for (const path of ["/", "/news/a-post/", "/feed.xml", "/favicon.ico", "/assets/main.css", "/admin/", "/x"]) {
      const { headers, conflicts } = headersFor(rules(true), path);
      expect(headers.get("x-robots-tag"), path).toBe("noindex");
      expect(conflicts, path).toEqual([]);
    }
    expect(headersFor(rules(false), "/").headers.has("x-robots-tag")).toBe(false);
    expect(headersFor(rules(false), "/admin/").headers.get("x-robots-tag")).toBe("noindex, nofollow");
  });
});

describe("a preview build", () => {
  let project: FixtureProject;
  let dir: string;

  beforeAll(async () => {
    project = fixtureProject(fixtureSite("small-site"));
    const settings = { ...live, NLC_PREVIEW: "true" };
    const before = Object.fromEntries(Object.keys(settings).map((name) => [name, process.env[name]]));
    Object.assign(process.env, settings);
    try {
      dir = await buildFixture(project);
    } finally {
      for (const [name, value] of Object.entries(before)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });
  afterAll(() => project?.remove());

  const files = (base = dir): string[] =>
    readdirSync(base).flatMap((name) =>
      statSync(join(base, name)).isDirectory() ? files(join(base, name)) : [join(base, name)],
    );
  const pages = () => files().filter((file) => file.endsWith(".html") && !relative(dir, file).startsWith("admin"));

  it("tells search engines not to index any page, in its head", () => {
    expect(pages().length).toBeGreaterThan(3);
    for (const file of pages()) {
      const head = readFileSync(file, "utf8").split("</head>")[0]!;
      expect(head, relative(dir, file)).toMatch(/<meta name="robots" content="noindex[^"]*">/);
    }
  });

  it("sends X-Robots-Tag: noindex with every file it has, and disallows every address in robots.txt", async () => {
    const rules = await parseHeadersFile(readFileSync(join(dir, "_headers"), "utf8"));
    for (const file of files()) {
      const path = `/${relative(dir, file).split("\\").join("/")}`.replace(/index\.html$/, "");
      const { headers, conflicts } = headersFor(rules, path);
      expect(headers.get("x-robots-tag"), path).toBe("noindex");
      expect(conflicts, path).toEqual([]);
    }
    expect(readFileSync(join(dir, "robots.txt"), "utf8")).toBe("User-agent: *\nDisallow: /\n");
  });

  it("has no analytics and never names the live site, even with its settings in the environment", () => {
    const ours = (name: string) => !/^admin\/decap-cms-/.test(relative(dir, name)); // Decap's own bundle is not ours to read
    for (const file of files().filter(
      (name) => ours(name) && /\.(?:html|xml|txt|js|yml|json|webmanifest)$/.test(name),
    )) {
      const text = readFileSync(file, "utf8");
      expect(text, relative(dir, file)).not.toContain("G-LIVE1234");
      expect(text, relative(dir, file)).not.toContain("googletagmanager");
      expect(text, relative(dir, file)).not.toContain("nationalleadership.gov.uk");
    }
    expect(readFileSync(join(dir, "_headers"), "utf8")).not.toContain("google");
  });
});
