// Each kind of front-matter or text mistake an editor can make, through the whole build:
// the build fails, and its message names the file, the line and the field.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite } from "../../src/build/build.js";
import { formatProblem } from "../../src/core/problems.js";
import { fixtureProject, fixtureSite, type FixtureProject } from "../support/fixture-project.js";

const description = "metadesc: A page made by a test, to check what the build says about one mistake in it.";

/** [kind of mistake, the page's text, the message expected]. */
const mistakes: Array<[string, string, RegExp]> = [
  [
    "misspelt field",
    `---\ntitle: Page\n${description}\nnavtile: Page\n---\nText.\n`,
    /^content\/mistake\.md:4:1: error: unknown field "navtile": did you mean "navtitle"\?$/,
  ],
  [
    "malformed YAML",
    `---\ntitle: Leading: a guide\n${description}\n---\nText.\n`,
    /^content\/mistake\.md:2:\d+: error: the front matter is not valid YAML/,
  ],
  ["no title", `---\n${description}\n---\nText.\n`, /^content\/mistake\.md:1:1: error: Title \(title\) is missing/],
  [
    "no meta description",
    `---\ntitle: Page\n---\nText.\n`,
    /^content\/mistake\.md:1:1: error: Summary for search engines \(metadesc\) is missing/,
  ],
  [
    "order not a whole number",
    `---\ntitle: Page\n${description}\norder: first\n---\nText.\n`,
    /^content\/mistake\.md:4:1: error: Position in its menu \(order\) must be a whole number/,
  ],
  [
    "unknown tag",
    `---\ntitle: Page\n${description}\ntags:\n  - mainnav\n---\nText.\n`,
    /^content\/mistake\.md:4:1: error: Menus \(tags\) must be a list of: nav, primary, footer, posts/,
  ],
  [
    "untidy permalink",
    `---\ntitle: Page\n${description}\npermalink: /My Page/\n---\nText.\n`,
    /^content\/mistake\.md:4:1: error: Address \(permalink\) must be a clean site address/,
  ],
  [
    "missing layout",
    `---\ntitle: Page\n${description}\nlayout: primry.njk\n---\nText.\n`,
    /^content\/mistake\.md:4:1: error: Layout \(layout\) "primry\.njk" does not exist: did you mean "primary\.njk"\?$/,
  ],
  [
    "impossible date",
    `---\ntitle: Page\n${description}\ndate: 2019-02-30\n---\nText.\n`,
    /^content\/mistake\.md:4:1: error: Publication date \(date\) must be a real date written as YYYY-MM-DD/,
  ],
  [
    "date in words",
    `---\ntitle: Page\n${description}\ndate: 22 October 2019\n---\nText.\n`,
    /^content\/mistake\.md:4:1: error: Publication date \(date\) must be a real date written as YYYY-MM-DD/,
  ],
  [
    "encoding damage",
    `---\ntitle: Page\n${description}\n---\n\nThe Centreâ€™s work.\n`,
    /^content\/mistake\.md:6:11: error: encoding damage: "â€™" should be "’"/,
  ],
  [
    "image without alt text",
    `---\ntitle: Page\n${description}\n---\n\n![](/static/img/report-cover.svg)\n`,
    /^content\/mistake\.md:6:1: error: image without alt text/,
  ],
];

describe("each editor's mistake, through the build", () => {
  let project: FixtureProject;
  beforeAll(() => {
    project = fixtureProject(fixtureSite("small-site"));
  });
  afterAll(() => project.remove());

  it.each(mistakes)("%s: fails the build with the file, line and field", async (_kind, text, expected) => {
    project.write("content/mistake.md", text);
    const result = await buildSite({ root: project.root, write: false });
    expect(result.ok).toBe(false);
    expect(result.problems.map(formatProblem)).toEqual([expect.stringMatching(expected)]);
  });
});
