// Front-matter fields the layouts make into addresses are judged as the page will use them: a card's link
// cannot run code, a banner picture cannot come from another host. Every field of the schema is placed.
import { describe, expect, it } from "vitest";
import {
  checkFrontMatterAddresses,
  fieldAddresses,
  notAddressFields,
} from "../../src/checks/front-matter-addresses.js";
import { readFrontMatterBlock } from "../../src/content/front-matter.js";
import { knownFields } from "../../src/content/schema.js";
import { formatProblem } from "../../src/core/problems.js";

function check(fields: string): string[] {
  const text = `---\ntitle: A page\n${fields}\n---\n\nText.\n`;
  const data = readFrontMatterBlock(text).data ?? {};
  return checkFrontMatterAddresses("content/page.md", text, data).problems.map(formatProblem);
}

describe("front-matter addresses", () => {
  it("places every field of the schema: an address judged here, or not one", () => {
    const placed = new Set<string>([...Object.keys(fieldAddresses), ...notAddressFields]);
    expect(knownFields.filter((field) => !placed.has(field))).toEqual([]);
  });

  it("passes the site's own pictures and pages, and links to other websites", () => {
    expect(
      check(
        "image: /static/img/forum.jpg\nimage_alt: Leaders\nnavurl: https://connect.example.org/\nstrands:\n  - title: One\n    url: /our-programme/\n    text: a\n  - title: Two\n    url: https://www.gov.uk/\n    text: b",
      ),
    ).toEqual([]);
  });

  it.each([
    [
      "image: https://tracker.example/p.gif",
      /^content\/page\.md:3:1: error: image "https:\/\/tracker\.example\/p\.gif" loads a picture from another website \(tracker\.example\).*save the picture in static\/img\//,
    ],
    ["image: //tracker.example/p.gif", /image ".*" loads a picture from another website \(tracker\.example\)/],
    ["image: 'http:\\\\tracker.example/p.gif'", /loads a picture from another website \(tracker\.example\)/],
    [
      "image: data:image/png;base64,AAAA",
      /^content\/page\.md:3:1: error: image "data:image\/png;base64,AAAA" is an address that carries a whole file \(data:\)/,
    ],
    ["image: javascript:alert(1)", /is a javascript: address, which runs code/],
  ])("refuses %s at its line, with the fix", (fields, message) => {
    expect(check(fields)).toEqual([expect.stringMatching(message)]);
  });

  it("refuses a card's link that runs code, behind a control character, at the line of its url", () => {
    expect(
      check(
        'strands:\n  - title: One\n    url: /one/\n    text: a\n  - title: Two\n    url: "\\u0001javascript:alert(1)"\n    text: b',
      ),
    ).toEqual([
      'content/page.md:8:1: error: strands item 2 ("Two"): url "\\u0001javascript:alert(1)" is a javascript: address, which runs code: write a page\'s address, such as /our-programme/, or a full web address starting with https://',
    ]);
  });

  it("leaves a navurl the schema refuses to the schema's own message", () => {
    expect(check("navurl: javascript:alert(1)")).toEqual([]);
  });
});
