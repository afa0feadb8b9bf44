import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "node-html-parser";
import { describe, expect, it } from "vitest";
import { buildSite } from "../../src/build/build.js";
import { fixtureProject, page } from "../support/fixture-project.js";
import { commitOn } from "../support/git-commit.js";

const statement = page(
  "title: Statement\nlayout: statement\nlast_reviewed: 2025-03-04\nmetadesc: A statement page, to check that it shows when it was reviewed and tested.",
);

function datesOf(html: string): string[] {
  return parse(html)
    .querySelectorAll("main time")
    .map((time) => `${time.getAttribute("datetime")} ${time.text}`);
}

describe("an accessibility statement's dates (layout: statement)", () => {
  it("shows the review date from front matter and the test date from the commit, and builds the same twice", async () => {
    const project = fixtureProject();
    try {
      project.write("content/statement.md", statement);
      commitOn(project.root, "2025-05-06T23:30:00Z");
      const built: string[] = [];
      for (const output of ["_one", "_two"]) {
        expect((await buildSite({ root: project.root, output })).ok).toBe(true);
        built.push(readFileSync(join(project.root, output, "statement/index.html"), "utf8"));
      }
      expect(datesOf(built[0]!)).toEqual(["2025-03-04 4 March 2025", "2025-05-06 6 May 2025"]);
      expect(built[1]).toBe(built[0]);
    } finally {
      project.remove();
    }
  });

  it("leaves out the test date where there is no commit to take it from", async () => {
    const project = fixtureProject();
    try {
      project.write("content/statement.md", statement);
      expect((await buildSite({ root: project.root, output: "_site" })).ok).toBe(true);
      expect(datesOf(readFileSync(join(project.root, "_site/statement/index.html"), "utf8"))).toEqual([
        "2025-03-04 4 March 2025",
      ]);
    } finally {
      project.remove();
    }
  });
});
