// The HTML an editor may write: an allow-list of elements and attributes, read as a browser reads it. Each way
// the first review's attacker got past the old deny-list is refused at its file and line, once; what the NLC's
// pages really use passes. Lines: front matter 1–4, blank 5, body from 6.
import { describe, expect, it } from "vitest";
import { checkEditorHtml } from "../../src/checks/editor-html.js";
import { formatProblem } from "../../src/core/problems.js";
import { checkPageAsBuilt, projectStyledClasses } from "../support/rendered-fixture.js";

/** The lines npm run check prints for a page made of `body`, leaving out links to files the fixture does not have. */
const check = (body: string) => checkPageAsBuilt(body).filter((line) => !line.includes("broken link"));

/** [input class, body, what the one line about it says]. */
const attacks: Array<[string, string, string]> = [
  [
    "a scheme hidden with a character reference",
    '<a href="jav&#x09;ascript:alert(1)">Open</a>\n',
    'href="jav\\tascript:alert(1)" on <a> is a javascript: address, which runs code',
  ],
  [
    "a scheme behind a control character",
    '<a href="&#1;javascript:alert(1)">Open</a>\n',
    'href="\\u0001javascript:alert(1)" on <a> is a javascript: address',
  ],
  [
    "a scheme behind spaces and a newline, its colon a named reference",
    '<a href="&#x20;&#x0A;JaVaScRiPt&colon;alert(1)">Open</a>\n',
    "on <a> is a javascript: address",
  ],
  [
    "a host after http: with no slashes",
    'Look: <img src="http:tracker.example/p.gif" alt="A dot">\n',
    "<img> loads a picture from another website (tracker.example)",
  ],
  [
    "a host after a slash and a backslash",
    '<img src="/\\tracker.example/p.gif" alt="A dot">\n',
    "<img> loads a picture from another website (tracker.example)",
  ],
  [
    "a host after http: and two backslashes",
    '<img src="http:\\\\tracker.example/p.gif" alt="A dot">\n',
    "<img> loads a picture from another website (tracker.example)",
  ],
  [
    "a host after https: with no slashes (another host in the preview, served over http)",
    '<img src="https:tracker.example/p.gif" alt="A dot">\n',
    "<img> loads a picture from another website (tracker.example)",
  ],
  [
    "a link's ping",
    '<a href="/contact/" ping="https://tracker.example/p">Contact us</a>\n',
    "<a> contacts another website (tracker.example)",
  ],
  [
    "a preconnection",
    '<link rel="preconnect" href="https://tracker.example">\n',
    "<link> contacts another website (tracker.example)",
  ],
  [
    "an SVG picture",
    '<svg><image href="https://tracker.example/p.png"></image></svg>\n',
    "<image> loads a picture from another website (tracker.example)",
  ],
  [
    "an SVG filter's picture",
    '<svg><filter id="f"><feImage href="https://tracker.example/f.png"/></filter></svg>\n',
    "<feimage> loads a picture from another website (tracker.example)",
  ],
  [
    "an SVG animation that sets a link to javascript:",
    '<svg><a><animate attributeName="href" values="javascript:alert(1)"/><text>Go</text></a></svg>\n',
    'values="javascript:alert(1)" on <animate> is a javascript: address',
  ],
  [
    "a refresh inside <noscript>",
    '<noscript><meta http-equiv="refresh" content="0;url=https://evil.example/"></noscript>\n',
    '<meta http-equiv="refresh"> in a page can send visitors elsewhere',
  ],
  [
    "a refresh after a CDATA section",
    '<![CDATA[><meta http-equiv="refresh" content="0;url=https://evil.example/">]]>\n',
    "a <![CDATA[ section is read by browsers as a comment that ends at its first",
  ],
  [
    "the player's data-video-src",
    '<p><button type="button" data-video-src="https://evil.example/x">Play</button></p>\n',
    "the video button on <button> would open a frame from evil.example",
  ],
  [
    "a Vimeo frame inside a sentence",
    'Watch <iframe src="https://player.vimeo.com/video/1" title="Our film"></iframe> now.\n',
    "<iframe> shows a frame from another website (player.vimeo.com) as the page loads",
  ],
];

