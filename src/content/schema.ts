import { z } from "zod";
import { siteName } from "../core/settings.js";
import { named } from "./field-words.js";

/**
 * Every front-matter field a page may use, with what it is for. This is the
 * one definition: the checker validates against it, the browser editor's
 * form is generated from it (src/cms/config.ts reads it through
 * z.toJSONSchema), and the field table in docs/editing.md is generated from
 * it (tests keep all three in step). Its limits are the site's limits: change
 * a number here and the check and the form change together.
 */

const knownTags = ["nav", "primary", "footer", "posts"] as const;

/** What follows a page's title in its <title> (layouts/base.njk writes `{{ title }} – {{ site.name }}`). */
export const pageTitleSuffix = ` – ${siteName}`;
/** The longest <title> search results show whole: html-validate's long-title rule (.htmlvalidate.json) uses the same. */
export const pageTitleMaxLength = 70;
/** The longest title a page may have: the <title> limit, less the suffix the site adds. */
export const titleMaxLength = pageTitleMaxLength - pageTitleSuffix.length;
/** A summary search engines show whole, and long enough to say something (shorter or longer is a warning). */
export const summaryLength = { min: 50, max: 160 } as const;
/** Dates a post or review can plausibly have: a year typed wrong (1905, 0025, 20025) is refused. */
export const plausibleDays = { earliest: "2000-01-01", latest: "2099-12-31" } as const;

const permalinkMessage = `${named("permalink")} must be a clean site address such as /our-programme/: starting with /, lower case letters, numbers and hyphens, no spaces`;
const redirectMessage = `${named("redirect_from")} must be a list of old addresses, each a clean address starting with /, such as - /network/`;

const text = (field: string) =>
  z
    .string({ error: `${named(field)} must be text` })
    .trim()
    .min(1, { error: `${named(field)} is empty: write some text after "${field}:"` });

function year(day: string): string {
  return day.slice(0, 4);
}

/** A date-only field: a real day, in the plausible years. YAML reads `2019-10-22` as a date. */
const day = (field: string, example: string) =>
  z
    .date({ error: `${named(field)} must be a real date written as YYYY-MM-DD, such as ${example}` })
    .min(new Date(`${plausibleDays.earliest}T00:00:00Z`), {
      error: `${named(field)} is too early: the year must be from ${year(plausibleDays.earliest)} to ${year(plausibleDays.latest)} (check the year is typed in full, such as ${example.slice(0, 4)})`,
    })
    .max(new Date(`${plausibleDays.latest}T00:00:00Z`), {
      error: `${named(field)} is too late: the year must be from ${year(plausibleDays.earliest)} to ${year(plausibleDays.latest)} (check the year is typed in full, such as ${example.slice(0, 4)})`,
    })
    // A date is not JSON: the form is told it is a day, written YYYY-MM-DD, between these two.
    .meta({ type: "string", format: "date", formatMinimum: plausibleDays.earliest, formatMaximum: plausibleDays.latest });

/** Text of a length a summary should have; the check reports it as a warning, the form refuses it. */
const summary = (field: string) =>
  text(field)
    .min(summaryLength.min, {
      error: (issue) =>
        `${named(field)} is only ${String(issue.input).trim().length} characters long: say in a sentence what the page offers (${summaryLength.min} to ${summaryLength.max} characters)`,
    })
    .max(summaryLength.max, {
      error: (issue) =>
        `${named(field)} is ${String(issue.input).trim().length} characters long: search engines cut it off after about ${summaryLength.max}; shorten it`,
    });

export const frontMatterSchema = z.object({
  title: text("title").max(titleMaxLength, {
    error: (issue) =>
      `${named("title")} is ${String(issue.input).trim().length} characters long: a title can have up to ${titleMaxLength}, because the site adds "${pageTitleSuffix}" to make the ${pageTitleMaxLength} characters browser tabs and search results show; shorten it`,
  }),
  navtitle: text("navtitle").optional(),
  metadesc: summary("metadesc").optional(),
  leader: text("leader").optional(),
  subtitle: text("subtitle").optional(),
  subtitle_imagery: z.string({ error: "subtitle_imagery must be text" }).optional(),
  order: z
    .number({ error: `${named("order")} must be a whole number such as 20, without quotes` })
    .int({ error: `${named("order")} must be a whole number such as 20, not a fraction` })
    .optional(),
  tags: z
    .union([z.enum(knownTags), z.array(z.enum(knownTags))], {
      error: `${named("tags")} must be a list of: ${knownTags.join(", ")}`,
    })
    .optional(),
  // Whether the address is clean and free is checked by addressProblem (src/core/addresses.ts), for every way of setting one.
  permalink: z.union([z.literal(false), z.string()], { error: permalinkMessage }).optional(),
  layout: z.string({ error: `${named("layout")} must be the name of a layout, such as primary.njk` }).optional(),
  date: day("date", "2019-10-22").optional(),
  draft: z.boolean({ error: `${named("draft")} must be true or false` }).optional(),
  last_reviewed: day("last_reviewed", "2026-11-24").optional(),
  navurl: z.url({ protocol: /^https?$/, error: "navurl must be a full web address starting with https://" }).optional(),
  redirect_from: z.array(z.string({ error: redirectMessage }), { error: redirectMessage }).optional(),
  image: z
    .string({ error: `${named("image")} must be the address of a picture, such as /static/img/forum.jpg` })
    .optional(),
  image_alt: z.string({ error: `${named("image_alt")} must be text describing the picture` }).optional(),
  primary: z.boolean({ error: "primary must be true or false" }).optional(),
  strandsHeading: text("strandsHeading").optional(),
  strands: z
    .array(z.object({ title: z.string(), url: z.string(), text: z.string() }), {
      error: "strands must be a list, each with title, url and text",
    })
    .optional(),
});

