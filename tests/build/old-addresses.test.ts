// Every address of the 2020 site keeps answering: the check refuses content that drops one, and a site
// that keeps them answers each, by Netlify's own rules over the built files, on the live domain and the old ones.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite } from "../../src/build/build.js";
import { listSiteFiles } from "../../src/checks/link-check.js";
import { formatProblem } from "../../src/core/problems.js";
import { readSettings } from "../../src/core/settings.js";
import { oldAddresses, oldDomains } from "../../src/output/old-site.js";
import { buildFixture, fixtureProject, fixtureSite, type FixtureProject } from "../support/fixture-project.js";
import { follow, parseRedirectRules } from "../support/netlify-redirects.js";

let project: FixtureProject;
let siteDir: string;
beforeAll(async () => {
  project = fixtureProject(fixtureSite("small-site"));
  siteDir = await buildFixture(project);
}, 120_000);
afterAll(() => project.remove());

describe("the 2020 site's addresses", () => {
  it("each answers with a page, or a 301 that leads to one, on the live domain and each old one", async () => {
    const set = await parseRedirectRules(readFileSync(join(siteDir, "_redirects"), "utf8"));
    const siteFiles = listSiteFiles(siteDir);
    const liveOrigin = new URL(readSettings({}).settings.site.url).origin;
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

  it("are the check's to keep: dropping one from redirect_from is an error naming it, with the fix", async () => {
    const about = join(project.root, "content/about.md");
    const original = readFileSync(about, "utf8");
    writeFileSync(about, original.replace("  - /network/\n", ""));
    try {
      const result = await buildSite({ root: project.root, write: false });
      expect(result.ok).toBe(false);
      expect(result.problems.map(formatProblem)).toEqual([
        "content:1:1: error: the old address /network/ no longer leads anywhere, and links from other sites and bookmarks still use it: add it to the redirect_from list of the page that now covers its subject, as - /network/",
      ]);
    } finally {
      writeFileSync(about, original);
    }
  }, 120_000);
});
