// `npm run check` end to end on the tests' small fixture site: an editor's mistakes in the page content are
// reported at their file and line with the fix, and in GitHub Actions also as annotations.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixtureProject, fixtureSite, page, type FixtureProject } from "../support/fixture-project.js";

const run = promisify(execFile);
const fields =
  "title: A test page\nmetadesc: A page made by a test, to show what npm run check says about its content.";

async function check(
  root: string,
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", "src/cli/check.ts"], {
      cwd: root,
      env: { ...process.env, GITHUB_ACTIONS: "", ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (caught) {
    const failed = caught as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? 1, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
  }
}

describe("npm run check on pages with content mistakes", () => {
  let project: FixtureProject;
  let result: { code: number; stdout: string; stderr: string };
  beforeAll(async () => {
    project = fixtureProject(fixtureSite("small-site"));
    // Lines: front matter 1–4, blank 5, body from 6.
    project.write(
      "content/mistake-a.md",
      page(
        fields,
        '## Members\n\n#### Current cohort\n\n<div class="content-block">\n## Join us\n[Connect](/contact/)\n</div>\n\n<section class="notes">\n\nText.\n',
      ),
    );
    project.write(
      "content/mistake-b.md",
      page(
        fields,
        'Our film:\n\nWatch it here: <iframe src="https://player.vimeo.com/video/1" title="Our film" frameborder="0"></iframe>\n\n<script>alert(1)</script>\n\n![Delegates](/static/My Photo.JPG)\n',
      ),
    );
    result = await check(project.root, { GITHUB_ACTIONS: "true" });
  }, 120_000);
  afterAll(() => project.remove());

  it("fails, naming each mistake at its file and line, with the fix, and no stack trace", () => {
    expect(result.code).toBe(1);
    const lines = result.stderr.split("\n");
    const expected = [
      /^content\/mistake-a\.md:8:1: error: the heading "Current cohort" is level 4 \(####\) straight after a level 2 heading: .*make it ###$/,
      /^content\/mistake-a\.md:11:1: error: "## Join us[^"]*" shows on the page as written, not as a heading: .*Leave a blank line after <div class="content-block">/,
      /^content\/mistake-a\.md:12:1: error: "\[Connect\]\(\/contact\/\)" shows on the page as written, not as a link/,
      /^content\/mistake-a\.md:15:1: error: <section class="notes"> is never closed by the end of the page/,
      /^content\/mistake-b\.md:8:\d+: error: the attribute frameborder="…" on <iframe> is out of date/,
      /^content\/mistake-b\.md:10:1: error: a script written into the page is blocked by the site's security policy/,
      /^content\/mistake-b\.md:12:1: error: the file name "My Photo\.JPG" makes a bad web address.*rename the file to "my-photo\.jpg"/,
    ];
    for (const pattern of expected)
      expect(
        lines.some((line) => pattern.test(line)),
        `${pattern}\n${result.stderr}`,
      ).toBe(true);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    // An html-validate rule id never stands alone.
    expect(result.stderr).not.toMatch(/: error: [a-z/-]+\d*$/m);
  });

  it("prints each problem as a GitHub annotation too", () => {
    const annotations = result.stdout.split("\n").filter((line) => line.startsWith("::"));
    expect(annotations).toContainEqual(
      expect.stringMatching(
        /^::error file=content\/mistake-a\.md,line=8,col=1::the heading "Current cohort" is level 4/,
      ),
    );
    expect(annotations).toContainEqual(
      expect.stringMatching(/^::error file=content\/mistake-b\.md,line=10,col=1::a script written into the page/),
    );
    expect(annotations.length).toBe(
      result.stderr.split("\n").filter((line) => /^content\/.*: (?:error|warning): /.test(line)).length,
    );
  });

  it("passes once the mistakes are put right", async () => {
    project.write(
      "content/mistake-a.md",
      page(
        fields,
        '## Members\n\n### Current cohort\n\n<div class="content-block">\n\n## Join us\n\n[Connect](/contact/)\n\n</div>\n',
      ),
    );
    project.write("content/mistake-b.md", page(fields, "Our film:\n\n![Delegates](/static/img/report-cover.svg)\n"));
    const fixed = await check(project.root);
    expect(fixed.stderr).toBe("");
    expect(fixed.code).toBe(0);
    expect(fixed.stdout).toMatch(/Checked \d+ pages in [\d.]+ s: no problems\./);
    expect(fixed.stdout).not.toContain("::");
  }, 120_000);
});
