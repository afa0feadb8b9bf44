import { execFile } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildSite } from "../../src/build/build.js";
import { formatProblem } from "../../src/core/problems.js";
import { snapshot } from "../support/folder-snapshot.js";
import { fixtureProject, fixtureSite, page, type FixtureProject } from "../support/fixture-project.js";

const run = promisify(execFile);

const goodFields = "metadesc: A page made by a test, to check what the build says about mistakes in it.";

describe("a build with editors' mistakes", () => {
  let project: FixtureProject;

  // A fresh copy of the project for each test, so one test's mistakes are not the next one's.
  beforeEach(() => {
    project = fixtureProject(fixtureSite("small-site"));
  });
  afterEach(() => project.remove());

  it("lists every site-wide problem in one run, each at its file and line, and fails", async () => {
    project.write(
      "content/mistakes.md",
      page(
        `title: Mistakes\n${goodFields}\npermalink: /mistakes/\norder: 20\ntags:\n  - nav`,
        [
          "Read [our missing page](/no-such-page/) and [a missing part](/contact/#no-such-part).",
          "",
          '<img src="/static/img/report-cover.svg">',
          "",
          '<iframe src="/contact/"></iframe>',
          "",
          '<a href="/contact/" target="_blank">Contact us in a new tab</a>',
          "",
          "# A second main heading",
          "",
          "![A picture that is not there](/static/img/missing.png)",
          "",
        ].join("\n"),
      ),
    );
    const result = await buildSite({ root: project.root, output: "_site" });
    const lines = result.problems.map(formatProblem);
    expect(result.ok).toBe(false);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^content\/mistakes\.md:5:1: error: Position in its menu \(order\) 20 is also used by content\/about\.md \("About"\) in the Main menu: .*To put this page just before About, give it 15; just after, 25 \(the Main menu now: /,
        ),
        expect.stringMatching(
          /^content\/mistakes\.md:10:\d+: error: broken link "\/no-such-page\/": no page or file at \/no-such-page\//,
        ),
        expect.stringMatching(
          /^content\/mistakes\.md:10:\d+: error: broken link "\/contact\/#no-such-part": no element with id="no-such-part" on \/contact\//,
        ),
        expect.stringMatching(
          /^content\/mistakes\.md:12:1: error: image \/static\/img\/report-cover\.svg has no alt text/,
        ),
        expect.stringMatching(/^content\/mistakes\.md:14:1: error: embedded frame \/contact\/ has no title/),
        expect.stringMatching(
          /^content\/mistakes\.md:14:1: error: a frame showing \/contact\/ is blocked by the site's security policy/,
        ),
        expect.stringMatching(
          /^content\/mistakes\.md:16:1: error: link to \/contact\/ opens a new tab without rel="noopener"/,
        ),
        expect.stringMatching(
          /^content\/mistakes\.md:18:1: error: the page has 2 main headings \(h1\).*"A second main heading"/,
        ),
        expect.stringMatching(
          /^content\/mistakes\.md:20:\d+: error: broken link "\/static\/img\/missing\.png": no page or file at \/static\/img\/missing\.png/,
        ),
      ]),
    );
    expect(lines).toHaveLength(9);
  });

  it("names both pages that claim one address, the one just changed first", async () => {
    project.write("content/copy-of-contact.md", page(`title: Copy\n${goodFields}\npermalink: /contact/`));
    const result = await buildSite({ root: project.root, output: "_site" });
    expect(result.ok).toBe(false);
    expect(result.problems.map(formatProblem)).toContain(
      "content/copy-of-contact.md:4:1: error: two pages claim the address /contact/: content/copy-of-contact.md and content/contact.md. Give content/copy-of-contact.md a different permalink",
    );
  });

  it("leaves the last good site byte-for-byte as it was, and never touches content/", async () => {
    const good = await buildSite({ root: project.root, output: "_site" });
    expect(good.problems.map(formatProblem)).toEqual([]);
    expect(good.ok).toBe(true);
    const site = join(project.root, "_site");
    const before = snapshot(site);
    const contentBefore = snapshot(join(project.root, "content"));

    // A page that renders but links nowhere, then one whose YAML stops the render.
    project.write("content/broken-link.md", page(`title: Broken\n${goodFields}`, "[Nowhere](/nowhere/)\n"));
    expect((await buildSite({ root: project.root, output: "_site" })).ok).toBe(false);
    expect(snapshot(site)).toEqual(before);
    project.write("content/broken-link.md", page(`title: Broken: a colon\n${goodFields}`));
    const yaml = await buildSite({ root: project.root, output: "_site" });
    expect(yaml.problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^content\/broken-link\.md:2:\d+: error: the front matter is not valid YAML/),
    ]);
    expect(snapshot(site)).toEqual(before);

    const contentAfter = snapshot(join(project.root, "content"));
    delete contentAfter["broken-link.md"];
    expect(contentAfter).toEqual(contentBefore);
    expect(readdirSync(project.root).filter((name) => name.includes("staging"))).toEqual([]);
  });

  it("leaves drafts out of the published build and shows them in the preview", async () => {
    project.write(
      "content/draft-page.md",
      page(`title: Not yet\n${goodFields}\ndraft: true\norder: 9\ntags:\n  - footer`),
    );
    expect((await buildSite({ root: project.root, output: "_site" })).ok).toBe(true);
    expect(existsSync(join(project.root, "_site/draft-page/index.html"))).toBe(false);
    expect(readFileSync(join(project.root, "_site/index.html"), "utf8")).not.toContain("Not yet");

    expect((await buildSite({ root: project.root, output: "_preview", runMode: "watch" })).ok).toBe(true);
    expect(existsSync(join(project.root, "_preview/draft-page/index.html"))).toBe(true);
    expect(readFileSync(join(project.root, "_preview/index.html"), "utf8")).toContain("Not yet");
  });

  it("makes warnings fail only with --strict", async () => {
    project.write(
      "content/long-description.md",
      page(`title: Long\nmetadesc: ${"A description that goes on. ".repeat(8)}`),
    );
    const relaxed = await buildSite({ root: project.root, output: "_site" });
    expect(relaxed.ok).toBe(true);
    expect(relaxed.problems.map((problem) => problem.severity)).toEqual(["warning"]);
    expect((await buildSite({ root: project.root, output: "_site", strict: true })).ok).toBe(false);
  });

  it("prints one clickable line a problem and a count, exits 1, and shows no stack trace", async () => {
    project.write("content/typo.md", page(`title: Typo\n${goodFields}\nnavtile: Typo\nlayout: primry.njk`));
    const failure = await run(process.execPath, ["--import", "tsx", "src/cli/check.ts"], { cwd: project.root }).then(
      () => undefined,
      (caught: { code: number; stdout: string; stderr: string }) => caught,
    );
    expect(failure?.code).toBe(1);
    const output = `${failure?.stdout}${failure?.stderr}`;
    expect(output).toContain('content/typo.md:4:1: error: unknown field "navtile": did you mean "navtitle"?');
    expect(output).toContain(
      'content/typo.md:5:1: error: Layout (layout) "primry.njk" does not exist: did you mean "primary.njk"?',
    );
    expect(output).toContain("2 errors, 0 warnings");
    expect(output).not.toMatch(/^\s+at /m);
    expect(existsSync(join(project.root, ".._site-staging"))).toBe(false);
  });
});
