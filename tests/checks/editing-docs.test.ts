import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { knownFields } from "../../src/content/schema.js";
import { withFieldTable } from "../../src/checks/field-docs.js";
import { projectRoot } from "../support/fixture-project.js";

describe("docs/editing.md", () => {
  const guide = readFileSync(join(projectRoot, "docs/editing.md"), "utf8");

  it("has the field table the schema makes: run npm run docs:fields if this fails", () => {
    expect(guide).toBe(withFieldTable(guide));
  });

  it("covers the whole job: setup, publishing and undoing, pictures, documents, and what GitHub checks", () => {
    const headings = [...guide.matchAll(/^## (.+)$/gm)].map((match) => match[1]);
    expect(headings).toEqual(
      expect.arrayContaining(["First-time setup", "Publish your change", "Pictures", "Documents (PDFs)"]),
    );
    expect(guide).toContain("The checks on GitHub are exactly `npm run check`");
    for (const words of ["pull request", "Revert", "static/img/", "static/documents/", "alt", "PDF, 1.2 MB"])
      expect(guide, words).toContain(words);
  });

  it("documents every front-matter field the checker accepts, and no other", () => {
    const documented = [...guide.matchAll(/^\| `([a-z_]+)` \|/gim)].map((match) => match[1]);
    expect(documented.sort()).toEqual([...knownFields].sort());
  });
});
