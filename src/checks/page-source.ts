import { frontMatterSchema, knownFields, summaryLength } from "../content/schema.js";
import { named } from "../content/field-words.js";
import { pictureWithoutDescription } from "../content/body-rules.js";
import {
  addressProblem,
  cleanFileName,
  cleanPostName,
  defaultAddress,
  postFolderOf,
  sitePath,
} from "../core/addresses.js";
import { readFrontMatterBlock } from "../content/front-matter.js";
import { eleventyOptionMessage, isEleventyOption } from "../content/trust.js";
import { limits } from "./limits.js";
import { findEncodingDamage } from "./encoding.js";
import { nearest } from "./nearest.js";
import { error, positionAt, warning, type Problem } from "../core/problems.js";

export interface PageSource {
  /** Path from the project folder, e.g. "content/contact.md". */
  file: string;
  text: string;
}

export interface CheckedPage {
  file: string;
  /** The front matter as read, or undefined when it could not be read. */
  data: Record<string, unknown> | undefined;
  problems: Problem[];
}

export interface PageCheckContext {
  /** Names a page's `layout` may use ("primary.njk", "layouts/primary.njk", "primary"). */
  layouts: ReadonlySet<string>;
}

/** A summary of a length search engines handle badly: the form refuses it, the check warns. */
function isSummaryLength(field: string, issue: { code: string; minimum?: unknown; maximum?: unknown }): boolean {
  if (field !== "metadesc") return false;
  return (
    (issue.code === "too_small" && Number(issue.minimum) === summaryLength.min) ||
    (issue.code === "too_big" && Number(issue.maximum) === summaryLength.max)
  );
}

/** An address problem (src/core/addresses.ts) naming the field as the form does. */
function namedAddressProblem(problem: string, field: string): string {
  return problem.startsWith(`${field} `) ? `${named(field)}${problem.slice(field.length)}` : problem;
}

/** The field a front-matter line starts, if it starts one at the top level: `name:`, `"name":` or `'name':`. */
function topLevelKey(line: string): string | undefined {
  const colon = line.indexOf(":");
  const first = line[0] ?? "";
  if (colon <= 0 || " \t#-".includes(first)) return undefined;
  const name = line.slice(0, colon).trimEnd();
  if ((first === '"' || first === "'") && name.length > 1 && name.endsWith(first)) return name.slice(1, -1);
  return name;
}

/** The front matter's top-level fields by line, for the last text asked about: one read of it for all its fields. */
let fieldLines: { text: string; lines: Map<string, number> } | undefined;

/** The line (from 1) of a top-level field in the front matter, or of the opening "---". */
export function fieldLine(text: string, field: string): number {
  if (fieldLines?.text !== text) {
    const lines = new Map<string, number>();
    let start = text.indexOf("\n") + 1;
    for (let number = 2; start > 0 && start < text.length; number += 1) {
      const end = text.indexOf("\n", start);
      const line = text.slice(start, end < 0 ? undefined : end);
      if (/^---\s*$/.test(line)) break;
      const name = topLevelKey(line);
      if (name !== undefined && !lines.has(name)) lines.set(name, number);
      start = end + 1;
    }
    fieldLines = { text, lines };
  }
  return fieldLines.lines.get(field) ?? 1;
}

/** Layouts that only wrap or redirect other pages (the frame of every page, the stub at an old address): never a page's. */
const layoutsNotForPages: readonly string[] = ["base", "redirect"];

