import { scanPage, type ScannedElement } from "../core/html-scanner.js";
import { trimBoth } from "../core/text.js";
// "On this page": the section headings (h2) of a page's rendered body, each given an id to link to.
// Layouts call it as a filter (`content | onThisPage`) and show the links in the right third of long pages.

interface PageHeading {
  id: string;
  /** The heading's words, without markup. */
  text: string;
}

export interface PageContents {
  /** The body, with an id on every h2 that had none. */
  html: string;
  headings: PageHeading[];
}

/** Ids the layouts use around the body, never given to a heading. */
const layoutIds = ["main-content", "site-search-q", "search-page-q"];

/** "Who we share it with" → "who-we-share-it-with". */
export function slug(text: string): string {
  return (
    trimBoth(
      text
        .normalize("NFKD")
        .replace(/[\u0300-\u036f]/g, "")
        .toLowerCase()
        .replace(/['’]/g, "")
        .replace(/[^a-z0-9]+/g, "-"),
      "-",
    ) || "section"
  );
}

/** The body's h2s with ids (kept where the heading has one, made from its words where not, unique on the page). */
export function onThisPage(content: unknown): PageContents {
  const html = typeof content === "string" ? content : String(content ?? "");
  // One pass of the site's HTML scanner: every id the page has, and each h2 with its words and where its tag ends.
  const taken = new Set(layoutIds);
  const found: ScannedElement[] = [];
  scanPage(html, [
    {
      open(element) {
        if (element.attributes.id !== undefined) taken.add(element.attributes.id);
      },
      close(element) {
        if (element.name === "h2") found.push(element);
      },
    },
  ]);
  const headings: PageHeading[] = [];
  let withIds = "";
  let last = 0;
  for (const heading of found.sort((a, b) => a.start - b.start)) {
    const text = heading.text.replace(/\s+/g, " ").trim();
    const existing = heading.attributes.id;
    if (existing !== undefined) {
      headings.push({ id: existing, text });
      continue;
    }
    const base = slug(text);
    let id = base;
    for (let n = 2; taken.has(id); n += 1) id = `${base}-${n}`;
    taken.add(id);
    headings.push({ id, text });
    // The id goes just inside the opening tag: "<h2" + ` id="…"` + the rest as written.
    withIds += `${html.slice(last, heading.start + 3)} id="${id}"`;
    last = heading.start + 3;
  }
  return { html: withIds + html.slice(last), headings };
}