/** What each field is for, with an example: the table in docs/editing.md is made from this (npm run docs:fields). */
const fieldDocs: Record<keyof typeof frontMatterSchema.shape, { description: string; example: string }> = {
  title: {
    description: `The page's name: its heading and the browser tab's title. Up to ${titleMaxLength} characters (the site adds "${pageTitleSuffix}" to make at most ${pageTitleMaxLength}). **Required.**`,
    example: "`title: Our Programme`",
  },
  navtitle: {
    description: "A shorter name for the navs and breadcrumbs. Without it, the title is used.",
    example: "`navtitle: Programme`",
  },
  metadesc: {
    description:
      `The summary search engines show under the title, ${summaryLength.min} to ${summaryLength.max} characters. **Required**, unless the page has a \`leader\` (or \`subtitle\`) to use instead.`,
    example: "`metadesc: Leadership programmes for 100 CEO-level public service leaders each year.`",
  },
  leader: {
    description: "The sentence under the title in a page's banner (`primary` layout).",
    example: "`leader: Connecting senior leaders from every sector.`",
  },
  subtitle: {
    description: "The older name for `leader`, from the NLC's first pages. Still accepted.",
    example: "`subtitle: Connecting senior leaders.`",
  },
  subtitle_imagery: {
    description: "The older pages' banner picture name. Still accepted, not shown.",
    example: "`subtitle_imagery: links`",
  },
  order: {
    description:
      "The page's position in its nav: lower numbers come first. Menus are numbered in steps of 10, so a page moves by one edit: to put it between two pages, give it a number between theirs. A whole number, no quotes.",
    example: "`order: 20`",
  },
  tags: {
    description:
      "Which navs the page is in: `nav` (main nav), `primary` (section nav), `footer` (footer nav). News posts get `posts` automatically.",
    example: "see below",
  },
  permalink: {
    description:
      "The page's address: lower case, hyphens, starting and ending with `/`. `/our-programme/index.html` means the same. `false` makes no page at all.",
    example: "`permalink: /our-programme/`",
  },
  layout: {
    description:
      "How the page is laid out: `primary` (banner with title and leader), `page` (plain, the default), `statement` (an accessibility statement: a page that ends with when it was last reviewed and tested), `what-we-do`, `post`, `home` or `404`. `layouts/primary.njk` and `primary.njk` also work.",
    example: "`layout: primary.njk`",
  },
  date: {
    description: `The date of a news post, as YYYY-MM-DD, in the years ${year(plausibleDays.earliest)} to ${year(plausibleDays.latest)}.`,
    example: "`date: 2019-10-22`",
  },
  last_reviewed: {
    description:
      "The day an accessibility statement (`layout: statement`) was last reviewed, as YYYY-MM-DD. Change it whenever you review the statement.",
    example: "`last_reviewed: 2026-11-24`",
  },
  draft: {
    description: "`true` keeps the page out of the published site; it still shows in `npm start`.",
    example: "`draft: true`",
  },
  navurl: {
    description:
      "Points this page's nav item at another website instead (a full `https://` address). Use with `permalink: false`.",
    example: "`navurl: https://connect.nationalleadership.gov.uk/`",
  },
  redirect_from: {
    description: "Old addresses of this page, as a list. Visitors and search engines going there are sent here.",
    example: "see below",
  },
  image: {
    description: "A banner picture for a `primary` page. Optional: the banner looks finished without one.",
    example: "`image: /static/img/forum.jpg`",
  },
  image_alt: {
    description:
      'What the banner picture shows, for people who cannot see it. Required with `image`; `""` if it is only decoration.',
    example: "`image_alt: Leaders talking at the 2020 forum`",
  },
  primary: {
    description: "The older way of marking a section-nav page. Still accepted; `tags: [primary]` is what counts.",
    example: "`primary: true`",
  },
  strandsHeading: {
    description: "Home page only: the heading above the three strands.",
    example: "`strandsHeading: Our work`",
  },
  strands: {
    description: "Home page only: the three strands, each with `title`, `url` and `text`.",
    example: "see `content/site/index.md`",
  },
};

export const knownFields = Object.keys(frontMatterSchema.shape);

/** The field table for docs/editing.md. */
export function fieldTable(): string {
  const rows = knownFields.map((field) => {
    const docs = fieldDocs[field as keyof typeof fieldDocs];
    return `| \`${field}\` | ${docs.description} | ${docs.example} |`;
  });
  return ["| Field | What it does | Example |", "| --- | --- | --- |", ...rows].join("\n");
}
