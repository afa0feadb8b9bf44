// The check reads front matter exactly as the build does: for any text, where Eleventy's own front-matter
// splitter (its copy of gray-matter, given our YAML reader as Eleventy's config gives it) reads data, the
// check reads the same data; where Eleventy would fail, the check reports a problem instead of passing.
import { createRequire } from "node:module";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readFrontMatterBlock } from "../../src/content/front-matter.js";
import { parseYaml } from "../../src/content/yaml.js";
import { projectRoot } from "../support/fixture-project.js";

const fromEleventy = createRequire(join(projectRoot, "node_modules", "@11ty", "eleventy", "package.json"));
const matter = fromEleventy("gray-matter") as (text: string, options: object) => { data: unknown };

/** What Eleventy reads from a page, or "fails". */
function eleventyReads(text: string): unknown {
  try {
    return matter(text, { engines: { yaml: (block: string) => parseYaml(block) } }).data;
  } catch {
    return "fails";
  }
}

const line = fc.oneof(
  fc.constantFrom("title: Example", "order: 2", "tags:", "  - nav", "date: 2020-01-02", "permalink: /x/", "a: &a [1]", "b: *a", "# a comment", "", "  ", "\ttitle: x", "title: a: b", "'quoted': yes"),
  fc.string({ maxLength: 20 }),
);
const page = fc
  .tuple(fc.boolean(), fc.array(line, { maxLength: 8 }), fc.boolean(), fc.boolean(), fc.string({ maxLength: 30 }))
  .map(([bom, lines, closed, crlf, body]) => {
    const text = `${bom ? "\uFEFF" : ""}---\n${lines.join("\n")}\n${closed ? "---\n" : ""}${body}`;
    return crlf ? text.replaceAll("\n", "\r\n") : text;
  });

describe("the check and Eleventy read front matter alike", () => {
  it("reads the same data from any page Eleventy can read, and never passes one it cannot", () => {
    fc.assert(
      fc.property(page, (text) => {
        const check = readFrontMatterBlock(text);
        const eleventy = eleventyReads(text);
        if (check.data) expect(eleventy).toEqual(check.data);
        if (eleventy === "fails") expect(check.problem).toBeDefined();
      }),
      { numRuns: 500 },
    );
  });
});
