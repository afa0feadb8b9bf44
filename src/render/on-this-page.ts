// "On this page": the section headings (h2) of a page's rendered body, each given an id to link to.
// Layouts call it as a filter (`content | onThisPage`) and show the links in the right third of long pages.

export interface PageHeading {
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
export const layoutIds = ["main-content", "site-search-q", "search-page-q"];

const entities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", nbsp: " " };

/** A heading's words: tags dropped, the usual entities read, spaces collapsed. */
export function headingText(html: string): string {
  return html
    .replace(/<[^>]*>/g, "")
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, name: string) => entities[name] ?? "")
    .replace(/\s+/g, " ")
    .trim();
}

/** "Who we share it with" → "who-we-share-it-with". */
export function slug(text: string): string {
  return (
    text
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/['’]/g, "")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "") || "section"
  );
}

const h2 = /<h2\b([^>]*)>([\s\S]*?)<\/h2>/gi;
const idAttribute = /\bid\s*=\s*(?:"([^"]*)"|'([^']*)')/i;

/** The body's h2s with ids (kept where the heading has one, made from its words where not, unique on the page). */
export function onThisPage(content: unknown): PageContents {
  const html = typeof content === "string" ? content : String(content ?? "");
  const taken = new Set([
    ...layoutIds,
    ...[...html.matchAll(/\bid\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)].map((m) => m[1] ?? m[2] ?? ""),
  ]);
  const headings: PageHeading[] = [];
  const withIds = html.replace(h2, (whole, attributes: string, inner: string) => {
    const text = headingText(inner);
    const existing = idAttribute.exec(attributes);
    if (existing) {
      headings.push({ id: existing[1] ?? existing[2] ?? "", text });
      return whole;
    }
    const base = slug(text);
    let id = base;
    for (let n = 2; taken.has(id); n += 1) id = `${base}-${n}`;
    taken.add(id);
    headings.push({ id, text });
    return `<h2 id="${id}"${attributes}>${inner}</h2>`;
  });
  return { html: withIds, headings };
}
