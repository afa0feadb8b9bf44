// Each attack an editor's account could make through the pages and data files in content/, on a throwaway
// copy of the project with a good site already built (tests/support/attack-site.ts). Each one must be refused
// with a message naming the file, or published harmlessly; nothing may run, be read from the machine, be
// written outside the site, or change content/ or the last good site.
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { snapshot } from "../support/folder-snapshot.js";
import { page } from "../support/fixture-project.js";
import {
  attack,
  command,
  expectRefused,
  goodFields,
  lastGoodSite,
  marker,
  project,
  rememberGoodSite,
  useAttackSite,
  writeMarker,
} from "../support/attack-site.js";

describe("an editor's pages and data files are data: every attack is refused or harmless", () => {
  useAttackSite();

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
    await rememberGoodSite();
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
    await rememberGoodSite();
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
});
