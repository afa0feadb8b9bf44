import { describe, expect, it } from "vitest";
import { onThisPage, slug } from "../../src/render/on-this-page.js";

describe("onThisPage", () => {
  it("gives each h2 an id from its words and lists them in order", () => {
    const { html, headings } = onThisPage(
      '<p>Intro</p>\n<h2>Who we share it with</h2>\n<p>x</p>\n<h2 class="a">Your <em>rights</em></h2>',
    );
    expect(headings).toEqual([
      { id: "who-we-share-it-with", text: "Who we share it with" },
      { id: "your-rights", text: "Your rights" },
    ]);
    expect(html).toContain('<h2 id="who-we-share-it-with">Who we share it with</h2>');
    expect(html).toContain('<h2 id="your-rights" class="a">Your <em>rights</em></h2>');
  });

  it("keeps an id a heading has, and never repeats one the page or the layout uses", () => {
    const { html, headings } = onThisPage(
      '<h2 id="kept">Kept</h2><div id="news"></div><h2>News</h2><h2>News</h2><h2>Main content</h2>',
    );
    expect(headings.map((heading) => heading.id)).toEqual(["kept", "news-2", "news-3", "main-content-2"]);
    expect(html.match(/id="news-2"/g)).toHaveLength(1);
  });

  it("reads words, not markup or entities, and leaves other headings and text alone", () => {
    expect(onThisPage("<h2>Blood &amp; <strong>Transplant</strong>\n ’s</h2>").headings).toEqual([
      { id: "blood-transplant-s", text: "Blood & Transplant ’s" },
    ]);
    expect(slug("NLC’s impact: a new network")).toBe("nlcs-impact-a-new-network");
    expect(slug("★")).toBe("section");
    const body = "<h3>Not listed</h3><p>h2</p>";
    expect(onThisPage(body)).toEqual({ html: body, headings: [] });
    expect(onThisPage(undefined)).toEqual({ html: "", headings: [] });
  });
});