describe("the ways past the old deny-list", () => {
  it.each(attacks)("%s: refused at its line, and said once", (_what, body, message) => {
    const lines = check(body);
    expect(lines.length, lines.join("\n")).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/^content\/page\.md:6:\d+: error: /);
    expect(
      lines.filter((line) => line.includes(message)),
      lines.join("\n"),
    ).toHaveLength(1);
  });

  it("refuses data- attributes whatever their value: the site's scripts read them", () => {
    expect(check('<div data-video-src="https://player.vimeo.com/video/1">A video</div>\n')).toEqual([
      'content/page.md:6:1: error: data-video-src="…" on <div> cannot be used: data- attributes are read by the site\'s own scripts, never set by a page. Remove it',
    ]);
    expect(check("<p data-pagefind-ignore>Words</p>\n")).toEqual([
      expect.stringMatching(/^content\/page\.md:6:1: error: data-pagefind-ignore="…" on <p> cannot be used/),
    ]);
  });

  it("lets a page load no script at all, the site's own included", () => {
    expect(check('<script src="/assets/site.abc.js" defer></script>\n')).toEqual([
      expect.stringMatching(
        /^content\/page\.md:6:1: error: <script> is not one of the tags a page may use .*scripts belong in the site's code \(src\/scripts\/\), and a page loads none: remove it$/,
      ),
    ]);
  });

  it("turns the share dialog's embed into the player, and holds the rest of its block to the allow-list", () => {
    expect(check('<iframe src="https://player.vimeo.com/video/1" title="Our film"></iframe>\n')).toEqual([]);
    expect(
      check('<div class="embed-container">\n<iframe src="https://player.vimeo.com/video/1"></iframe>\n</div>\n'),
    ).toEqual([]);
    // An HTML block is HTML to its end: the player replaces the frame, and the rest reaches the page as written.
    expect(
      check('<iframe src="https://player.vimeo.com/video/1"></iframe> `<img src="https://tracker.example/p.gif">`\n'),
    ).toEqual([
      expect.stringMatching(
        /^content\/page\.md:6:59: error: <img> loads a picture from another website \(tracker\.example\)/,
      ),
      expect.stringMatching(
        /^content\/page\.md:6:\d+: error: image https:\/\/tracker\.example\/p\.gif has no alt text/,
      ),
    ]);
  });
});

