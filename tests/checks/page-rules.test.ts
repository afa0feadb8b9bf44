// Each rule of the rendered-page check on a small page: a known-bad page fails with the file, line and fix;
// the same content written well passes. Source lines count from the file's top: the front matter
// takes lines 1–4, a blank line 5, so a body's first line is line 6.
import { describe, expect, it } from "vitest";
import { cleanFileName } from "../../src/checks/scan-rules/broken-markdown.js";
import { checkBody, checkFixtures, fixturePage } from "../support/rendered-fixture.js";

/** [rule, bad body, the one line expected, a good body]. */
const cases: Array<[string, string, RegExp, string]> = [
  [
    "heading level skips",
    "## Members\n\nText.\n\n#### Current cohort\n",
    /^content\/page\.md:10:1: error: the heading "Current cohort" is level 4 \(####\) straight after a level 2 heading: .*make it ###$/,
    "## Members\n\nText.\n\n### Current cohort\n",
  ],
  [
    "second main heading",
    "# Another title\n\nText.\n",
    /^content\/page\.md:6:1: error: the page has 2 main headings \(h1\).*Make "Another title" a ## heading$/,
    "## Another title\n\nText.\n",
  ],
  [
    "image without alt",
    '<img src="/static/a.svg">\n',
    /^content\/page\.md:6:1: error: image \/static\/a\.svg has no alt text: add alt=/,
    '<img src="/static/a.svg" alt="A chart">\n',
  ],
  [
    "new tab without noopener",
    'Read <a href="https://example.org/" target="_blank">the report</a>.\n',
    /^content\/page\.md:6:6: error: link to https:\/\/example\.org\/ opens a new tab without rel="noopener"/,
    'Read <a href="https://example.org/" target="_blank" rel="noopener noreferrer">the report</a>.\n',
  ],
  [
    "vague link text",
    "Text.\n\n[Click here](/static/a.svg) for the chart.\n",
    /^content\/page\.md:8:1: error: the link text "Click here" does not say where the link goes/,
    "Text.\n\nSee [the chart of members by sector](/static/a.svg).\n",
  ],
  [
    "empty link",
    'Text.\n\n<a href="/static/a.svg"></a>\n',
    /^content\/page\.md:8:1: error: the link to \/static\/a\.svg has no text/,
    'Text.\n\n<a href="/static/a.svg">The chart</a>\n',
  ],
  [
    "table without headers",
    "<table>\n<tr><td>1</td></tr>\n</table>\n",
    /^content\/page\.md:6:1: error: this table has no header cells/,
    "| Year | Members |\n| --- | --- |\n| 2020 | 100 |\n",
  ],
  [
    "unclosed div",
    '<div class="panel">\n\nText.\n',
    /^content\/page\.md:6:1: error: <div class="panel"> is never closed by the end of the page.*add <\/div> where it should end/,
    '<div class="panel">\n\nText.\n\n</div>\n',
  ],
  [
    "stray closing tag",
    "Text.\n\n</section>\n",
    /^content\/page\.md:8:1: error: <\/section> closes a <section> that was never opened/,
    "Text.\n",
  ],
  [
    "markdown stuck under a tag",
    '<div class="panel">\n## Members\n</div>\n',
    /^content\/page\.md:7:1: error: "## Members" shows on the page as written, not as a heading: .*Leave a blank line after <div class="panel">/,
    '<div class="panel">\n\n## Members\n\n</div>\n',
  ],
  [
    "link stuck under a tag",
    '<div class="panel">\nWrite to [Connect](/static/a.svg).\n</div>\n',
    /^content\/page\.md:7:10: error: "\[Connect\]\(\/static\/a\.svg\)" shows on the page as written, not as a link: .*Leave a blank line after <div class="panel">/,
    '<div class="panel">\n\nWrite to [Connect](/static/a.svg).\n\n</div>\n',
  ],
  [
    "bold stuck under a tag",
    "<section>\nThe **forum** meets.\n</section>\n",
    /^content\/page\.md:7:5: error: "\*\*forum\*\*" shows on the page as written, not as bold text: .*Leave a blank line after <section>/,
    "<section>\n\nThe **forum** meets.\n\n</section>\n",
  ],
  [
    "image name with a space",
    "![Delegates at the forum](/static/My Photo.JPG)\n",
    /^content\/page\.md:6:1: error: the file name "My Photo\.JPG" makes a bad web address.*rename the file to "my-photo\.jpg"/,
    "![Delegates at the forum](/static/a.svg)\n",
  ],
  [
    "document name with capitals",
    "Read [the annual report](/static/Annual_Report-2020.PDF).\n",
    /^content\/page\.md:6:\d+: error: the file name "Annual_Report-2020\.PDF" makes a bad web address.*rename the file to "annual_report-2020\.pdf"/,
    "Read [the annual report](/static/a.svg).\n",
  ],
];

describe("the rendered-page rules, one small page each", () => {
  it.each(cases)("%s: fails at the file and line, with the fix", (_rule, bad, expected) => {
    const problems = checkBody(bad).filter((line) => !line.includes("broken link"));
    expect(problems).toEqual([expect.stringMatching(expected)]);
  });

  it.each(cases)("%s: the same content written well passes", (_rule, _bad, _expected, good) => {
    expect(checkFixtures(fixturePage("page", good))).toEqual([]);
  });

  // A share-dialog embed alone on its line becomes the click-to-load player (src/render/video-embed.ts); one inside a
  // sentence stays a frame, which loads the other site with the page, so the security policy refuses it whatever its title.
  it("frame without title: fails at the file and line, with the fix; with a title, only the policy's refusal is left", () => {
    const policy =
      /^content\/page\.md:6:\d+: error: <iframe> shows a frame from another website \(player\.vimeo\.com\) as the page loads/;
    expect(checkBody('Watch: <iframe src="https://player.vimeo.com/video/1"></iframe>\n')).toEqual([
      expect.stringMatching(/^content\/page\.md:6:\d+: error: embedded frame .* has no title: add title=/),
      expect.stringMatching(policy),
    ]);
    expect(checkBody('Watch: <iframe src="https://player.vimeo.com/video/1" title="Our film"></iframe>\n')).toEqual([
      expect.stringMatching(policy),
    ]);
    expect(checkBody('<iframe src="https://player.vimeo.com/video/1" title="Our film"></iframe>\n')).toEqual([]);
  });

  it("tells the editor that a heading comes from the layout when it is not in the file", () => {
    const page = fixturePage("page", "Text.\n");
    page.page.html = page.page.html.replace("<h1>A page</h1>", "");
    expect(checkFixtures(page)).toEqual([
      "content/page.md:1:1: error: the page has no main heading (h1): give it a title in the front matter, or a layout that shows the title",
    ]);
  });

  it("checks links and #fragments across pages, at the line of the link", () => {
    const from = fixturePage("from", "Text.\n\nSee [the other page](/to/#members) and [nowhere](/gone/).\n");
    const to = fixturePage("to", "## Members {#x}\n");
    expect(checkFixtures(from, to)).toEqual([
      'content/from.md:8:21: error: broken link "/to/#members": no element with id="members" on /to/. Correct the address or remove the link',
      'content/from.md:8:49: error: broken link "/gone/": no page or file at /gone/. Correct the address or remove the link',
    ]);
  });

  it("suggests file names an address can carry", () => {
    expect(cleanFileName("My Photo.JPG")).toBe("my-photo.jpg");
    expect(cleanFileName("Report (final) v2.pdf")).toBe("report-final-v2.pdf");
    expect(cleanFileName("ÉTÉ.png")).toBe("t.png");
  });
});

describe("file names the build chose", () => {
  it("are not the editor's to rename: image variants and fingerprinted assets pass", () => {
    const body =
      '<picture><source type="image/avif" srcset="/img/aveuXPaTzX-640.avif 640w"><img src="/img/aveuXPaTzX-640.jpeg" alt="A view"></picture>\n';
    expect(checkBody(body).filter((line) => !line.includes("broken link"))).toEqual([]);
  });
});
