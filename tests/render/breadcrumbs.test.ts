import { describe, expect, it } from "vitest";
import { ancestorUrls, breadcrumbs } from "../../src/render/breadcrumbs.js";
import type { PageEntry } from "../../src/core/types.js";

const pages: PageEntry[] = [
  { url: "/", data: { title: "National Leadership Centre", navtitle: "Home" } },
  { url: "/news/", data: { title: "News" } },
  { url: "/news/connecting-our-network-online/", data: { title: "Connecting our network online" } },
  { url: "/research/reports/2020/summary/", data: { title: "Summary" } },
  { url: false, data: { title: "Unwritten" } },
];

describe("breadcrumbs", () => {
  it("lists each ancestor with its title, ending with the current page", () => {
    expect(breadcrumbs(pages, "/news/connecting-our-network-online/")).toEqual([
      { label: "Home", url: "/", current: false },
      { label: "News", url: "/news/", current: false },
      { label: "Connecting our network online", url: "/news/connecting-our-network-online/", current: true },
    ]);
  });

  it("skips ancestor addresses that are not pages", () => {
    expect(breadcrumbs(pages, "/research/reports/2020/summary/").map((crumb) => crumb.url)).toEqual([
      "/",
      "/research/reports/2020/summary/",
    ]);
  });

  it("gives the home page no trail, and copes with nothing to go on", () => {
    expect(breadcrumbs(pages, "/")).toEqual([]);
    expect(breadcrumbs(undefined, "/news/")).toEqual([]);
    expect(breadcrumbs(pages, undefined)).toEqual([]);
    expect(breadcrumbs([], "/news/")).toEqual([]);
    // The 404 page is in no collection, and is served at any address: no trail.
    expect(breadcrumbs(pages, "/404.html")).toEqual([]);
  });

  it("derives ancestors from the address", () => {
    expect(ancestorUrls("/a/b/c/")).toEqual(["/", "/a/", "/a/b/"]);
    expect(ancestorUrls("/404.html")).toEqual(["/"]);
  });
});
