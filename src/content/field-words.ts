import type { frontMatterSchema } from "./schema.js";

/**
 * How the browser editor (/admin/) offers each front-matter field: the words
 * an editor sees and the kind of input. What a field accepts (required or
 * not, patterns, choices) is not here: src/cms/config.ts reads that from the
 * schema itself. Every field of the schema has a row, so a new field cannot
 * be forgotten: it is either offered or says why not.
 */

export type CmsCollection = "posts" | "pages";

export type CmsWidget = "string" | "text" | "number" | "boolean" | "datetime" | "select" | "list" | "image";

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

/** The navs a page can be in, in an editor's words. `posts` is set by the news folder, never by hand. */
export const navLabels: Record<string, string> = { nav: "Main menu", primary: "Section menu", footer: "Footer" };

/** Layouts that only wrap or redirect other pages: not a choice for a page. */
export const layoutsNotForPages = ["base", "redirect", "news-older"] as const;

export const cmsFields: Record<keyof typeof frontMatterSchema.shape, CmsFieldSpec | CmsFieldLeftOut> = {
  title: {
    label: "Title",
    hint: "The page's name: its heading and the browser tab's title. Keep it under about 60 characters.",
    widget: "string",
    in: ["posts", "pages"],
  },
  navtitle: {
    label: "Short name for menus",
    hint: "Optional: a shorter name for the menus and breadcrumbs. Without it, the title is used.",
    widget: "string",
    in: ["pages"],
  },
  metadesc: {
    label: "Summary for search engines",
    hint: "One or two sentences, about 50 to 160 characters, shown by search engines under the title.",
    widget: "text",
    in: ["posts", "pages"],
    requiredIn: ["posts", "pages"],
  },
  leader: {
    label: "Banner sentence",
    hint: "Optional: the sentence under the title in the page's banner (the Primary layout).",
    widget: "text",
    in: ["pages"],
  },
  subtitle: { leftOut: "the older name for leader: the form offers leader" },
  subtitle_imagery: { leftOut: "older pages' banner picture name, not shown" },
  order: {
    label: "Position in its menu",
    hint: "A whole number: 1 comes first. Pages with the same number are sorted by name.",
    widget: "number",
    in: ["pages"],
  },
  tags: {
    label: "Menus",
    hint: "Which menus the page is in. Leave empty for a page in no menu.",
    widget: "select",
    in: ["pages"],
  },
  permalink: {
    label: "Address",
    hint: "The page's address on the site: starts and ends with /, lower case letters, numbers and hyphens, such as /our-programme/.",
    widget: "string",
    in: ["pages"],
  },
  layout: {
    label: "Layout",
    hint: "How the page is laid out: Primary has a banner with the title and banner sentence; Page is plain.",
    widget: "select",
    in: ["pages"],
  },
  date: {
    label: "Publication date",
    hint: "The post's date. A date in the future schedules the post: it is published on that day, by the daily rebuild, and not before.",
    widget: "datetime",
    in: ["posts"],
    requiredIn: ["posts"],
  },
  draft: {
    label: "Draft",
    hint: "On: the page is kept out of the published site, and shows only in the preview.",
    widget: "boolean",
    in: ["posts", "pages"],
  },
  last_reviewed: {
    label: "Last reviewed",
    hint: "Accessibility statement only: the day the statement was last reviewed. Change it whenever you review it.",
    widget: "datetime",
    in: ["pages"],
  },
  navurl: { leftOut: "a menu link to another website: rare, and set by a developer" },
  redirect_from: {
    label: "Old addresses",
    hint: "Optional: earlier addresses of this page, each starting with /, such as /network/. Visitors going there are sent here.",
    widget: "list",
    in: ["pages"],
  },
  image: {
    label: "Banner picture",
    hint: "Optional: a picture for the banner of a Primary page. Describe it below.",
    widget: "image",
    in: ["pages"],
  },
  image_alt: {
    label: "Banner picture description",
    hint: "What the banner picture shows, for people who cannot see it. Needed with a banner picture.",
    widget: "string",
    in: ["pages"],
  },
  primary: { leftOut: "the older way of marking a section-menu page: the form offers Menus" },
  strandsHeading: { leftOut: "home page only, laid out by a developer" },
  strands: { leftOut: "home page only, laid out by a developer" },
};

export function isOffered(spec: CmsFieldSpec | CmsFieldLeftOut): spec is CmsFieldSpec {
  return !("leftOut" in spec);
}
