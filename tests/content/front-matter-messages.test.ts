// The messages an editor reads for the front-matter mistakes that used to point the wrong way (issue 10), and the
// YAML reader's limits: the line at fault, tabs named as tabs, a missing closing ---, the corrected permalink,
// an emptied tags list, and no "null", "undefined" or Eleventy option names.
import { describe, expect, it } from "vitest";
import { checkPageSource } from "../../src/checks/page-source.js";
import { formatProblem } from "../../src/core/problems.js";
import { readFrontMatterBlock } from "../../src/content/front-matter.js";
import { parseYaml, YamlProblem } from "../../src/content/yaml.js";

const layouts = new Set(["page.njk"]);
const goodFields = "title: Example\nmetadesc: A page used by a test to see what the checker says about its front matter.";
const report = (text: string) => checkPageSource({ file: "content/example.md", text }, { layouts }).problems.map(formatProblem);

describe("front-matter messages", () => {
  it("names a tab on the line where it is, in its own sentence", () => {
    const fields = ["title: Example", "metadesc: A page used by a test to see what the checker says about its front matter.", "order: 2", "tags:", "  - nav", "navtitle: x", "leader: y", "subtitle: z", "image_alt: w", "\tprimary: true"];
    expect(report(`---\n${fields.join("\n")}\n---\nText.\n`)).toEqual([
      "content/example.md:11:1: error: line 11 starts with a tab; YAML needs spaces: replace the tab with spaces (two for each level)",
    ]);
  });

  it("gives the line that is wrong for other YAML mistakes", () => {
    expect(report(`---\n${goodFields}\norder: 2\nnavtitle: Leading: a guide\n---\nText.\n`)[0]).toMatch(/^content\/example\.md:5:\d+: error: the front matter is not valid YAML \(.*\) on line 5\./);
  });

  it("names a missing closing --- as such", () => {
    expect(report(`---\n${goodFields}\n\n## A heading\n\nText.\n`)).toEqual([
      "content/example.md:8:1: error: the front matter has no closing line ---: add a line with only --- after the last field, before the page's text",
    ]);
  });

  it("gives the corrected permalink when the trailing slash is missing, never Eleventy's advice", () => {
    const lines = report(`---\n${goodFields}\npermalink: /our-programme\n---\nText.\n`);
    expect(lines).toEqual(["content/example.md:4:1: error: Address (permalink) must end with /: write permalink: /our-programme/"]);
    expect(lines.join("")).not.toMatch(/eleventy/i);
  });

  it("says how to fix an emptied tags list, without 'null'", () => {
    expect(report(`---\n${goodFields}\ntags:\n---\nText.\n`)).toEqual([
      "content/example.md:4:1: error: Menus (tags) is empty: remove the `tags:` line, or list at least one of main menu (nav), section menu (primary), footer",
    ]);
  });

  it("never says null or undefined for empty fields", () => {
    const lines = report(`---\ntitle:\nmetadesc:\norder:\nlayout:\ndate:\nredirect_from:\npermalink:\n---\nText.\n`);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).not.toMatch(/\bnull\b|\bundefined\b/);
  });

  it("accepts a byte-order mark and CRLF line ends, as Windows editors save", () => {
    expect(report(`\uFEFF---\r\n${goodFields.replace("\n", "\r\n")}\r\n---\r\n\r\nText.\r\n`)).toEqual([]);
  });

  it("refuses a language after the opening ---", () => {
    expect(report(`---js\n{ title: "x" }\n---\n`)).toEqual(["content/example.md:1:1: error: the first line must be exactly --- with nothing after it (front matter is YAML only)"]);
  });
});

describe("the YAML reader", () => {
  it("caps aliases, with a message, before expanding them", () => {
    const levels = Array.from({ length: 9 }, (_, i) => `l${i + 1}: &l${i + 1} [${Array(9).fill(`*l${i}`).join(", ")}]`);
    expect(() => parseYaml(["l0: &l0 [x, x, x, x, x, x, x, x, x]", ...levels].join("\n"))).toThrow(YamlProblem);
    // A few aliases that expand to little are fine.
    expect(parseYaml("a: &a [1, 2]\nb: *a\n")).toEqual({ a: [1, 2], b: [1, 2] });
  });

  it("refuses keys that reach JavaScript's object machinery, at any depth, naming the line", () => {
    for (const key of ["__proto__", "constructor", "prototype"]) {
      const block = readFrontMatterBlock(`---\ntitle: x\nstrands:\n  - title: a\n    ${key}: 1\n---\n`);
      expect(block.problem).toEqual({ line: 5, message: `"${key}" cannot be used as a field name; remove that line` });
    }
  });
});

describe("addresses made from file names", () => {
  const check = (file: string, fields = goodFields) => checkPageSource({ file, text: `---\n${fields}\n---\nText.\n` }, { layouts }).problems.map(formatProblem);

  it("tells the editor what to rename a page whose file name would make a broken address", () => {
    expect(check("content/Our Team.md")).toEqual([
      "content/Our Team.md:1:1: error: the file's path would make a broken address (/Our Team/): rename the file to our-team.md, use lower case letters, numbers and hyphens in folder and file names, or add a permalink",
    ]);
    expect(check("content/Our Team.md", `${goodFields}\npermalink: /our-team/`)).toEqual([]);
    expect(check("content/our-team.md")).toEqual([]);
  });

  it("tells the editor what to rename a news post to", () => {
    expect(check("content/news/posts/My Big News!.md", `${goodFields}\ndate: 2020-01-02`)).toEqual([
      'content/news/posts/My Big News!.md:1:1: error: the file name "My Big News!.md" would make a broken address: rename the file to my-big-news.md (lower case letters, numbers and hyphens)',
    ]);
  });
});
