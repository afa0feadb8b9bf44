// Addresses as a browser reads them: spelling does not matter, what the WHATWG URL parser makes of it does.
import { describe, expect, it } from "vitest";
import {
  cssUrlAddresses,
  judgeAddress,
  refreshAddress,
  shownAddress,
  srcsetAddresses,
} from "../../src/checks/browser-addresses.js";

describe("judging an address", () => {
  it.each([
    ["javascript:alert(1)", "link", "code"],
    ["\u0001javascript:alert(1)", "link", "code"],
    [" \t\njava\tscr\nipt:alert(1) ", "link", "code"],
    ["\u0000javascript:alert(1)", "link", "ok"], // the HTML parser makes U+0000 a U+FFFD: no scheme
    ["VBScript:msgbox(1)", "link", "code"],
    ["data:text/html,<b>x</b>", "link", "data"],
    ["data:image/png;base64,AAAA", "link", "ok"],
    ["data:image/png;base64,AAAA", "images", "data"],
    ["file:///etc/passwd", "link", "scheme"],
    ["mailto:team@example.org", "link", "ok"],
    ["tel:+441234567890", "link", "ok"],
    ["https://www.gov.uk/", "link", "ok"],
    ["/static/img/a.png", "images", "ok"],
    ["#top", "images", "ok"],
    ["https://www.nationalleadership.gov.uk/static/img/a.png", "images", "ok"],
    ["http:tracker.example/p.gif", "images", "tracker.example"],
    ["https:tracker.example/p.gif", "images", "tracker.example"],
    ["/\\tracker.example/p.gif", "images", "tracker.example"],
    ["\\\\tracker.example/p.gif", "images", "tracker.example"],
    ["http:\\\\tracker.example/p.gif", "images", "tracker.example"],
    ["//tracker.example/p.gif", "images", "tracker.example"],
    ["\t//tracker.example/p.gif", "images", "tracker.example"],
    ["/\t/tracker.example/p.gif", "images", "tracker.example"],
    ["https://player.vimeo.com/video/1", "frames", "ok"],
    ["http://player.vimeo.com/video/1", "frames", "player.vimeo.com"],
    ["/contact/", "frames", "www.nationalleadership.gov.uk"],
    ["/moved/", "site", "ok"],
    ["https://evil.example/", "site", "evil.example"],
    ["http://[bad", "images", "ok"], // no browser reads it: nothing is loaded
  ] as const)("%j as %s: %s", (value, use, expected) => {
    const verdict = judgeAddress(value, use);
    const said = verdict.ok ? "ok" : verdict.reason === "elsewhere" ? verdict.host : verdict.reason;
    expect(said).toBe(expected);
  });
});

describe("reading the lists that hold addresses", () => {
  it("reads a srcset by the HTML standard's steps", () => {
    expect(srcsetAddresses("a.png 1x, b.png 2x")).toEqual(["a.png", "b.png"]);
    expect(srcsetAddresses("data:image/png;base64,AAAA 1x")).toEqual(["data:image/png;base64,AAAA"]);
    expect(srcsetAddresses("a.png,https://tracker.example/p.png 2x")).toEqual(["a.png,https://tracker.example/p.png"]);
    expect(srcsetAddresses("a.png,, b.png")).toEqual(["a.png", "b.png"]);
    expect(srcsetAddresses("a.png 1x (x, https://tracker.example/p.png) , b.png")).toEqual(["a.png", "b.png"]);
    expect(srcsetAddresses("\f\ta.png\n2x")).toEqual(["a.png"]);
    expect(srcsetAddresses(" , ,")).toEqual([]);
  });

  it("reads a refresh's address by the HTML standard's steps", () => {
    expect(refreshAddress("0; url=/moved/")).toBe("/moved/");
    expect(refreshAddress("5;URL='https://evil.example/'x")).toBe("https://evil.example/");
    expect(refreshAddress("0,https://evil.example/")).toBe("https://evil.example/");
    expect(refreshAddress(' 1.5 ; url = "a"b')).toBe("a");
    expect(refreshAddress("0; urlx")).toBe("urlx");
    expect(refreshAddress("0")).toBeUndefined();
    expect(refreshAddress("x; url=/y/")).toBeUndefined();
    expect(refreshAddress("0x; url=/y/")).toBeUndefined();
  });

  it("reads url(…) in SVG's presentation attributes", () => {
    expect(cssUrlAddresses("url(#shade)")).toEqual(["#shade"]);
    expect(cssUrlAddresses('URL( "https://tracker.example/f.svg#f" ) red')).toEqual([
      "https://tracker.example/f.svg#f",
    ]);
    expect(cssUrlAddresses("none")).toEqual([]);
  });

  it("shows an address with its invisible characters made visible", () => {
    expect(shownAddress("\u0001java\tscript:x")).toBe("\\u0001java\\tscript:x");
    expect(shownAddress("a".repeat(50))).toBe(`${"a".repeat(40)}…`);
  });
});
