import { describe, expect, it } from "vitest";
import { checkPageSource } from "../../src/checks/page-source.js";
import { formatProblem } from "../../src/core/problems.js";

const layouts = new Set(["primary.njk", "layouts/primary.njk", "primary", "page.njk", "page"]);
const goodFields =
  "title: Our Programme\nmetadesc: Leadership programmes for the most senior public service leaders in the country.";

/** The report lines for one page, as an editor would read them. */
function report(text: string, file = "content/example.md"): string[] {
  return checkPageSource({ file, text }, { layouts }).problems.map(formatProblem);
}

describe("front matter checks", () => {
  it("accepts a well-formed page, and the seeds' own front matter as it was published", () => {
    expect(report(`---\n${goodFields}\n---\n\nText.\n`)).toEqual([]);
    const seed001 = `---\nlayout: layouts/primary.njk\ntitle: The Network of Senior Leaders\nleader: The National Leadership Centre is connecting senior leaders from across every sector and region, in order to help improve public services.\norder: 1\npermalink: /the-network/index.html\nnavtitle: The Network\nprimary: true\ntags:\n  - primary\n---\n\nText.\n`;
    expect(report(seed001)).toEqual([]);
    const seed000 = `---\ntitle: Network of peers\nsubtitle: The National Leadership Centre is connecting the most senior public sector leaders across the country.\nsubtitle_imagery: links\ndate: 2018-02-03\npermalink: /network/index.html\nnavtitle: Network\ntags:\n  - nav\n---\n\nText.\n`;
    expect(report(seed000)).toEqual([]);
  });

  it("names an unknown field's line and suggests the nearest known one", () => {
    expect(report(`---\n${goodFields}\nnavtile: Programme\n---\n`)).toEqual([
      'content/example.md:4:1: error: unknown field "navtile": did you mean "navtitle"?',
    ]);
    expect(report(`---\n${goodFields}\nfavourite_colour: red\n---\n`)[0]).toMatch(
      /^content\/example\.md:4:1: error: unknown field "favourite_colour": the fields a page can use are listed in docs\/editing\.md$/,
    );
  });

  it("gives the file, line and column of malformed YAML in plain words", () => {
    const lines = report(`---\ntitle: A page\nmetadesc: fine\n  order: 2\n---\n`);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^content\/example\.md:4:\d+: error: the front matter is not valid YAML \(bad indentation of a mapping entry\)/,
    );
  });

  it("requires a title and a meta description", () => {
    expect(report(`---\nmetadesc: Leadership programmes for the most senior public service leaders.\n---\n`)).toEqual([
      "content/example.md:1:1: error: Title (title) is missing: add a line `title: The page's name` to the front matter",
    ]);
    expect(report(`---\ntitle: A page\n---\n`)[0]).toMatch(
      /^content\/example\.md:1:1: error: Summary for search engines \(metadesc\) is missing/,
    );
    expect(
      report(`---\ntitle: ""\nmetadesc: Leadership programmes for the most senior public service leaders.\n---\n`)[0],
    ).toMatch(/^content\/example\.md:2:1: error: Title \(title\) is empty/);
  });

  it("warns, without failing, about a meta description search engines would cut off", () => {
    const problems = checkPageSource(
      { file: "content/x.md", text: `---\ntitle: X\nmetadesc: ${"word ".repeat(40)}\n---\n` },
      { layouts },
    ).problems;
    expect(problems.map((problem) => problem.severity)).toEqual(["warning"]);
    expect(formatProblem(problems[0]!)).toMatch(
      /^content\/x\.md:3:1: warning: Summary for search engines \(metadesc\) is 199 characters long/,
    );
  });

  it("wants order as a whole number", () => {
    expect(report(`---\n${goodFields}\norder: "2"\n---\n`)).toEqual([
      'content/example.md:4:1: error: Position in its menu (order) must be a whole number such as 20, without quotes (it is "2")',
    ]);
    expect(report(`---\n${goodFields}\norder: 2.5\n---\n`)).toEqual([
      "content/example.md:4:1: error: Position in its menu (order) must be a whole number such as 20, not a fraction (it is 2.5)",
    ]);
  });

  it("accepts only the known tags", () => {
    expect(report(`---\n${goodFields}\ntags:\n  - navigation\n---\n`)).toEqual([
      'content/example.md:4:1: error: Menus (tags) must be a list of: nav, primary, footer, posts (it is ["navigation"])',
    ]);
  });

  it("wants a clean permalink", () => {
    expect(report(`---\n${goodFields}\npermalink: Our Programme/\n---\n`)[0]).toMatch(
      /^content\/example\.md:4:1: error: Address \(permalink\) must be a clean site address such as \/our-programme\/.*\(try \/our-programme\/\)$/,
    );
    expect(report(`---\n${goodFields}\npermalink: false\n---\n`)).toEqual([]);
  });

  it("wants a layout that exists, suggesting the nearest", () => {
    expect(report(`---\n${goodFields}\nlayout: primry.njk\n---\n`)).toEqual([
      'content/example.md:4:1: error: Layout (layout) "primry.njk" does not exist: did you mean "primary.njk"?',
    ]);
  });

  it("wants a real date", () => {
    expect(report(`---\n${goodFields}\ndate: 2019-10-32\n---\n`)).toEqual([
      "content/example.md:4:1: error: Publication date (date) must be a real date written as YYYY-MM-DD, such as 2019-10-22 (there is no 2019-10-32)",
    ]);
  });

  it("finds encoding damage and says what the text should be", () => {
    expect(report(`---\n${goodFields}\n---\n\nThe Centreâ€™s purpose.\n`)).toEqual([
      'content/example.md:6:11: error: encoding damage: "â€™" should be "’" (the text was copied through the wrong character set; replace it)',
    ]);
    expect(report(`---\n${goodFields}\n---\n\nCaf\uFFFD\n`)[0]).toMatch(
      /^content\/example\.md:6:4: error: encoding damage: "\uFFFD" is a character that was lost in copying/,
    );
  });

  it("finds a markdown image with no description", () => {
    expect(report(`---\n${goodFields}\n---\n\n![](/static/img/photo.jpg)\n`)).toEqual([
      "content/example.md:6:1: error: image without alt text: give the picture a description, between the brackets: ![like this](/static/img/photo.jpg) (in the browser editor, the Picture's Description)",
    ]);
  });

  it("lists every problem of a page in one go", () => {
    const lines = report(`---\ntitel: Oops\nnavtile: X\norder: two\ntags: [nope]\n---\n\nâ€œQuoteâ€\u009d\n`);
    expect(lines.length).toBeGreaterThanOrEqual(6);
  });
});
