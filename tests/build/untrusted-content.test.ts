// Each attack an editor's account could make, through the check (npm run check) and the build (npm run build),
// on a throwaway copy of the project with a good site already built. Each one must be refused with a message
// naming the file, or published harmlessly; nothing may run, be read from the machine, be written outside the
// site, or change content/ or the last good site.
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite, type BuildResult } from "../../src/build/build.js";
import { listSiteFiles } from "../../src/checks/link-check.js";
import { walkFiles } from "../../src/content/trust.js";
import { reservedBy } from "../../src/core/addresses.js";
import { formatProblem } from "../../src/core/problems.js";
import { siteFilesFolder } from "../../src/output/static-files.js";
import { blankPng } from "../support/pictures.js";
import { snapshot } from "../support/folder-snapshot.js";
import { fixtureProject, page, type FixtureProject } from "../support/fixture-project.js";

const run = promisify(execFile);

/** Runs a command in the fixture; its exit code and everything it printed. */
async function command(args: string[], env: Record<string, string> = {}): Promise<{ code: number; output: string }> {
  return run(process.execPath, args, { cwd: project.root, env: { ...process.env, ...env } }).then(
    (done) => ({ code: 0, output: `${done.stdout}${done.stderr}` }),
    (caught: { code: number; stdout: string; stderr: string }) => ({
      code: caught.code,
      output: `${caught.stdout}${caught.stderr}`,
    }),
  );
}

const goodFields = "metadesc: A page made by a test, to check what the build does with an attack in it.";
/** Where an attack that ran would leave its mark: the fixture's parent folder, outside the site. */
let marker: string;
let project: FixtureProject;
let lastGoodSite: Record<string, string>;
let projectFiles: Record<string, string>;

/** JavaScript that, if it ran, would write the marker file. */
const writeMarker = () => `process.getBuiltinModule("fs").writeFileSync(${JSON.stringify(marker)}, "ran")`;

interface Outcome {
  check: BuildResult;
  build: BuildResult;
  lines: string[];
}

/** Writes the attack's files, runs the check and the build, then removes them again. */
async function attack(files: Record<string, string>, setup?: () => void): Promise<Outcome> {
  for (const [path, text] of Object.entries(files)) project.write(path, text);
  setup?.();
  const contentBefore = snapshot(join(project.root, "content"));
  try {
    const check = await buildSite({ root: project.root, write: false });
    const build = await buildSite({ root: project.root, output: "_site" });
    expect(existsSync(marker), "the attack's code ran").toBe(false);
    expect(snapshot(join(project.root, "content")), "content/ changed").toEqual(contentBefore);
    const lines = [...check.problems, ...build.problems].map(formatProblem);
    for (const line of lines) expect(line, "a stack trace in a message").not.toMatch(/\n\s+at |\.ts:\d+:\d+\)/);
    return { check, build, lines };
  } finally {
    for (const path of Object.keys(files)) rmSync(join(project.root, path), { recursive: true, force: true });
  }
}

/** The attack was refused by both, with a message naming `file`, and the last good site is as it was. */
function expectRefused(outcome: Outcome, file: string, message: RegExp): void {
  expect(outcome.check.ok).toBe(false);
  expect(outcome.build.ok).toBe(false);
  expect(outcome.build.changed).toBe(false);
  const named = outcome.lines.filter((line) => line.startsWith(`${file}:`));
  expect(named.join("\n")).toMatch(message);
  expect(snapshot(join(project.root, "_site"))).toEqual(lastGoodSite);
  expect(outsideSite(), "a file written outside the site").toEqual(projectFiles);
}

/** The project's files other than the built site and the build's own caches (`.cache/`, named by hash). */
function outsideSite(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(snapshot(project.root)).filter(
      ([path]) => !path.startsWith("_site/") && !path.startsWith(".cache/"),
    ),
  );
}

