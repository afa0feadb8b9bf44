import { parse } from "node-html-parser";
import { describe, expect, it } from "vitest";
import { isHtmlOutput, minifyHtml } from "../../src/output/minify-html.js";

describe("minifyHtml", () => {
  it("makes pages smaller without changing what they say or link to", async () => {
    const html = `<!doctype html>\n<html lang="en-GB">\n  <head>\n    <!-- a note -->\n    <title>Page</title>\n    <script type="application/ld+json">{"@type": "Organization"}</script>\n  </head>\n  <body>\n    <p>Two <a href="/a/">linked</a> <strong>words</strong>   here.</p>\n    <pre>  kept\n  as is</pre>\n  </body>\n</html>\n`;
    const small = await minifyHtml(html);
    expect(small.length).toBeLessThan(html.length);
    expect(small).not.toContain("a note");
    const page = parse(small);
    expect(page.querySelector("p")?.text).toBe("Two linked words here.");
    expect(page.querySelector("pre")?.text).toBe("  kept\n  as is");
    expect(JSON.parse(page.querySelector("script")?.text ?? "")).toEqual({ "@type": "Organization" });
    expect(await minifyHtml(html)).toBe(small);
  });

  it("applies to HTML pages only", () => {
    expect(isHtmlOutput("_site/news/index.html")).toBe(true);
    expect(isHtmlOutput("_site/feed.xml")).toBe(false);
    expect(isHtmlOutput(false)).toBe(false);
  });
});
