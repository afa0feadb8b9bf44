// HTML validity in `npm run check`: html-validate's findings as editors' sentences at the source line.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkHtmlValidity, explain } from "../../src/checks/html-validity.js";
import { formatProblem } from "../../src/core/problems.js";
import { readHtmlValidateConfig } from "../../src/checks/html-validity.js";
import { fixturePage } from "../support/rendered-fixture.js";

const config = readHtmlValidateConfig(join(import.meta.dirname, "..", "..", ".htmlvalidate.json"));

async function validity(body: string): Promise<string[]> {
  const { page, source } = fixturePage("page", body);
  return (await checkHtmlValidity([page], config, (file) => (file === page.file ? source : undefined))).map(
    formatProblem,
  );
}

describe("HTML validity for editors", () => {
  it("passes valid content", async () => {
    expect(
      await validity("## Members\n\nText with [a link](/x/) and **bold**.\n\n| A | B |\n| --- | --- |\n| 1 | 2 |\n"),
    ).toEqual([]);
  });

  it("names a pasted embed's out-of-date attribute at its line, with the fix", async () => {
    expect(
      await validity(
        'Our film:\n\nWatch it here: <iframe src="https://player.vimeo.com/video/1" title="Our film" frameborder="0" allowfullscreen></iframe>\n',
      ),
    ).toEqual([
      'content/page.md:8:16: error: the attribute frameborder="…" on <iframe> is out of date and does nothing in today\'s browsers: remove it (embeds pasted from other sites often carry it)',
    ]);
  });

  it("names an element where it cannot go", async () => {
    const problems = await validity("<ul>\n<div>Item</div>\n</ul>\n");
    expect(problems).toEqual([
      expect.stringMatching(
        /^content\/page\.md:7:1: error: the HTML puts elements where they cannot go \(<div> element is not permitted as content under <ul>\): move or remove the tag/,
      ),
    ]);
  });

  it("names a duplicate id at the second one", async () => {
    expect(await validity('<p id="join">One</p>\n\n<p id="join">Two</p>\n')).toEqual([
      expect.stringMatching(/^content\/page\.md:6:1: error: the id "join" is used twice on this page/),
    ]);
  });

  it("leaves to the page scanner what it already says in its own words (heading levels, alt text, link text)", async () => {
    expect(await validity('## A\n\n#### B\n\n<img src="/a.png">\n\n<a href="/x/"></a>\n')).toEqual([]);
  });

  it("never shows a rule id alone: every rule gets a sentence, unknown ones with html-validate's words", () => {
    for (const rule of [
      "element-permitted-content",
      "no-deprecated-attr",
      "deprecated",
      "close-order",
      "no-raw-characters",
      "text-content",
      "input-missing-label",
      "some-new-rule",
    ]) {
      const sentence = explain({
        page: "/x/",
        line: 1,
        column: 1,
        rule,
        message: 'Attribute "frameborder" is deprecated on <iframe> element',
      });
      expect(sentence.length, rule).toBeGreaterThan(30);
      expect(sentence, rule).toMatch(/: /);
    }
    expect(explain({ page: "/x/", line: 1, column: 1, rule: "some-new-rule", message: "Something is wrong" })).toMatch(
      /^the HTML here is not valid: Something is wrong\. Correct it/,
    );
  });
});

describe("a title too long for search results", () => {
  it("is placed at the title: line of the front matter", async () => {
    const { page, source } = fixturePage("page", "Text.\n");
    const long = "A very long page title that goes on and on about leadership across the whole public service";
    page.html = page.html.replace("<title>A page</title>", `<title>${long} | National Leadership Centre</title>`);
    const problems = (
      await checkHtmlValidity([page], config, () => source.replace("title: A page", `title: ${long}`))
    ).map(formatProblem);
    expect(problems).toEqual([
      expect.stringMatching(
        /^content\/page\.md:2:1: error: the page's title, with the site's name after it, is too long .*shorten the title: line in the front matter$/,
      ),
    ]);
  });
});
