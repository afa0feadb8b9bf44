import type { frontMatterSchema } from "./schema.js";

/**
 * How the browser editor (/admin/) offers each front-matter field: the words
 * an editor sees and the kind of input. What a field accepts (required or
 * not, lengths, patterns, choices, dates) is not here: src/cms/config.ts
 * reads that from the schema itself. Every field of the schema has a row, so
 * a new field cannot be forgotten: it is either offered or says why not.
 * The rows are in the order the form shows them, which is also the order the
 * editor writes them in a file.
 */

/**
 * The editor's collections: news posts, the ordinary pages, and the two
 * pages laid out by developers whose words editors still write (the home
 * page and the news page).
 */
export type CmsCollection = "posts" | "pages" | "home" | "news";

type CmsWidget =
  | "string"
  | "text"
  | "number"
  | "boolean"
  | "date"
  | "select"
  | "list"
  | "image"
  | "address"
  | "position";

export interface CmsFieldSpec {
  label: string;
  hint: string;
  widget: CmsWidget;
  /** The collections whose form shows the field. */
  in: readonly CmsCollection[];
  /** Required in the form though the schema allows it missing (the check then warns, or a page type needs it). */
  requiredIn?: readonly CmsCollection[];
}

export interface CmsFieldLeftOut {
  leftOut: string;
}

/** The menus a page can be in, in an editor's words. `posts` is set by the news folder, never by hand. */
export const navLabels: Record<string, string> = { nav: "Main menu", primary: "Section menu", footer: "Footer" };

/** The layouts an editor may choose for a page, in the form's words. The others are laid out by developers. */
export const editorLayouts: ReadonlyArray<{ name: string; label: string }> = [
  { name: "page", label: "Page: the title band, then the text" },
  { name: "primary", label: "Section page: a page of the Section menu, with the section's pages beside the text" },
  { name: "statement", label: "Accessibility statement: ends with when it was last reviewed and tested" },
  { name: "what-we-do", label: "What we do: opens with its grey panel" },
];

/** The one way a chosen layout is written in a page: `layout: primary.njk`. */
export function layoutValue(name: string): string {
  return `${name}.njk`;
}

export const cmsFields: Record<keyof typeof frontMatterSchema.shape, CmsFieldSpec | CmsFieldLeftOut> = {
  title: {
    label: "Title",
    // The length is added by src/cms/config.ts from the schema, so the number is never stale.
    hint: "The page's name: its heading, and the browser tab's and search results' title.",
    widget: "string",
    in: ["posts", "pages", "home", "news"],
  },
  navtitle: {
    label: "Short name for menus",
    hint: "Optional: a shorter name for the menus and breadcrumbs. Without it, the title is used.",
    widget: "string",
    in: ["pages", "home", "news"],
  },
  layout: {
    label: "Layout",
    hint: "How the page is laid out. Leave empty for a plain page.",
    widget: "select",
    in: ["pages"],
  },
  leader: {
    label: "Banner sentence",
    hint: "Optional: the sentence under the title in the page's title band.",
    widget: "text",
    in: ["pages", "home"],
  },
  metadesc: {
    label: "Summary for search engines",
    hint: "One or two sentences that say what the page offers; search engines show it under the title.",
    widget: "text",
    in: ["posts", "pages", "home", "news"],
    requiredIn: ["posts", "pages", "home", "news"],
  },
  date: {
    label: "Publication date",
    hint: "The post's date, as day, month and year. A date in the future schedules the post: it is published on that day, by the daily rebuild, and not before.",
    widget: "date",
    in: ["posts"],
    requiredIn: ["posts"],
  },
  permalink: {
    label: "Address",
    hint: "The page's address on the site: starts and ends with /, lower case letters, numbers and hyphens, such as /our-programme/. If you change it, put the old one under Old addresses.",
    widget: "address",
    in: ["pages"],
    requiredIn: ["pages"],
  },
  redirect_from: {
    label: "Old addresses",
    hint: "Optional: earlier addresses of this page, each starting with /, such as /network/. Visitors going there are sent here.",
    widget: "list",
    in: ["pages", "news"],
  },
  tags: {
    label: "Menus",
    hint: "Which menus the page is in. Leave empty for a page in no menu.",
    widget: "select",
    in: ["pages", "home", "news"],
  },
  order: {
    label: "Position in its menu",
    // The menus as they stand are added by src/cms/config.ts at build time.
    hint: "A whole number: lower numbers come first.",
    widget: "position",
    in: ["pages", "home", "news"],
  },
  image: {
    label: "Banner picture",
    hint: "Optional: a picture for the title band. Describe it below.",
    widget: "image",
    in: ["pages"],
  },
  image_alt: {
    label: "Banner picture description",
    hint: "What the banner picture shows, for people who cannot see it. Needed with a banner picture.",
    widget: "string",
    in: ["pages"],
  },
  last_reviewed: {
    label: "Last reviewed",
    hint: "Accessibility statement only: the day the statement was last reviewed, as day, month and year. Change it whenever you review it.",
    widget: "date",
    in: ["pages"],
  },
  draft: {
    label: "Draft",
    hint: "On: the page is kept out of the published site, and shows only in the preview.",
    widget: "boolean",
    in: ["posts", "pages"],
  },
  subtitle: { leftOut: "the older name for leader: the form offers leader" },
  subtitle_imagery: { leftOut: "older pages' banner picture name, not shown" },
  navurl: { leftOut: "a menu link to another website: rare, and set by a developer" },
  primary: { leftOut: "the older way of marking a section-menu page: the form offers Menus" },
  strandsHeading: { leftOut: "home page only, laid out by a developer" },
  strands: { leftOut: "home page only, laid out by a developer" },
};

/** The text of a page, after its front matter: always the last field of a form. */
export const bodyWords = {
  label: "Text",
  hint: "Headings start at Heading 2 (the title is the page's Heading 1). Use Picture for images (each needs a description), Document for a PDF or other file, Link to a page for a link within the site, and Video for a Vimeo video.",
} as const;

export function isOffered(spec: CmsFieldSpec | CmsFieldLeftOut): spec is CmsFieldSpec {
  return !("leftOut" in spec);
}

/**
 * A field as a check's message names it: the label the editor sees in the
 * form, then the key the file holds, "Summary for search engines (metadesc)".
 * A field the form does not offer is named by its key alone.
 */
export function named(field: string): string {
  const spec = (cmsFields as Record<string, CmsFieldSpec | CmsFieldLeftOut>)[field];
  return spec && isOffered(spec) ? `${spec.label} (${field})` : field;
}
