import { describe, expect, it } from "vitest";
import { describeBrokenLinks, findBrokenLinks, readSiteDir } from "../../src/checks/link-check.js";
import { siteDir } from "../support/built-site.js";

describe("links in the built site", () => {
  it("all lead to a page or file, and every #fragment to an element on it", () => {
    const site = readSiteDir(siteDir);
    expect(site.html.size).toBeGreaterThan(0);
    expect(describeBrokenLinks(findBrokenLinks(site))).toBe("");
  });

  it("fails when a page of the built site gains a broken link, naming the page", () => {
    const site = readSiteDir(siteDir);
    // Whichever page comes first: the gate must not depend on which pages the content has.
    const [path, html] = [...site.html].find(([, text]) => text.includes("</main>"))!;
    const [target] = [...site.html.keys()];
    const targetUrl = target!.replace(/index\.html$/, "");
    site.html.set(
      path,
      html.replace(
        "</main>",
        `<a href="/no-such-page/person">Someone</a><a href="${targetUrl}#no-such-section">Nowhere</a></main>`,
      ),
    );
    expect(findBrokenLinks(site).map((link) => `${link.page} ${link.reason}`)).toEqual([
      `${path} no page or file at /no-such-page/person`,
      `${path} no element with id="no-such-section" on ${targetUrl}`,
    ]);
  });
});
