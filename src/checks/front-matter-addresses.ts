// Front-matter fields that the layouts turn into addresses: each goes through the same rule as an address
// in a page's HTML (browser-addresses.ts, read as a browser reads it), so a card's link cannot run code and a
// banner picture cannot come from another host. The page's own address and its old addresses are the
// address module's (src/core/addresses.ts, checked in page-source.ts).
import { frontMatterSchema } from "../content/schema.js";
import { error, type Problem } from "../core/problems.js";
import { allowedHosts, type AllowedHosts } from "../output/allowed-hosts.js";
import { judgeAddress, shownAddress, type AddressUse, type Verdict } from "./browser-addresses.js";
import { fieldLine } from "./page-source.js";
import { elementPolicyKey } from "./scan-rules/raw-html-policy.js";

/**
 * What each front-matter field becomes in the layouts: an address (and as
 * what), or not an address at all. Every field of the schema is here, so a
 * new field is a decision (tests/checks/front-matter-addresses.test.ts).
 */
export const fieldAddresses = {
  /** A nav item's link (layouts/partials/nav.njk, aside.njk). */
  navurl: { use: "link", element: "a", attribute: "href" },
  /** The banner's picture (layouts/partials/hero.njk). */
  image: { use: "images", element: "img", attribute: "src" },
  /** Each home-page card's link (layouts/home.njk). */
  strands: { use: "link", element: "a", attribute: "href" },
} as const satisfies Record<string, { use: AddressUse; element: string; attribute: string }>;

/** Fields that are addresses checked elsewhere (permalink, redirect_from: src/core/addresses.ts), or no address at all. */
export const notAddressFields = [
  "title",
  "navtitle",
  "metadesc",
  "leader",
  "subtitle",
  "subtitle_imagery",
  "order",
  "tags",
  "permalink",
  "layout",
  "date",
  "draft",
  "last_reviewed",
  "redirect_from",
  "image_alt",
  "primary",
  "strandsHeading",
] as const;

type Field = keyof typeof fieldAddresses;

function refusal(field: string, value: string, use: AddressUse, verdict: Exclude<Verdict, { ok: true }>): string {
  const written = `"${shownAddress(value, 60)}"`;
  const fix =
    use === "link"
      ? "write a page's address, such as /our-programme/, or a full web address starting with https://"
      : "save the picture in static/img/ and write its address, such as /static/img/forum.jpg";
  if (verdict.reason === "elsewhere")
    return `${field} ${written} loads a picture from another website (${verdict.host}), which the site's security policy blocks and which would contact that site before visitors agree to it: ${fix}`;
  const what =
    verdict.reason === "code"
      ? `a ${verdict.scheme}: address, which runs code`
      : verdict.reason === "data"
        ? "an address that carries a whole file (data:)"
        : `a ${verdict.scheme}: address, which a page cannot use`;
  return `${field} ${written} is ${what}: ${fix}`;
}

/** The line of the n-th `url:` under a list field (strands), else the field's own line. */
function itemLine(text: string, field: string, key: string, index: number): number {
  const lines = text.split("\n");
  const first = fieldLine(text, field);
  const keyLine = new RegExp(`^[ \\t]*(?:-[ \\t]+)?${key}[ \\t]*:`);
  let seen = -1;
  // The lines under the field (first is its line from 1, so the index of the next).
  for (let i = first; i < lines.length && !/^---\s*$/.test(lines[i] ?? ""); i++) {
    const line = lines[i] ?? "";
    if (/^\S/.test(line)) break;
    if (keyLine.test(line) && ++seen === index) return i + 1;
  }
  return first;
}

export interface FrontMatterAddressCheck {
  problems: Problem[];
  /** The policy's keys for what was refused, so the rendered page's check does not say it again. */
  keys: string[];
}

/** Every address a file's front matter (or a folder's data file) sets, judged as the page will use it. */
export function checkFrontMatterAddresses(
  file: string,
  text: string,
  data: Record<string, unknown>,
  hosts: AllowedHosts = allowedHosts,
): FrontMatterAddressCheck {
  const found: FrontMatterAddressCheck = { problems: [], keys: [] };
  const judge = (field: Field, label: string, value: unknown, line: number) => {
    if (typeof value !== "string") return;
    const { use, element, attribute } = fieldAddresses[field];
    const verdict = judgeAddress(value, use, "/", hosts);
    if (verdict.ok) return;
    found.problems.push(error(file, line, 1, refusal(label, value, use, verdict)));
    found.keys.push(elementPolicyKey(element, attribute, verdict));
  };
  // A navurl the schema refuses is told by the schema's own message.
  if (frontMatterSchema.shape.navurl.safeParse(data.navurl).success)
    judge("navurl", "navurl", data.navurl, fieldLine(text, "navurl"));
  judge("image", "image", data.image, fieldLine(text, "image"));
  if (Array.isArray(data.strands)) {
    data.strands.forEach((strand: unknown, index) => {
      if (strand === null || typeof strand !== "object") return;
      const { url, title } = strand as { url?: unknown; title?: unknown };
      const name = typeof title === "string" && title.trim() ? ` ("${title.trim().slice(0, 40)}")` : "";
      judge("strands", `strands item ${index + 1}${name}: url`, url, itemLine(text, "strands", "url", index));
    });
  }
  return found;
}