describe("an editor's files are data: every attack is refused or harmless", () => {
  beforeAll(async () => {
    project = fixtureProject();
    marker = `${project.root}-ran`;
    const good = await buildSite({ root: project.root, output: "_site" });
    expect(good.problems.map(formatProblem)).toEqual([]);
    lastGoodSite = snapshot(join(project.root, "_site"));
    projectFiles = outsideSite();
  }, 120_000);
  afterAll(() => {
    rmSync(marker, { force: true });
    project.remove();
  });

  it("publishes template code in a page's text as written, code spans included, and runs none of it", async () => {
    const body = [
      `Curly braces: {{ range.constructor('${writeMarker().replaceAll("'", '"')}')() }}`,
      "",
      '{% include ".git/config" %}',
      "",
      "In code: `{{ site.url }}` and `{% raw %}`.",
      "",
    ].join("\n");
    const outcome = await attack({ "content/braces.md": page(`title: Braces\n${goodFields}`, body) });
    expect(outcome.lines).toEqual([]);
    expect(outcome.build.ok).toBe(true);
    const html = readFileSync(join(project.root, "_site", "braces", "index.html"), "utf8");
    expect(html).toContain("{{ range.constructor(");
    expect(html).toContain("{% include &quot;.git/config&quot; %}");
    expect(html).toContain("<code>{{ site.url }}</code>");
    expect(html).toContain("<code>{% raw %}</code>");
    // Put the last good site back for the attacks after this one.
    await attack({}, () => undefined);
    lastGoodSite = snapshot(join(project.root, "_site"));
  }, 120_000);

  it.each([
    ["content/evil.11tydata.js", `${writeMarker()};\nexport default {};\n`],
    ["content/news/news.11tydata.cjs", `${writeMarker()};\nmodule.exports = {};\n`],
    ["content/_data/site.mjs", `${writeMarker()};\nexport default {};\n`],
    ["content/template.njk", `---\ntitle: T\n---\n{{ range.constructor('${writeMarker().replaceAll("'", '"')}')() }}`],
    ["content/page.html", "<p>Hello</p>"],
    ["content/page.liquid", "{{ 'x' }}"],
  ])("refuses %s: content/ holds only .md and .json", async (file, text) => {
    const outcome = await attack({ [file]: text });
    expectRefused(outcome, file, /cannot be used: content\/ holds only pages \(\.md\) and data files \(\.json\)/);
  });

  it.each([
    ["eleventyComputed", `eleventyComputed:\n  permalink: "../../escaped/"`],
    ["pagination", "pagination:\n  data: collections.all\n  size: 1"],
    ["permalink as an object", "permalink:\n  build: /../../escaped/"],
    ["templateEngineOverride", "templateEngineOverride: njk"],
    ["eleventyExcludeFromCollections", "eleventyExcludeFromCollections: true"],
    ["eleventyNavigation", "eleventyNavigation:\n  key: Home"],
    ["a relative permalink", "permalink: ../../escaped/"],
  ])("refuses %s in front matter, before anything renders", async (_name, fields) => {
    const outcome = await attack({ "content/options.md": page(`title: Options\n${goodFields}\n${fields}`) });
    expectRefused(outcome, "content/options.md", /cannot be set in a page|\(permalink\) must be/);
    expect(outcome.lines.join("\n")).not.toMatch(/null|undefined/);
    expect(existsSync(join(project.root, "..", "escaped"))).toBe(false);
  });

  it("refuses JavaScript front matter", async () => {
    const outcome = await attack({ "content/js.md": `---js\n{ title: (${writeMarker()}, "x") }\n---\nText.\n` });
    expectRefused(outcome, "content/js.md", /the first line must be exactly ---/);
  });

  it("refuses a folder data file that sets an address, or Eleventy's options", async () => {
    const outcome = await attack({
      "content/evil/evil.11tydata.json": JSON.stringify({ permalink: "/../../escaped/{{ page.fileSlug }}/" }),
      "content/evil/page.md": page(`title: Evil\n${goodFields}`),
      "content/other/other.11tydata.json": JSON.stringify({ eleventyComputed: { permalink: "../x/" } }),
      "content/other/page.md": page(`title: Other\n${goodFields}`),
    });
    expectRefused(outcome, "content/evil/evil.11tydata.json", /permalink/);
    expect(outcome.lines.join("\n")).toMatch(
      /content\/other\/other\.11tydata\.json:1:1: error: "eleventyComputed" cannot be set/,
    );
  });

  it("refuses an address that takes over a generated file, a static file or another page, redirect_from included", async () => {
    for (const [fields, pattern] of [
      ["permalink: /feed.xml", /kept for the site's own files/],
      ["permalink: /pagefind/pagefind.js", /kept for the site's own files/],
      ["permalink: /static/img/x.html", /kept for the site's own files/],
      ["permalink: /admin/", /kept for the site's own files/],
      ["redirect_from:\n  - /assets/", /kept for the site's own files/],
      ["redirect_from:\n  - /favicon.ico", /kept for the site's own files \(\/favicon\.ico\)/],
      ["redirect_from:\n  - /icon.svg", /kept for the site's own files \(\/icon\.svg\)/],
      ["redirect_from:\n  - /site.webmanifest", /kept for the site's own files \(\/site\.webmanifest\)/],
      ["redirect_from:\n  - /brand/wordmark.svg", /kept for the site's own files \(\/brand\/\)/],
      ["permalink: /brand/", /kept for the site's own files \(\/brand\/\)/],
      [
        "redirect_from:\n  - /contact/",
        /two pages claim the address \/contact\/: content\/takeover\.md \(as an old address in redirect_from\) and content\/contact\.md/,
      ],
      [
        "permalink: /contact/",
        /two pages claim the address \/contact\/: content\/takeover\.md and content\/contact\.md/,
      ],
    ] as const) {
      const outcome = await attack({ "content/takeover.md": page(`title: Takeover\n${goodFields}\n${fields}`) });
      expectRefused(outcome, "content/takeover.md", pattern);
    }
  }, 120_000);

  it("refuses an image outside static/ at its page and line, and never reads it", async () => {
    const outcome = await attack({
      "content/host-image.md": page(
        `title: Host image\n${goodFields}`,
        "Text.\n\n![A picture from the machine](/../../../../usr/share/doc/nodejs/osx_installer_logo.png)\n",
      ),
    });
    expectRefused(
      outcome,
      "content/host-image.md",
      /content\/host-image\.md:8:\d+: error: broken link "\/\.\.\/\.\.\/\.\.\/\.\.\/usr\/share/,
    );
  });

  it("refuses symbolic links in static/ and content/, naming them", async () => {
    const staticLink = await attack({}, () => symlinkSync("/etc/passwd", join(project.root, "static", "passwd.txt")));
    rmSync(join(project.root, "static", "passwd.txt"));
    expectRefused(staticLink, "static/passwd.txt", /is a symbolic link/);

    const outside = `${project.root}-linked`;
    mkdirSync(outside, { recursive: true });
    writeFileSync(
      join(outside, "linked.md"),
      page(`title: Linked\n${goodFields}\ntags:\n  - nav\nnavurl: https://example.com/`),
    );
    const contentLink = await attack({}, () => symlinkSync(outside, join(project.root, "content", "linked")));
    rmSync(join(project.root, "content", "linked"));
    rmSync(outside, { recursive: true, force: true });
    expectRefused(contentLink, "content/linked", /content\/linked is a symbolic link/);
  });

  it("refuses a permalink that used to hang the check, and a YAML alias bomb", async () => {
    const permalink = await attack({
      "content/slow.md": page(
        `title: Slow\n${goodFields}\npermalink: /news/national-leadership-centre-annual-report-2020/Launch/`,
      ),
    });
    expectRefused(
      permalink,
      "content/slow.md",
      /\(permalink\) must be a clean site address.*\(try \/news\/national-leadership-centre-annual-report-2020\/launch\/\)/,
    );
    const bomb = [
      "a: &a [x, x, x, x, x, x, x, x, x]",
      ...Array.from(
        { length: 8 },
        (_, i) =>
          `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9)
            .fill(`*${String.fromCharCode(97 + i)}`)
            .join(", ")}]`,
      ),
    ];
    const aliases = await attack({ "content/bomb.md": page(`title: Bomb\n${goodFields}\n${bomb.join("\n")}`) });
    expectRefused(aliases, "content/bomb.md", /aliases/);
  });

  it("refuses __proto__, constructor and prototype keys with a message", async () => {
    for (const key of ["__proto__", "constructor", "prototype"]) {
      const outcome = await attack({
        "content/proto.md": page(`title: Proto\n${goodFields}\n${key}:\n  polluted: true`),
      });
      expectRefused(outcome, "content/proto.md", new RegExp(`"${key}" cannot be used as a field name`));
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    }
  });

  it("needs a date on a news post, and a file name that makes a clean address", async () => {
    const undated = await attack({ "content/news/posts/undated.md": page(`title: Undated\n${goodFields}`) });
    expectRefused(
      undated,
      "content/news/posts/undated.md",
      /a news post needs a Publication date \(date\): add a line `date: YYYY-MM-DD`/,
    );
    const badName = await attack({
      "content/news/posts/My Big News!.md": page(`title: Big news\n${goodFields}\ndate: 2020-01-02`),
    });
    expectRefused(badName, "content/news/posts/My Big News!.md", /rename the file to my-big-news\.md/);
  });

  it("refuses a tab in front matter in the check exactly as in the build, at its line", async () => {
    const outcome = await attack({ "content/tabbed.md": page(`title: Tabbed\n${goodFields}\ntags:\n\t- footer`) });
    expectRefused(
      outcome,
      "content/tabbed.md",
      /content\/tabbed\.md:5:1: error: line 5 starts with a tab; YAML needs spaces/,
    );
    expect(outcome.check.problems).toEqual(outcome.build.problems);
  });

  it("accepts a page saved with a byte-order mark and CRLF line ends", async () => {
    const text =
      `\uFEFF${page(`title: Windows\n${goodFields}\ntags:\n  - footer\norder: 9`, "Saved on Windows.\n")}`.replaceAll(
        "\n",
        "\r\n",
      );
    const outcome = await attack({ "content/windows.md": text });
    expect(outcome.lines).toEqual([]);
    expect(outcome.build.ok).toBe(true);
    expect(readFileSync(join(project.root, "_site", "windows", "index.html"), "utf8")).toContain("Saved on Windows.");
    await attack({});
    lastGoodSite = snapshot(join(project.root, "_site"));
  }, 120_000);

  it("stops npm run check, npm run build and a bare Eleventy run (the preview's) on a JavaScript data file, naming it, with no stack trace", async () => {
    project.write("content/evil.11tydata.js", `${writeMarker()};\nexport default {};\n`);
    try {
      const check = await command(["--import", "tsx", "src/cli/check.ts"]);
      const build = await command(["--import", "tsx/esm", "src/cli/build.ts"]);
      const eleventy = await command([
        "--import",
        "tsx/esm",
        "node_modules/@11ty/eleventy/cmd.cjs",
        "--config=.eleventy.ts",
        "--output=eleventy-out",
      ]);
      for (const { code, output } of [check, build]) {
        expect(code).toBe(1);
        expect(output).toContain("content/evil.11tydata.js:1:1: error: content/evil.11tydata.js cannot be used");
        expect(output).not.toMatch(/^\s+at /m);
      }
      expect(build.output).toContain("The site in _site/ has not been changed.");
      expect(eleventy.code).not.toBe(0);
      expect(eleventy.output).toContain("content/evil.11tydata.js cannot be used");
      expect(existsSync(marker)).toBe(false);
      expect(existsSync(join(project.root, "eleventy-out"))).toBe(false);
    } finally {
      rmSync(join(project.root, "content", "evil.11tydata.js"));
    }
    expect(snapshot(join(project.root, "_site"))).toEqual(lastGoodSite);
  }, 120_000);

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
    await attack({});
    lastGoodSite = snapshot(join(project.root, "_site"));
  }, 120_000);

  it("refuses NLC_OUTPUT=. from the command line, and the project is all there", async () => {
    const before = outsideSite();
    const build = await command(["--import", "tsx/esm", "src/cli/build.ts"], { NLC_OUTPUT: "." });
    expect(build.code).toBe(1);
    expect(build.output).toMatch(/NLC_OUTPUT:1:1: error: \. holds the project itself/);
    expect(outsideSite()).toEqual(before);
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

  it("every file the build writes or copies, other than a page, is at an address no page or old address can take", () => {
    const files = [...listSiteFiles(join(project.root, "_site"))].filter((file) => !file.endsWith(".html"));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) expect(reservedBy(file), file).toBeDefined();
    for (const file of walkFiles(project.root, siteFilesFolder))
      expect(reservedBy(file.slice(siteFilesFolder.length)), file).toBeDefined();
  });

  it("stops a bare Eleventy run (netlify.toml's build is npm run build; this is Eleventy's own command line) on every rule that refuses content", async () => {
    const eleventy = () =>
      command([
        "--import",
        "tsx/esm",
        "node_modules/@11ty/eleventy/cmd.cjs",
        "--config=.eleventy.ts",
        "--output=eleventy-out",
      ]);
    for (const [file, text, words] of [
      ["content/moved.md", page(`title: Moved\n${goodFields}\nlayout: redirect`), "cannot be a page's layout"],
      ["static/documents/report.js", "alert(1)", "static/documents/report.js cannot be published"],
      [
        "content/long.md",
        page(`title: Long\n${goodFields}`, "Words.\n\n".repeat(90_000)),
        "a page or data file can be at most 500 KB",
      ],
    ] as const) {
      project.write(file, text);
      try {
        const { code, output } = await eleventy();
        expect(code, file).not.toBe(0);
        expect(output).toContain(words);
        expect(output).not.toMatch(/^\s+at /m);
      } finally {
        rmSync(join(project.root, file));
        rmSync(join(project.root, "eleventy-out"), { recursive: true, force: true });
      }
    }
  }, 180_000);

  it.each([
    ["SITE_URL", "https://example.org/{{ range.constructor('return 1')() }}"],
    ["SITE_URL", "https://example.org\nDisallow: /"],
    ["SITE_URL", "not a web address"],
    ["SITE_URL", "http://example.org"],
    ["NLC_ANALYTICS_ID", "UA-12345-1"],
    ["NLC_ANALYTICS_ID", "G-ABC123');alert(1);//"],
  ])(
    "refuses %s=%j with one line naming it, in the check, the build and bare Eleventy, and runs nothing",
    async (name, value) => {
      const env = { [name]: value };
      const check = await command(["--import", "tsx", "src/cli/check.ts"], env);
      const build = await command(["--import", "tsx/esm", "src/cli/build.ts"], env);
      for (const { code, output } of [check, build]) {
        expect(code).toBe(1);
        const lines = output.split("\n").filter((line) => line.includes(name));
        expect(lines).toEqual([expect.stringMatching(new RegExp(`^${name}:1:1: error: ${name} must be `))]);
        expect(output).not.toMatch(/^\s+at /m);
      }
      const eleventy = await command(
        [
          "--import",
          "tsx/esm",
          "node_modules/@11ty/eleventy/cmd.cjs",
          "--config=.eleventy.ts",
          "--output=eleventy-out",
        ],
        env,
      );
      expect(eleventy.code).not.toBe(0);
      expect(eleventy.output.split("\n").filter((line) => line.includes(`${name} must be`))).toHaveLength(1);
      expect(eleventy.output).not.toMatch(/^\S*\s+at /m);
      expect(existsSync(join(project.root, "eleventy-out"))).toBe(false);
      expect(snapshot(join(project.root, "_site"))).toEqual(lastGoodSite);
    },
    120_000,
  );

  it("places no setting in a generated file but in the shape it was checked to have", async () => {
    const site = `${project.root}-settings`;
    try {
      // As a deploy runs it: the settings in the environment of npm run build.
      const built = await command(["--import", "tsx/esm", "src/cli/build.ts"], {
        SITE_URL: "https://staging.example.org/",
        NLC_ANALYTICS_ID: "G-AB12CD34EF",
        NLC_OUTPUT: site,
      });
      expect(built.code, built.output).toBe(0);
      expect(readFileSync(join(site, "robots.txt"), "utf8")).toBe(
        "User-agent: *\nAllow: /\n\nSitemap: https://staging.example.org/sitemap.xml\n",
      );
      const domains = readFileSync(join(site, "_redirects"), "utf8")
        .split("\n")
        .filter((line) => line.startsWith("https://"));
      for (const line of domains)
        expect(line).toMatch(/^https:\/\/[a-z0-9.-]+\/\* https:\/\/staging\.example\.org\/:splat 301!$/);
      expect(readFileSync(join(site, "_headers"), "utf8")).toContain("googletagmanager.com");
      // The editor's configuration is JSON (so YAML), written by a serializer: the address is a value, never markup.
      const config = readFileSync(join(site, "admin", "config.yml"), "utf8");
      expect(JSON.parse(config.slice(config.indexOf("{")))).toMatchObject({ site_url: "https://staging.example.org" });
    } finally {
      rmSync(site, { recursive: true, force: true });
    }
  }, 120_000);

  it("refuses an NLC_OUTPUT that leads into the project through a link (/proc/self/cwd), even with a build's marker committed there", async () => {
    const cwd = existsSync("/proc/self/cwd") ? "/proc/self/cwd" : undefined;
    const link = `${project.root}-link`;
    symlinkSync(project.root, link, "dir");
    const marker = join(project.root, "static", "img", ".nlc-build");
    writeFileSync(marker, "This folder is a build of the NLC website.\n");
    try {
      const before = outsideSite();
      for (const output of [
        ...(cwd ? [`${cwd}/.git/refs/tags`, `${cwd}/static/img`] : []),
        `${link}/.git/refs/tags`,
        `${link}/static/img`,
        link,
      ]) {
        mkdirSync(join(project.root, ".git", "refs", "tags"), { recursive: true });
        const build = await command(["--import", "tsx/esm", "src/cli/build.ts"], { NLC_OUTPUT: output });
        expect(build.code, output).toBe(1);
        expect(build.output).toMatch(
          /NLC_OUTPUT:1:1: error: .*(inside the project's (\.git|static)\/ folder|holds the project itself)/,
        );
        expect(outsideSite()).toEqual(before);
      }
    } finally {
      rmSync(link, { force: true });
      rmSync(marker, { force: true });
      rmSync(join(project.root, ".git"), { recursive: true, force: true });
    }
  }, 180_000);
});
