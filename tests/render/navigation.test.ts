import { describe, expect, it } from "vitest";
import { navItems } from "../../src/render/navigation.js";
import type { PageEntry } from "../../src/core/types.js";

const page = (url: string | false, data: PageEntry["data"]): PageEntry => ({ url, data });

describe("navItems", () => {
  it("sorts by order and labels by navtitle, else title", () => {
    const items = navItems([
      page("/contact/", { title: "Contact us", navtitle: "Contact", order: 4 }),
      page("/", { title: "National Leadership Centre", navtitle: "Home", order: 1 }),
      page("/news/", { title: "News", order: 3 }),
    ]);
    expect(items.map((item) => item.label)).toEqual(["Home", "News", "Contact"]);
    expect(items.map((item) => item.url)).toEqual(["/", "/news/", "/contact/"]);
  });

  it("breaks ties by label then address, whatever order the pages arrive in", () => {
    const pages = [
      page("/b/", { title: "Beta", order: 2 }),
      page("/a2/", { title: "Alpha", order: 2 }),
      page("/a1/", { title: "Alpha", order: 2 }),
      page("/first/", { title: "Zulu", order: 1 }),
    ];
    const expected = ["/first/", "/a1/", "/a2/", "/b/"];
    expect(navItems(pages).map((item) => item.url)).toEqual(expected);
    expect(navItems([...pages].reverse()).map((item) => item.url)).toEqual(expected);
  });

  it("puts pages without a usable order last, sorted by label", () => {
    const items = navItems([
      page("/z/", { title: "Zed" }),
      page("/text-order/", { title: "Apple", order: "2" }),
      page("/one/", { title: "One", order: 1 }),
      page("/nan/", { title: "Mango", order: Number.NaN }),
    ]);
    expect(items.map((item) => item.label)).toEqual(["One", "Apple", "Mango", "Zed"]);
  });

  it("copes with missing titles, missing data and pages with no address", () => {
    const items = navItems([
      page("/untitled/", {}),
      { url: "/no-data/" } as unknown as PageEntry,
      page(false, { title: "Not written" }),
      null as unknown as PageEntry,
    ]);
    expect(items.map((item) => item.label)).toEqual(["/no-data/", "/untitled/"]);
    expect(navItems(undefined)).toEqual([]);
  });

  it("marks the current page and the section of a deeper page", () => {
    const pages = [
      page("/", { title: "Home", order: 1 }),
      page("/news/", { title: "News", order: 2 }),
      page("/contact/", { title: "Contact", order: 3 }),
    ];
    const onNews = navItems(pages, "/news/");
    expect(onNews.map((item) => item.current)).toEqual([false, "page", false]);
    const onPost = navItems(pages, "/news/connecting-our-network-online/");
    expect(onPost.map((item) => item.current)).toEqual([false, "true", false]);
    const onHome = navItems(pages, "/");
    expect(onHome.map((item) => item.current)).toEqual(["page", false, false]);
    // Home is nobody's section, and /newsletter/ is not inside /news/.
    expect(navItems(pages, "/newsletter/").map((item) => item.current)).toEqual([false, false, false]);
  });

  it("points an item at another site when a page sets navurl, and marks it external", () => {
    const items = navItems(
      [
        page(false, { title: "Connect", navurl: "https://connect.nationalleadership.gov.uk/", order: 5 }),
        page("/", { title: "Home", order: 1 }),
      ],
      "/",
    );
    expect(items[1]).toEqual({
      label: "Connect",
      url: "https://connect.nationalleadership.gov.uk/",
      external: true,
      current: false,
    });
    expect(items[0]?.external).toBe(false);
  });
});
