import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildSite } from "../../src/build/build.js";
import { formatProblem } from "../../src/core/problems.js";
import { createPage, slugify } from "../../src/content/new-page.js";
import { fixtureProject, fixtureSite, type FixtureProject } from "../support/fixture-project.js";

describe("npm run new", () => {
  let project: FixtureProject;
  beforeEach(() => {
    project = fixtureProject(fixtureSite("small-site"));
  });
  afterEach(() => project.remove());

  it("makes a clean address from any title", () => {
    expect(slugify("Our Programme: 2024 & beyond!")).toBe("our-programme-2024-and-beyond");
    expect(slugify("Leaders’ café")).toBe("leaders-cafe");
  });

  it("creates a well-formed draft page and a news post that the checks accept", async () => {
    const made = createPage(project.root, "Leading through a crisis: what we learned");
    expect(made).toEqual({ file: "content/leading-through-a-crisis-what-we-learned.md", url: "/leading-through-a-crisis-what-we-learned/" });
    const post = createPage(project.root, "Forum news", "news", new Date("2026-11-23T10:00:00Z"));
    expect(readFileSync(join(project.root, post.file), "utf8")).toContain("date: 2026-11-23");

    const result = await buildSite({ root: project.root, output: "_site", runMode: "watch" });
    expect(result.problems.map(formatProblem)).toEqual([]);
    expect(readFileSync(join(project.root, "_site/leading-through-a-crisis-what-we-learned/index.html"), "utf8")).toContain(
      "Leading through a crisis: what we learned",
    );
    expect(readFileSync(join(project.root, "_site/news/forum-news/index.html"), "utf8")).toContain("Forum news");
  });

  it("never overwrites a page", () => {
    project.write("content/an-existing-page.md", "---\ntitle: An existing page\n---\n\nWords an editor wrote.\n");
    expect(() => createPage(project.root, "An existing page")).toThrow("content/an-existing-page.md already exists: choose another title, or edit that file");
    expect(readFileSync(join(project.root, "content/an-existing-page.md"), "utf8")).toContain("Words an editor wrote.");
    expect(() => createPage(project.root, "!!!")).toThrow(/has no letters or numbers/);
  });
});
