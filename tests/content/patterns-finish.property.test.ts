// Every pattern and parser an editor's text reaches finishes quickly, whatever the text: long near-misses
// (the shape that made the old permalink pattern backtrack for minutes) under a generous time budget, and
// adversarial strings from fast-check, which must give an answer or an editor's message, never a crash.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addressProblem, cleanFileName, cleanPostName, pageAddress, sitePath } from "../../src/core/addresses.js";
import { readFrontMatterBlock } from "../../src/content/front-matter.js";
import { parseYaml, YamlProblem } from "../../src/content/yaml.js";
import { slugify } from "../../src/content/new-page.js";
import { readSettings } from "../../src/core/settings.js";
import { checkPageSource } from "../../src/checks/page-source.js";
import { findEncodingDamage } from "../../src/checks/encoding.js";
import { checkRenderedPages } from "../../src/checks/rendered.js";
import { srcsetUrls } from "../../src/checks/link-check.js";
import { replaceVimeoIframes, videoLine } from "../../src/render/video-embed.js";
import { createMarkdown } from "../../src/render/markdown.js";

const layouts = new Set(["page.njk"]);
const long = 50_000;
/** A string of `size` characters repeating `unit`, then `tail`: matches almost all the way, then fails. */
const nearMiss = (unit: string, tail: string) => unit.repeat(Math.ceil(long / unit.length)) + tail;

/** Every entry point, fed one text. */
const entryPoints: Record<string, (text: string) => unknown> = {
  sitePath: (text) => sitePath.test(text),
  pageAddress: (text) => pageAddress.test(text),
  cleanPostName: (text) => cleanPostName.test(text),
  addressProblem: (text) => addressProblem(text),
  cleanFileName: (text) => cleanFileName(text),
  slugify: (text) => slugify(text),
  siteUrl: (text) => readSettings({ SITE_URL: text }).settings.site.url,
  videoLine: (text) => videoLine(text),
  replaceVimeoIframes: (text) => replaceVimeoIframes(text),
  markdown: (text) => createMarkdown().render(text),
  encoding: (text) => findEncodingDamage(text),
  srcset: (text) => srcsetUrls(text),
  frontMatterBlock: (text) => readFrontMatterBlock(text),
  pageCheck: (text) => checkPageSource({ file: "content/x.md", text }, { layouts }),
  fencedPageCheck: (text) => checkPageSource({ file: "content/x.md", text: `---\ntitle: x\n${text}\n---\n${text}` }, { layouts }),
  renderedCheck: (text) =>
    checkRenderedPages([{ path: "/x/index.html", file: "content/x.md", html: '<main><h1>x</h1><iframe src="/y/"></iframe><img src="/z.png"></main>' }], new Set(["/x/index.html"]), () => text),
  yaml: (text) => {
    try {
      return parseYaml(text);
    } catch (caught) {
      if (caught instanceof YamlProblem) return caught;
      throw caught;
    }
  },
};

const nearMisses = [
  nearMiss("/news/national-leadership-centre-annual-report-2020", "/Launch/"),
  nearMiss("a", "A"),
  nearMiss("a-", "!.md"),
  nearMiss("-", "x"),
  nearMiss("/", "x"),
  nearMiss("a/", "//"),
  nearMiss("<iframe ", "src=x"),
  nearMiss('<iframe src="https://player.vimeo.com/video/1" ', ""),
  nearMiss("[", "](https://vimeo.com/1"),
  `[${nearMiss("x", "")}](https://vimeo.com/1)`,
  nearMiss("https://vimeo.com/1", "x"),
  nearMiss("\n", "x"),
  nearMiss(" \n", "#"),
  nearMiss("date: ", "2020"),
  nearMiss("Ã", "x"),
  nearMiss("*a ", ""),
  nearMiss("a: &a [*a, ", ""),
  nearMiss("- ", "x"),
  nearMiss("{", ""),
  nearMiss("![ ", "x"),
  nearMiss("<img ", "srcx"),
  nearMiss("url ", "x"),
  nearMiss("---\n", "x"),
];

// That no pattern can backtrack super-linearly is proved by construction, by the lint (eslint-plugin-regexp's
// no-super-linear-backtracking and no-super-linear-move, in npm test). These near-misses, long inputs that
// match almost all the way, stay as ordinary cases: each entry point reads them and answers.
describe("patterns and parsers finish", () => {
  it.each(Object.keys(entryPoints))("%s answers long near-misses", (name) => {
    const run = entryPoints[name]!;
    for (const text of nearMisses) expect(() => run(text), `${name} on ${JSON.stringify(text.slice(0, 40))}…`).not.toThrow();
  });

  it.each(Object.keys(entryPoints))("%s answers any string, without throwing", (name) => {
    const run = entryPoints[name]!;
    const adversarial = fc.oneof(
      fc.string({ unit: "binary", maxLength: 400 }),
      fc.array(fc.constantFrom("/", "a", "A", "-", ".", "<iframe ", ">", "</iframe>", "\n", "\t", " ", "*a", "&a", ":", "---", "[", "]", "(", ")", "{{", "%}", "\uFEFF", "\r\n", "__proto__: 1\n"), { maxLength: 200 }).map((parts) => parts.join("")),
    );
    fc.assert(
      fc.property(adversarial, (text) => {
        run(text);
      }),
      { numRuns: 200 },
    );
  });

  it("the fixed permalink pattern still accepts clean addresses and refuses the rest", () => {
    for (const good of ["/", "/news/", "/the-network/index.html", "/404.html", "/a/b.c/d_e/"]) expect(sitePath.test(good), good).toBe(true);
    for (const bad of ["", "news/", "/News/", "/../x/", "/a//b/", "/a b/", "/.hidden/"]) expect(sitePath.test(bad), bad).toBe(false);
    expect(addressProblem("/news/national-leadership-centre-annual-report-2020/Launch/")).toMatch(/\(try \/news\/national-leadership-centre-annual-report-2020\/launch\/\)/);
    expect(addressProblem("/news/launch")).toBe("permalink must end with /: write permalink: /news/launch/");
  });
});
