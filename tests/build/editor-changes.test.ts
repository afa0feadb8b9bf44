// An editor's ordinary changes, made to the tests' fixture site: each passes `npm run check` (warnings
// allowed), builds, and then holds the invariants and static gates the real site is held to: what the
// check passes, CI passes. "Today" is the tests' fixed day (NLC_NOW), never the machine's.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { navLinks } from "../support/built-site.js";
import { readSettings } from "../../src/core/settings.js";
import {
  buildFixture,
  fixtureProject,
  fixtureSite,
  page,
  runScript,
  type FixtureProject,
} from "../support/fixture-project.js";
import { staticGateProblems } from "../support/static-gates.js";
import {
  expectedPostOrder,
  readPage,
  readSourcePages,
  siteProblems,
  type SourcePage,
} from "../support/site-invariants.js";

/** Sets (or, with undefined, removes) a front-matter field, with any indented lines under it, as an editor edits the text. */
function setField(text: string, field: string, value: string | undefined): string {
  const [, frontMatter = "", body = ""] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text) ?? [];
  const lines = frontMatter.split("\n");
  const start = lines.findIndex((line) => line.startsWith(`${field}:`));
  let end = start + 1;
  while (start >= 0 && end < lines.length && /^(?:\s+|\s*-\s)/.test(lines[end]!)) end += 1;
  const replacement = value === undefined ? [] : [`${field}: ${value}`];
  if (start >= 0) lines.splice(start, end - start, ...replacement);
  else lines.push(...replacement);
  return `---\n${lines.join("\n")}\n---\n${body}`;
}

function editFile(project: FixtureProject, file: string, change: (text: string) => string): void {
  const path = join(project.root, file);
  writeFileSync(path, change(readFileSync(path, "utf8")));
}

function inNav(pages: readonly SourcePage[], tag: string): SourcePage[] {
  return pages.filter(
    (p) =>
      p.data.draft !== true &&
      Array.isArray(p.data.tags) &&
      (p.data.tags as string[]).includes(tag) &&
      typeof p.url === "string",
  );
}

/** `npm run check` passes (warnings allowed), the build passes, and the built site holds every invariant. */
async function passesCheckAndTests(project: FixtureProject): Promise<{ checkOutput: string; siteDir: string }> {
  const check = await runScript(project, "check");
  expect(check.code, check.output).toBe(0);
  const siteDir = await buildFixture(project);
  expect(await siteProblems(project.root, siteDir)).toEqual([]);
  expect(await staticGateProblems(project.root, siteDir)).toEqual([]);
  return { checkOutput: check.output, siteDir };
}

describe("an editor's ordinary change", () => {
  let project: FixtureProject;
  beforeEach(() => {
    project = fixtureProject(fixtureSite("small-site"));
  });
  afterEach(() => project.remove());

  it("a new news post dated today: passes, and is listed first and in the feed", async () => {
    const date = readSettings(process.env).settings.today;
    project.write(
      "content/news/posts/an-editors-new-post.md",
      page(
        `title: An editor's new post\nmetadesc: A news post written by an editor, to prove that a new post passes the checks and CI.\ndate: ${date}`,
        "What happened, in a few words.\n\n## What comes next\n\nMore words.\n",
      ),
    );
    const { siteDir } = await passesCheckAndTests(project);
    expect(expectedPostOrder(readSourcePages(project.root))[0]).toBe("/news/an-editors-new-post/");
    expect(readFileSync(join(siteDir, "feed.xml"), "utf8")).toContain("/news/an-editors-new-post/");
  }, 120_000);

  it("a new section page (tags: primary, the next order): passes, and is last in the section nav on every page", async () => {
    const orders = inNav(readSourcePages(project.root), "primary").map((p) =>
      typeof p.data.order === "number" ? p.data.order : 0,
    );
    const next = Math.max(0, ...orders) + 1;
    project.write(
      "content/a-new-section.md",
      page(
        `layout: layouts/primary.njk\ntitle: A new section\nleader: A section an editor added, to prove a new nav page passes.\nmetadesc: A section page an editor added, to prove that a new nav page passes the checks and CI.\norder: ${next}\ntags:\n  - primary`,
      ),
    );
    const { siteDir } = await passesCheckAndTests(project);
    expect(navLinks(readPage(siteDir, "/a-new-section/"), ".section-nav").at(-1)).toEqual({
      label: "A new section",
      href: "/a-new-section/",
      current: "page",
    });
  }, 120_000);

  it("a renumbered nav page (the first two of a nav swap orders): passes, and the nav follows", async () => {
    const pages = readSourcePages(project.root);
    const tag = ["primary", "nav", "footer"].find(
      (t) => inNav(pages, t).filter((p) => typeof p.data.order === "number").length >= 2,
    );
    expect(tag, "the real site has a nav with two ordered pages").toBeDefined();
    const [first, second] = inNav(pages, tag!)
      .filter((p) => typeof p.data.order === "number")
      .sort((a, b) => (a.data.order as number) - (b.data.order as number));
    editFile(project, first!.file, (text) => setField(text, "order", String(second!.data.order)));
    editFile(project, second!.file, (text) => setField(text, "order", String(first!.data.order)));
    await passesCheckAndTests(project);
  }, 120_000);

  it("a page taken out of its nav (its tags removed): passes, and the nav no longer shows it", async () => {
    const pages = readSourcePages(project.root);
    const tag = ["footer", "primary", "nav"].find((t) => inNav(pages, t).length > 0)!;
    const leaving = inNav(pages, tag).find((p) => !p.file.includes("/posts/"))!;
    editFile(project, leaving.file, (text) => setField(text, "tags", undefined));
    const { siteDir } = await passesCheckAndTests(project);
    const selector = { nav: ".site-nav--wide", primary: ".section-nav", footer: ".site-footer nav" }[tag]!;
    expect(navLinks(readPage(siteDir, leaving.url as string), selector).map((link) => link.href)).not.toContain(
      leaving.url,
    );
  }, 120_000);

  it("a short meta description: a warning naming the file and line, never a failure", async () => {
    const target = readSourcePages(project.root).find(
      (p) => typeof p.data.metadesc === "string" && typeof p.url === "string" && p.data.draft !== true,
    )!;
    editFile(project, target.file, (text) => setField(text, "metadesc", "Short words."));
    const { checkOutput } = await passesCheckAndTests(project);
    expect(checkOutput).toMatch(
      new RegExp(
        `^${target.file.replace(/\./g, "\\.")}:\\d+:1: warning: Summary for search engines \\(metadesc\\) is only 12 characters long`,
        "m",
      ),
    );
    const strict = await runScript(project, "check", ["--strict"]);
    expect(strict.code, "--strict turns the warning into a failure, for those who want it").toBe(1);
  }, 120_000);

  it("an old address added to a page's redirect_from, then removed: passes both times", async () => {
    editFile(project, "content/beta.md", (text) => setField(text, "redirect_from", "\n  - /an-old-beta/"));
    const { siteDir } = await passesCheckAndTests(project);
    expect(readFileSync(join(siteDir, "_redirects"), "utf8")).toContain("/an-old-beta/ /beta/ 301!");
    editFile(project, "content/beta.md", (text) => setField(text, "redirect_from", undefined));
    const after = await passesCheckAndTests(project);
    expect(readFileSync(join(after.siteDir, "_redirects"), "utf8")).not.toContain("/an-old-beta/");
  }, 120_000);
});