describe("the elements and attributes a page may use", () => {
  it("passes what the NLC's pages use", () => {
    const body = [
      '<div class="container container--sm dbl-vertical-padding">',
      "",
      "## Our programme",
      "",
      '<figure class="quote">',
      '  <blockquote class="quote__text">',
      "    <p>Learning anything requires commitment.</p>",
      "  </blockquote>",
      '  <figcaption class="quote__source">A chief fire officer</figcaption>',
      "</figure>",
      "",
      '<ul class="highlights">',
      '  <li>creating <a href="/the-network/">the network</a> of senior leaders</li>',
      "</ul>",
      "",
      '<div class="pdf-left-block">',
      '\t<div class="pdf-left-block__pdf">',
      '\t\t<a href="https://assets.publishing.service.gov.uk/report.pdf">',
      '\t\t<img src="/static/a.svg" alt="" width="120" height="170">',
      "\t\t<span>October 2018: the report</span>",
      "\t\t</a>",
      "\t</div>",
      "</div>",
      "",
      '<p class="supporting-text">Email <a href="mailto:team@example.org">the team</a>.</p>',
      "",
      "<table>",
      '<caption>Members</caption><thead><tr><th scope="col">Year</th></tr></thead><tbody><tr><td>2020</td></tr></tbody>',
      "</table>",
      "",
      "<details><summary>More</summary><p>Words.</p></details>",
      "",
      '<picture><source srcset="/static/a.svg 2x" type="image/svg+xml"><img src="/static/a.svg" alt="A chart"></picture>',
      "",
      "</div>",
      "",
    ].join("\n");
    expect(check(body)).toEqual([]);
  });

  it.each([
    ["<marquee>Hello</marquee>\n", "<marquee> is not one of the tags a page may use", "out-of-date tag"],
    ['<form action="/search/"><input name="q"></form>\n', "<form> is not one of the tags", "link to the form instead"],
    ['<video src="/static/a.mp4"></video>\n', "<video> is not one of the tags", "on a line of its own"],
    ["<header>Top</header>\n", "<header> is not one of the tags", "use a <div> or <section> instead"],
    ["<nlc-box>Words</nlc-box>\n", "<nlc-box> is not one of the tags", "write this part in markdown"],
    [
      '<math><mi href="javascript:alert(1)">x</mi></math>\n',
      "<math> is not one of the tags",
      "save it as a picture in static/img/",
    ],
  ])("refuses %s naming the element, with the fix", (body, named, fix) => {
    const lines = check(body);
    expect(lines[0]).toMatch(/^content\/page\.md:6:1: error: /);
    expect(lines[0]).toContain(named);
    expect(lines[0]).toContain(fix);
  });

  it.each([
    ["<p hidden>Secret</p>\n", "the attribute hidden on <p> is not one a page may use: remove it"],
    [
      '<img src="/static/a.svg" alt="A chart" usemap="#m">\n',
      "the attribute usemap on <img> is not one a page may use (<img> may have src, srcset, sizes, alt, width, height, loading, decoding): remove it",
    ],
    ['<p tabindex="0">Words</p>\n', "the attribute tabindex on <p> is not one a page may use: remove it"],
  ])("refuses %s naming the attribute, with the fix", (body, message) => {
    expect(check(body)).toEqual([`content/page.md:6:1: error: ${message}`]);
  });

  it("passes the attributes every element may have: id, class, title, lang, dir, role, aria-…", () => {
    expect(
      check('<p id="join" class="lead" title="Join" lang="en" dir="ltr" role="note" aria-label="Joining">Join</p>\n'),
    ).toEqual([]);
  });

  it("names a class the stylesheet does not style, at its line, with the nearest it does", () => {
    expect(projectStyledClasses().has("container")).toBe(true);
    expect(check('Text.\n\n<div class="container contaner">\n\nWords.\n\n</div>\n')).toEqual([
      'content/page.md:8:1: error: the class "contaner" on <div> is not in the site\'s stylesheet, so it changes nothing: did you mean "container"? use a class the stylesheet styles, or ask a developer to add one to src/styles/',
    ]);
    expect(check('<p>Some <span class="panel">words</span>.</p>\n')).toEqual([
      expect.stringMatching(
        /^content\/page\.md:6:9: error: the class "panel" on <span> is not in the site's stylesheet/,
      ),
    ]);
  });

  it.each([
    ["<!doctype html>\n\nText.\n", "<!…> and <?…> are not HTML a page can hold"],
    ['<?php echo "x"; ?>\n\nText.\n', "<!…> and <?…> are not HTML a page can hold"],
    ["<div>\n<!-- a note never closed\n</div>\n", "a comment (<!--) is never closed"],
    [
      '<div class="lead">\n<a title="\n\n" href="javascript:alert(1)">x</a>\n',
      'a tag here is never finished (it has no ">"',
    ],
  ])("refuses %s", (body, message) => {
    expect(check(body).join("\n")).toContain(message);
  });

  it("accepts a comment", () => {
    expect(check("<!-- Updated in March -->\n\nText.\n")).toEqual([]);
  });

  it("places each problem at its own line and column, in a block, a list and a quote", () => {
    const text =
      '---\ntitle: T\n---\n\n<div>\n  <p>One</p>\n  <p data-a="1">Two</p>\n</div>\n\n- An <b data-b="1">item</b>\n\n> <i data-c="1">quoted</i>\n';
    const problems = checkEditorHtml("content/t.md", text, { styledClasses: () => new Set() }).problems.map(
      (problem) => `${problem.line}:${problem.column} ${problem.message.slice(0, 9)}`,
    );
    expect(problems).toEqual(['7:3 data-a="…', '10:6 data-b="…', '12:3 data-c="…']);
  });

  it("reads a page of markdown only without compiling the stylesheet", () => {
    const styledClasses = () => {
      throw new Error("the stylesheet was compiled");
    };
    expect(
      checkEditorHtml("content/t.md", "---\ntitle: T\n---\n\n## Words\n\n<p>Text</p>\n", { styledClasses }),
    ).toEqual({
      problems: [],
      keys: [],
    });
  });

  it("says the same in the same words as the rendered page's rule, and lists every problem with the page's own", () => {
    const lines = check('<img src="https://tracker.example/p.gif">\n');
    expect(lines.map((line) => line.replace(/:\d+: error: .*/, ""))).toEqual([
      "content/page.md:6",
      "content/page.md:6",
    ]);
    expect(lines.join("\n")).toContain("has no alt text");
    expect(lines.join("\n")).toContain("loads a picture from another website (tracker.example)");
    expect(formatProblem).toBeDefined();
  });
});
