// Videos as editors write them: a Vimeo address on a line of its own (or a link to one), or the embed code from
// Vimeo's share dialog. Each becomes the click-to-load player, which requests nothing from Vimeo until pressed.
import { parse } from "node-html-parser";
import { describe, expect, it } from "vitest";
import { createMarkdown } from "../../src/render/markdown.js";

const render = (markdown: string) => parse(createMarkdown().render(markdown));

function expectPlayer(html: ReturnType<typeof parse>, id: string, title: string): void {
  expect(html.querySelectorAll("iframe")).toHaveLength(0);
  const play = html.querySelector("[data-video-src]");
  expect(play?.getAttribute("data-video-src")).toBe(`https://player.vimeo.com/video/${id}?dnt=1`);
  expect(play?.getAttribute("data-video-title")).toBe(title);
  expect(html.querySelector(".video__link")?.getAttribute("href")).toBe(`https://vimeo.com/${id}`);
}

describe("videos in markdown", () => {
  it("turns a link to a Vimeo video, alone on its line, into the player titled with the link's text", () => {
    expectPlayer(
      render("Before.\n\n[Forum 2020: delegates’ experiences](https://vimeo.com/389775874)\n\nAfter.\n"),
      "389775874",
      "Forum 2020: delegates’ experiences",
    );
  });

  it("turns a bare Vimeo address on its own line into the player", () => {
    expectPlayer(render("https://vimeo.com/389775874\n"), "389775874", "Video");
  });

  it("turns the share dialog's embed into the same player, inside an HTML block or on its own", () => {
    const seed =
      '<div class="column">\n<div class="embed-container">\n<iframe src="https://player.vimeo.com/video/389775874" frameborder="0" allow="autoplay; fullscreen" allowfullscreen></iframe>\n</div>\n</div>\n';
    expectPlayer(render(seed), "389775874", "Video");
    expectPlayer(
      render(
        '<iframe src="https://player.vimeo.com/video/42?h=abc&amp;badge=0" title="Our film" width="640"></iframe>\n',
      ),
      "42",
      "Our film",
    );
  });

  it("leaves a Vimeo link inside a sentence, and other sites' frames, as they are", () => {
    const sentence = render("Watch [our film](https://vimeo.com/1) on Vimeo.\n");
    expect(sentence.querySelector("[data-video-src]")).toBeNull();
    expect(sentence.querySelector("a")?.getAttribute("href")).toBe("https://vimeo.com/1");
    const other = render('<iframe src="https://example.com/video/1"></iframe>\n');
    expect(other.querySelector("iframe")?.getAttribute("src")).toBe("https://example.com/video/1");
  });

  it("escapes a title that holds markup", () => {
    const html = createMarkdown().render('[<img src=x onerror=alert(1)>"](https://vimeo.com/5)\n');
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;&quot;");
  });

  it("shows template tags in the text as written", () => {
    const html = createMarkdown().render('{{ 1 + 1 }} and `{% include "x" %}`\n');
    expect(html).toContain("{{ 1 + 1 }}");
    expect(html).toContain("<code>{% include &quot;x&quot; %}</code>");
  });
});
