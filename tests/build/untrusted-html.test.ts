// Each attack an editor's account could make through the HTML in a page and the files in static/, on a
// throwaway copy of the project with a good site already built (tests/support/attack-site.ts).
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { blankPng } from "../support/pictures.js";
import { page } from "../support/fixture-project.js";
import {
  attack,
  expectRefused,
  goodFields,
  project,
  rememberGoodSite,
  useAttackSite,
  type Outcome,
} from "../support/attack-site.js";

describe("an editor's HTML and uploads are data: every attack is refused or harmless", () => {
  useAttackSite();

  describe("the raw-HTML policy reads a page as a browser does: every way past the old deny-list", () => {
    /** [input class, file, its text, what the line naming it says]. */
    const attacks: Array<[string, string, string, RegExp]> = [
      [
        "a scheme hidden with a character reference",
        "content/attack-reference.md",
        '<a href="jav&#x09;ascript:alert(1)">Open</a>\n',
        /:6:1: error: href="jav\\tascript:alert\(1\)" on <a> is a javascript: address, which runs code/,
      ],
      [
        "a scheme behind a control character",
        "content/attack-control.md",
        '<a href="&#1;javascript:alert(1)">Open</a>\n',
        /:6:1: error: href="\\u0001javascript:alert\(1\)" on <a> is a javascript: address/,
      ],
      [
        "a host after http: with no slashes",
        "content/attack-no-slashes.md",
        'A dot: <img src="http:tracker.example/p.gif" alt="A dot">\n',
        /:6:8: error: <img> loads a picture from another website \(tracker\.example\)/,
      ],
      [
        "a host after a slash and a backslash",
        "content/attack-backslash.md",
        '<img src="/\\tracker.example/p.gif" alt="A dot">\n',
        /:6:1: error: <img> loads a picture from another website \(tracker\.example\)/,
      ],
      [
        "a host after http: and two backslashes",
        "content/attack-backslashes.md",
        '<img src="http:\\\\tracker.example/p.gif" alt="A dot">\n',
        /:6:1: error: <img> loads a picture from another website \(tracker\.example\)/,
      ],
      [
        "a link's ping",
        "content/attack-ping.md",
        '<a href="/contact/" ping="https://tracker.example/p">Contact us</a>\n',
        /:6:1: error: <a> contacts another website \(tracker\.example\)/,
      ],
      [
        "a preconnection",
        "content/attack-preconnect.md",
        '<link rel="preconnect" href="https://tracker.example">\n',
        /:6:1: error: <link> contacts another website \(tracker\.example\)/,
      ],
      [
        "an SVG picture",
        "content/attack-svg-image.md",
        '<svg><image href="https://tracker.example/p.png"></image></svg>\n',
        /:6:6: error: <image> loads a picture from another website \(tracker\.example\)/,
      ],
      [
        "an SVG filter's picture",
        "content/attack-feimage.md",
        '<svg><filter id="f"><feImage href="https://tracker.example/f.png"/></filter></svg>\n',
        /:6:\d+: error: <feimage> loads a picture from another website \(tracker\.example\)/,
      ],
      [
        "an SVG animation that sets a link to javascript:",
        "content/attack-animate.md",
        '<svg><a><animate attributeName="href" values="javascript:alert(1)"/><text>Go</text></a></svg>\n',
        /:6:\d+: error: values="javascript:alert\(1\)" on <animate> is a javascript: address/,
      ],
      [
        "a refresh inside <noscript>",
        "content/attack-noscript.md",
        '<noscript><meta http-equiv="refresh" content="0;url=https://evil.example/"></noscript>\n',
        /:6:11: error: <meta http-equiv="refresh"> in a page can send visitors elsewhere/,
      ],
      [
        "a refresh after a CDATA section",
        "content/attack-cdata.md",
        '<![CDATA[><meta http-equiv="refresh" content="0;url=https://evil.example/">]]>\n',
        /:6:1: error: a <!\[CDATA\[ section is read by browsers as a comment that ends at its first ">"/,
      ],
      [
        "the player's data-video-src",
        "content/attack-video-src.md",
        '<p><button type="button" data-video-src="https://evil.example/x">Play</button></p>\n',
        /:6:4: error: the video button on <button> would open a frame from evil\.example/,
      ],
      [
        "a Vimeo frame inside a sentence",
        "content/attack-inline-vimeo.md",
        'Watch <iframe src="https://player.vimeo.com/video/1" title="Our film"></iframe> now.\n',
        /:6:7: error: <iframe> shows a frame from another website \(player\.vimeo\.com\) as the page loads/,
      ],
    ];
    /** [input class, file, its front matter, what the line naming it says]. */
    const fields: Array<[string, string, string, RegExp]> = [
      [
        "a card's link behind a control character",
        "content/attack-card.md",
        'layout: home.njk\nstrandsHeading: Our work\nstrands:\n  - title: Evil\n    url: "\\u0001javascript:alert(1)"\n    text: A card.',
        /:8:1: error: strands item 1 \("Evil"\): url "\\u0001javascript:alert\(1\)" is a javascript: address, which runs code/,
      ],
      [
        "a banner picture from another host",
        "content/attack-hero.md",
        "layout: primary.njk\nimage: https://tracker.example/hero.jpg\nimage_alt: A view",
        /:5:1: error: image "https:\/\/tracker\.example\/hero\.jpg" loads a picture from another website \(tracker\.example\)/,
      ],
    ];
    let outcome: Outcome;
    beforeAll(async () => {
      outcome = await attack(
        Object.fromEntries([
          ...attacks.map(([, file, body]) => [file, page(`title: Attack\n${goodFields}`, body)]),
          ...fields.map(([, file, front]) => [file, page(`title: Attack\n${goodFields}\n${front}`)]),
        ]),
      );
    }, 120_000);

    it.each([...attacks, ...fields])(
      "%s: refused by the check and the build, at its line, once",
      (_what, file, _text, message) => {
        expectRefused(outcome, file, message);
        // Said once by each of the check and the build: the rendered page's rule does not repeat the editor's line.
        const named = outcome.lines.filter((line) => line.startsWith(`${file}:`) && message.test(line));
        expect(named, outcome.lines.filter((line) => line.startsWith(`${file}:`)).join("\n")).toHaveLength(2);
      },
    );
  });

  it("publishes a Vimeo video as the player, which loads nothing from Vimeo until pressed", async () => {
    const outcome = await attack({
      "content/videos.md": page(
        `title: Videos\n${goodFields}`,
        '<iframe src="https://player.vimeo.com/video/1" title="Our film" frameborder="0" allowfullscreen></iframe>\n\n[Another film](https://vimeo.com/2)\n',
      ),
    });
    expect(outcome.lines.filter((line) => line.includes(": error: "))).toEqual([]);
    const html = readFileSync(join(project.root, "_site", "videos", "index.html"), "utf8");
    expect(html).not.toMatch(/<iframe/i);
    expect(html).toContain('data-video-src="https://player.vimeo.com/video/1?dnt=1"');
    expect(html).toContain('data-video-src="https://player.vimeo.com/video/2?dnt=1"');
    await rememberGoodSite();
  }, 120_000);

  it.each([
    ["static/documents/report.js", "fetch('/admin/')", /a \.js file could run code on the site's own address/],
    ["static/documents/report.html", "<script>alert(1)</script>", /a \.html file could run code/],
    ["static/documents/style.css", "body { color: red }", /a \.css file could run code/],
    [
      "static/img/chart.svg",
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
      /<script> element/,
    ],
    [
      "static/img/logo.svg",
      '<svg xmlns="http://www.w3.org/2000/svg"><rect onload="alert(1)"/></svg>',
      /event attribute/,
    ],
    [
      "static/img/pixel.svg",
      '<svg xmlns="http://www.w3.org/2000/svg"><image href="https://tracker.example/p.gif"/></svg>',
      /outside the picture/,
    ],
    ["static/root/admin/index.html", "<p>Not the editor</p>", /the site's root is kept for the site's own files/],
    ["static/root/assets/evil.js", "alert(1)", /the site's root is kept for the site's own files/],
    ["static/root/favicon.ico", "not an icon", /the site's root is kept for the site's own files/],
    [
      "static/img/_headers",
      "/*\n  Content-Security-Policy: none",
      /named like a file the build writes for the web host \(_headers\)/,
    ],
    [
      "static/documents/_redirects",
      "/* https://evil.example 200",
      /named like a file the build writes for the web host \(_redirects\)/,
    ],
  ])("refuses %s in static/, naming it, and publishes nothing of it", async (file, text, message) => {
    const outcome = await attack({ [file]: text });
    expectRefused(outcome, file, message);
  });

  it("refuses a picture over the pixel limit and a decompression bomb, naming the picture, not the page that shows it", async () => {
    const outcome = await attack(
      {
        "static/img/bomb.png": "",
        "static/img/huge.png": "",
        "content/pictures.md": page(
          `title: Pictures\n${goodFields}`,
          "![A bomb](/static/img/bomb.png)\n\n![A large picture](/static/img/huge.png)\n",
        ),
      },
      () => {
        writeFileSync(join(project.root, "static/img/bomb.png"), blankPng(30_000, 30_000));
        writeFileSync(join(project.root, "static/img/huge.png"), blankPng(8_000, 8_000));
      },
    );
    expectRefused(
      outcome,
      "static/img/bomb.png",
      /bomb\.png is 30,000 × 30,000 pixels \(900 megapixels\); a picture can have at most 40 megapixels/,
    );
    expectRefused(outcome, "static/img/huge.png", /huge\.png is 8,000 × 8,000 pixels \(64 megapixels\)/);
    expect(outcome.lines.filter((line) => line.startsWith("content/pictures.md:"))).toEqual([]);
  }, 120_000);

  it("refuses, unread, a page over the size limit, and a page with thousands of old addresses, before anything renders", async () => {
    const long = await attack({
      "content/long.md": page(`title: Long\n${goodFields}`, "A sentence of words.\n\n".repeat(30_000)),
    });
    expectRefused(long, "content/long.md", /content\/long\.md is \d+ KB; a page or data file can be at most 500 KB/);
    expect(long.check.pages).toBe(0);
    const redirects = Array.from({ length: 5_000 }, (_, i) => `  - /old-${i}/`).join("\n");
    const moved = await attack({
      "content/moved.md": page(`title: Moved\n${goodFields}\nredirect_from:\n${redirects}`),
    });
    expectRefused(moved, "content/moved.md", /redirect_from lists 5,000 old addresses; a page can list at most 100/);
    expect(moved.check.pages).toBe(0);
  }, 120_000);

  it("refuses a page with more headings or links than a page may have, naming the page", async () => {
    const outcome = await attack({
      "content/crowded.md": page(`title: Crowded\n${goodFields}`, "## Part\n\n[Contact](/contact/)\n\n".repeat(600)),
    });
    expectRefused(outcome, "content/crowded.md", /the page has [\d,]+ headings; a page can have at most 500/);
  }, 120_000);

  it.each(["redirect", "layouts/redirect.njk", "base"])(
    "refuses layout: %s, the site's own, in the check and the build",
    async (layout) => {
      const outcome = await attack({ "content/moved.md": page(`title: Moved\n${goodFields}\nlayout: ${layout}`) });
      expectRefused(
        outcome,
        "content/moved.md",
        /is the site's own \(it frames or redirects other pages\) and cannot be a page's layout/,
      );
    },
  );
});
