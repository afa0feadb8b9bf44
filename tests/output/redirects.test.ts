import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildSite } from "../../src/build/build.js";
import { normaliseAddress, outputFileFor } from "../../src/core/addresses.js";
import { collectRedirects, redirectsFile } from "../../src/output/redirects.js";
import { fixtureProject, fixtureSite, page } from "../support/fixture-project.js";
import { parseRedirectsFile } from "../support/host-files.js";

describe("redirects", () => {
  it("reads every spelling of an old address as one folder path", () => {
    for (const spelling of [
      "/network/",
      "/network",
      "network",
      "network/",
      "/network/index.html",
      " /network/index.htm ",
    ])
      expect(normaliseAddress(spelling)).toBe("/network/");
    expect(normaliseAddress("/old/report.pdf")).toBe("/old/report.pdf");
  });

  it("collects each page's redirect_from, sorted by old address, skipping pages without an address", () => {
    const redirects = collectRedirects([
      { url: "/the-network/", data: { redirect_from: ["/network/", "/peers"] } },
      { url: "/research/", data: { redirect_from: "/evidence/" } },
      { url: false, data: { redirect_from: ["/gone/"] } },
      { url: "/x/", data: { redirect_from: [3, null] } },
    ]);
    expect(redirects).toEqual([
      { from: "/evidence/", to: "/research/" },
      { from: "/network/", to: "/the-network/" },
      { from: "/peers/", to: "/the-network/" },
    ]);
    expect(collectRedirects(undefined)).toEqual([]);
  });

  it("writes a _redirects file Netlify's own parser reads as forced permanent redirects", async () => {
    const text = redirectsFile([
      { from: "/network/", to: "/the-network/" },
      { from: "/old.pdf", to: "/research/" },
    ]);
    expect(await parseRedirectsFile(text)).toEqual([
      { from: "/network/", to: "/the-network/", status: 301, force: true },
      { from: "/old.pdf", to: "/research/", status: 301, force: true },
    ]);
    expect(redirectsFile([])).toBe("");
  });

  it("puts a stub where a host without redirects would look for the old address", () => {
    expect(outputFileFor("/network/")).toBe("/network/index.html");
    expect(outputFileFor("/old.html")).toBe("/old.html");
  });

  it("writes the stubs there in a real build, for old folder and file addresses alike", async () => {
    const project = fixtureProject(fixtureSite("small-site"));
    try {
      project.write(
        "content/moved.md",
        page(
          "title: Moved\nmetadesc: A page that moved, to check that both of its old addresses still lead to it.\nredirect_from:\n  - /old-folder/\n  - /old-page.html",
        ),
      );
      expect((await buildSite({ root: project.root, output: "_site" })).ok).toBe(true);
      for (const stub of ["_site/old-folder/index.html", "_site/old-page.html"]) {
        expect(readFileSync(join(project.root, stub), "utf8")).toMatch(
          /<meta http-equiv="refresh" content="0; ?url=\/moved\/">/,
        );
      }
    } finally {
      project.remove();
    }
  });
});
