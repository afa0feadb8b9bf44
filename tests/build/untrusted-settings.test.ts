// What a setting (SITE_URL, NLC_ANALYTICS_ID, NLC_OUTPUT) or a bare Eleventy run can do with hostile values,
// on a throwaway copy of the project with a good site already built (tests/support/attack-site.ts).
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { listSiteFiles } from "../../src/checks/link-check.js";
import { walkFiles } from "../../src/content/trust.js";
import { reservedBy } from "../../src/core/addresses.js";
import { siteFilesFolder } from "../../src/output/static-files.js";
import { snapshot } from "../support/folder-snapshot.js";
import { page } from "../support/fixture-project.js";
import { command, goodFields, lastGoodSite, outsideSite, project, useAttackSite } from "../support/attack-site.js";

describe("settings are data, and a bare Eleventy run keeps every rule", () => {
  useAttackSite();

  it("refuses NLC_OUTPUT=. from the command line, and the project is all there", async () => {
    const before = outsideSite();
    const build = await command(["--import", "tsx/esm", "src/cli/build.ts"], { NLC_OUTPUT: "." });
    expect(build.code).toBe(1);
    expect(build.output).toMatch(/NLC_OUTPUT:1:1: error: \. holds the project itself/);
    expect(outsideSite()).toEqual(before);
  }, 120_000);

  it("every file the build writes or copies, other than a page, is at an address no page or old address can take", () => {
    const files = [...listSiteFiles(join(project.root, "_site"))].filter((file) => !file.endsWith(".html"));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) expect(reservedBy(file), file).toBeDefined();
    for (const file of walkFiles(project.root, siteFilesFolder))
      expect(reservedBy(file.slice(siteFilesFolder.length)), file).toBeDefined();
  });

  it("stops a bare Eleventy run (netlify.toml's build is npm run build; this is Eleventy's own command line) on every rule that refuses content", async () => {
    const eleventy = () =>
      command([
        "--import",
        "tsx/esm",
        "node_modules/@11ty/eleventy/cmd.cjs",
        "--config=.eleventy.ts",
        "--output=eleventy-out",
      ]);
    for (const [file, text, words] of [
      ["content/moved.md", page(`title: Moved\n${goodFields}\nlayout: redirect`), "cannot be a page's layout"],
      ["static/documents/report.js", "alert(1)", "static/documents/report.js cannot be published"],
      [
        "content/long.md",
        page(`title: Long\n${goodFields}`, "Words.\n\n".repeat(90_000)),
        "a page or data file can be at most 500 KB",
      ],
    ] as const) {
      project.write(file, text);
      try {
        const { code, output } = await eleventy();
        expect(code, file).not.toBe(0);
        expect(output).toContain(words);
        expect(output).not.toMatch(/^\s+at /m);
      } finally {
        rmSync(join(project.root, file));
        rmSync(join(project.root, "eleventy-out"), { recursive: true, force: true });
      }
    }
  }, 180_000);

  it.each([
    ["SITE_URL", "https://example.org/{{ range.constructor('return 1')() }}"],
    ["SITE_URL", "https://example.org\nDisallow: /"],
    ["SITE_URL", "not a web address"],
    ["SITE_URL", "http://example.org"],
    ["NLC_ANALYTICS_ID", "UA-12345-1"],
    ["NLC_ANALYTICS_ID", "G-ABC123');alert(1);//"],
  ])(
    "refuses %s=%j with one line naming it, in the check, the build and bare Eleventy, and runs nothing",
    async (name, value) => {
      const env = { [name]: value };
      const check = await command(["--import", "tsx", "src/cli/check.ts"], env);
      const build = await command(["--import", "tsx/esm", "src/cli/build.ts"], env);
      for (const { code, output } of [check, build]) {
        expect(code).toBe(1);
        const lines = output.split("\n").filter((line) => line.includes(name));
        expect(lines).toEqual([expect.stringMatching(new RegExp(`^${name}:1:1: error: ${name} must be `))]);
        expect(output).not.toMatch(/^\s+at /m);
      }
      const eleventy = await command(
        [
          "--import",
          "tsx/esm",
          "node_modules/@11ty/eleventy/cmd.cjs",
          "--config=.eleventy.ts",
          "--output=eleventy-out",
        ],
        env,
      );
      expect(eleventy.code).not.toBe(0);
      expect(eleventy.output.split("\n").filter((line) => line.includes(`${name} must be`))).toHaveLength(1);
      expect(eleventy.output).not.toMatch(/^\S*\s+at /m);
      expect(existsSync(join(project.root, "eleventy-out"))).toBe(false);
      expect(snapshot(join(project.root, "_site"))).toEqual(lastGoodSite);
    },
    120_000,
  );

  it("places no setting in a generated file but in the shape it was checked to have", async () => {
    const site = `${project.root}-settings`;
    try {
      // As a deploy runs it: the settings in the environment of npm run build.
      const built = await command(["--import", "tsx/esm", "src/cli/build.ts"], {
        SITE_URL: "https://staging.example.org/",
        NLC_ANALYTICS_ID: "G-AB12CD34EF",
        NLC_OUTPUT: site,
      });
      expect(built.code, built.output).toBe(0);
      expect(readFileSync(join(site, "robots.txt"), "utf8")).toBe(
        "User-agent: *\nAllow: /\n\nSitemap: https://staging.example.org/sitemap.xml\n",
      );
      const domains = readFileSync(join(site, "_redirects"), "utf8")
        .split("\n")
        .filter((line) => line.startsWith("https://"));
      for (const line of domains)
        expect(line).toMatch(/^https:\/\/[a-z0-9.-]+\/\* https:\/\/staging\.example\.org\/:splat 301!$/);
      expect(readFileSync(join(site, "_headers"), "utf8")).toContain("googletagmanager.com");
      // The editor's configuration is JSON (so YAML), written by a serializer: the address is a value, never markup.
      const config = readFileSync(join(site, "admin", "config.yml"), "utf8");
      expect(JSON.parse(config.slice(config.indexOf("{")))).toMatchObject({ site_url: "https://staging.example.org" });
    } finally {
      rmSync(site, { recursive: true, force: true });
    }
  }, 120_000);

  it("refuses an NLC_OUTPUT that leads into the project through a link (/proc/self/cwd), even with a build's marker committed there", async () => {
    const cwd = existsSync("/proc/self/cwd") ? "/proc/self/cwd" : undefined;
    const link = `${project.root}-link`;
    symlinkSync(project.root, link, "dir");
    const buildMarker = join(project.root, "static", "img", ".nlc-build");
    writeFileSync(buildMarker, "This folder is a build of the NLC website.\n");
    try {
      const before = outsideSite();
      for (const output of [
        ...(cwd ? [`${cwd}/.git/refs/tags`, `${cwd}/static/img`] : []),
        `${link}/.git/refs/tags`,
        `${link}/static/img`,
        link,
      ]) {
        mkdirSync(join(project.root, ".git", "refs", "tags"), { recursive: true });
        const build = await command(["--import", "tsx/esm", "src/cli/build.ts"], { NLC_OUTPUT: output });
        expect(build.code, output).toBe(1);
        expect(build.output).toMatch(
          /NLC_OUTPUT:1:1: error: .*(inside the project's (\.git|static)\/ folder|holds the project itself)/,
        );
        expect(outsideSite()).toEqual(before);
      }
    } finally {
      rmSync(link, { force: true });
      rmSync(buildMarker, { force: true });
      rmSync(join(project.root, ".git"), { recursive: true, force: true });
    }
  }, 180_000);
});