/** Whether a layout may be a page's: any but the site's own machinery. */
export function layoutForPagesOnly(layout: string): boolean {
  return !layoutsNotForPages.includes(layout.replace(/^layouts\//, "").replace(/\.njk$/, ""));
}

/** Why a page or data file cannot use `layout`, when it is one of the site's own. */
export function layoutNotForPagesMessage(layout: string, usable: readonly string[]): string {
  return `${named("layout")} "${shownName(layout)}" is the site's own (it frames or redirects other pages) and cannot be a page's layout: use one of ${usable.join(", ")}`;
}

/** A field's name as a message shows it: quoted, cut short. */
function shownName(field: string): string {
  return field.length > 60 ? `${field.slice(0, 60)}…` : field;
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return "empty";
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? "an impossible date" : value.toISOString().slice(0, 10);
  if (typeof value === "string") return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function readFrontMatter(source: PageSource): { data?: Record<string, unknown>; problem?: Problem } {
  const block = readFrontMatterBlock(source.text);
  if (block.problem) return { problem: error(source.file, block.problem.line, 1, block.problem.message, true) };
  return { data: block.data };
}

/**
 * The fields one editor's file sets (a page's front matter or a data file's
 * keys), against the schema: unknown fields, Eleventy's own options, bad
 * values and unusable addresses. `partial`: a data file sets only some fields.
 */
export function checkFields(
  source: PageSource,
  data: Record<string, unknown>,
  at: (field: string) => number,
  partial = false,
): Problem[] {
  const problems: Problem[] = [];
  for (const field of Object.keys(data)) {
    if (knownFields.includes(field)) continue;
    if (isEleventyOption(field)) {
      problems.push(error(source.file, at(field), 1, eleventyOptionMessage(field), true));
      continue;
    }
    const suggestion = nearest(field, knownFields);
    problems.push(
      error(
        source.file,
        at(field),
        1,
        suggestion
          ? `unknown field "${shownName(field)}": did you mean "${suggestion}"?`
          : `unknown field "${shownName(field)}": the fields a page can use are listed in docs/editing.md`,
      ),
    );
  }

  const result = (partial ? frontMatterSchema.partial() : frontMatterSchema).safeParse(data);
  const reported = new Set<string>();
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = String(issue.path[0] ?? "");
      if (reported.has(field)) continue;
      reported.add(field);
      const value = data[field];
      if (field === "title" && (value === undefined || value === null)) {
        problems.push(
          error(
            source.file,
            at("title"),
            1,
            `${named("title")} is missing: add a line \`title: The page's name\` to the front matter`,
          ),
        );
      } else if (field === "tags" && value === null) {
        problems.push(
          error(
            source.file,
            at("tags"),
            1,
            `${named("tags")} is empty: remove the \`tags:\` line, or list at least one of main menu (nav), section menu (primary), footer`,
          ),
        );
      } else if (isSummaryLength(field, issue)) {
        problems.push(warning(source.file, at(field), 1, issue.message));
      } else {
        const shown = value === undefined || value === null ? "" : ` (it is ${describe(value)})`;
        // A date or address Eleventy cannot read stops the whole render.
        problems.push(
          error(
            source.file,
            at(field),
            1,
            `${issue.message}${shown}`,
            field === "date" || field === "permalink" || field === "layout",
          ),
        );
      }
    }
  }

  if (typeof data.permalink === "string" && !reported.has("permalink")) {
    const problem = addressProblem(data.permalink);
    if (problem) problems.push(error(source.file, at("permalink"), 1, namedAddressProblem(problem, "permalink"), true));
  }
  if (Array.isArray(data.redirect_from) && data.redirect_from.length > limits.redirects) {
    // Each old address becomes a page of its own: a list this long is refused before any is made.
    problems.push(
      error(
        source.file,
        at("redirect_from"),
        1,
        `redirect_from lists ${data.redirect_from.length.toLocaleString("en-GB")} old addresses; a page can list at most ${limits.redirects}. Keep the addresses people still use, and remove the rest`,
        true,
      ),
    );
  } else if (Array.isArray(data.redirect_from) && !reported.has("redirect_from")) {
    for (const from of data.redirect_from) {
      const problem = typeof from === "string" ? addressProblem(from, "redirect_from") : undefined;
      if (problem)
        problems.push(error(source.file, at("redirect_from"), 1, namedAddressProblem(problem, "redirect_from"), true));
    }
  }
  return problems;
}

/** The layouts a page may name, as file names ("page.njk"). */
function pageLayouts(context: PageCheckContext): string[] {
  return [...context.layouts].filter(
    (name) => name.endsWith(".njk") && !name.includes("/") && layoutForPagesOnly(name),
  );
}

/** Everything that can be wrong with one page on its own: its front matter, and its text. */
export function checkPageSource(source: PageSource, context: PageCheckContext): CheckedPage {
  const problems: Problem[] = [];
  const at = (field: string) => fieldLine(source.text, field);

  for (const damage of findEncodingDamage(source.text)) {
    const { line, column } = positionAt(source.text, damage.index);
    problems.push(
      error(
        source.file,
        line,
        column,
        damage.corrected
          ? `encoding damage: "${damage.found}" should be "${damage.corrected}" (the text was copied through the wrong character set; replace it)`
          : `encoding damage: "${damage.found}" is a character that was lost in copying; retype the character that belongs here`,
      ),
    );
  }

  for (const match of source.text.matchAll(new RegExp(pictureWithoutDescription.source, "g"))) {
    const { line, column } = positionAt(source.text, match.index ?? 0);
    problems.push(
      error(
        source.file,
        line,
        column,
        "image without alt text: give the picture a description, between the brackets: ![like this](/static/img/photo.jpg) (in the browser editor, the Picture's Description)",
      ),
    );
  }

  const { data, problem } = readFrontMatter(source);
  if (problem) return { file: source.file, data: undefined, problems: [...problems, problem] };
  if (!data) return { file: source.file, data: undefined, problems };

  problems.push(...checkFields(source, data, at));

  // A news post's address and place in the list come from its file name and date.
  const post = postFolderOf(source.file);
  if (post) {
    const name = source.file.slice(post.folder.length);
    if (!cleanPostName.test(name)) {
      problems.push(
        error(
          source.file,
          1,
          1,
          `the file name "${name}" would make a broken address: rename the file to ${cleanFileName(name)} (lower case letters, numbers and hyphens)`,
          true,
        ),
      );
    }
    if (data.date === undefined || data.date === null) {
      problems.push(
        error(
          source.file,
          1,
          1,
          `a news post needs a ${named("date")}: add a line \`date: YYYY-MM-DD\` (the day it was published) to the front matter`,
          true,
        ),
      );
    }
  } else if (data.permalink === undefined && source.file.startsWith("content/")) {
    // Without a permalink, the file's path is its address: it must make a clean one too.
    const address = defaultAddress(source.file);
    if (!sitePath.test(address)) {
      const name = source.file.slice(source.file.lastIndexOf("/") + 1);
      const rename = cleanFileName(name) !== name ? `rename the file to ${cleanFileName(name)}, ` : "";
      problems.push(
        error(
          source.file,
          1,
          1,
          `the file's path would make a broken address (${address}): ${rename}use lower case letters, numbers and hyphens in folder and file names, or add a permalink`,
          true,
        ),
      );
    }
  }

  // YAML rolls an impossible date over (2019-10-32 becomes 1 November): compare with what was written.
  const writtenDate = /^date:[ \t]*["']?(\d{4})-(\d{2})-(\d{2})\b/m.exec(source.text.split(/\n---/)[0] ?? "");
  if (
    writtenDate &&
    data.date instanceof Date &&
    data.date.toISOString().slice(0, 10) !== writtenDate.slice(1).join("-")
  ) {
    problems.push(
      error(
        source.file,
        at("date"),
        1,
        `${named("date")} must be a real date written as YYYY-MM-DD, such as 2019-10-22 (there is no ${writtenDate.slice(1).join("-")})`,
        true,
      ),
    );
  }

  const description = data.metadesc ?? data.leader ?? data.subtitle;
  if (typeof description !== "string" || description.trim() === "") {
    if (data.permalink !== false && data.metadesc === undefined) {
      problems.push(
        error(
          source.file,
          1,
          1,
          `${named("metadesc")} is missing: add \`metadesc:\` with a one-sentence summary of the page (${summaryLength.min} to ${summaryLength.max} characters) for search engines`,
        ),
      );
    }
  }

  if (typeof data.layout === "string" && context.layouts.has(data.layout) && !layoutForPagesOnly(data.layout)) {
    problems.push(error(source.file, at("layout"), 1, layoutNotForPagesMessage(data.layout, pageLayouts(context))));
  } else if (typeof data.layout === "string" && !context.layouts.has(data.layout)) {
    const suggestion = nearest(data.layout, [...context.layouts]);
    problems.push(
      error(
        source.file,
        at("layout"),
        1,
        `${named("layout")} "${shownName(data.layout)}" does not exist${suggestion ? `: did you mean "${suggestion}"?` : `; use one of ${pageLayouts(context).join(", ")}`}`,
        true,
      ),
    );
  }

  if (typeof data.image === "string" && data.image_alt === undefined) {
    problems.push(
      error(
        source.file,
        at("image"),
        1,
        `${named("image")} without ${named("image_alt")}: add \`image_alt:\` describing the picture, or image_alt: "" if it is only decoration`,
      ),
    );
  }

  return { file: source.file, data, problems };
}
