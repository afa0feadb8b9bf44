import matter from "gray-matter";
import { frontMatterSchema, knownFields } from "./front-matter-schema.js";
import { findEncodingDamage } from "./encoding.js";
import { nearest } from "./nearest.js";
import { error, positionAt, warning, type Problem } from "./problems.js";

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

const metadescLength = { min: 50, max: 160 };

/** The line (from 1) of a top-level field in the front matter, or of the opening "---". */
export function fieldLine(text: string, field: string): number {
  const lines = text.split("\n");
  for (let i = 1; i < lines.length; i += 1) {
    const line = lines[i] ?? "";
    if (/^---\s*$/.test(line)) break;
    if (line.startsWith(`${field}:`) || line.startsWith(`"${field}":`) || line.startsWith(`'${field}':`)) return i + 1;
  }
  return 1;
}

function describe(value: unknown): string {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "an impossible date" : value.toISOString().slice(0, 10);
  if (typeof value === "string") return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function readFrontMatter(source: PageSource): { data?: Record<string, unknown>; problem?: Problem } {
  if (!/^---\s*\r?\n/.test(source.text)) {
    return {
      problem: error(source.file, 1, 1, "the page has no front matter: start the file with a line ---, then at least title: and metadesc:, then another line ---", true),
    };
  }
  try {
    // An empty options object stops gray-matter reusing a cached result for identical text.
    const parsed = matter(source.text, {});
    const data = parsed.data;
    if (!data || typeof data !== "object" || Array.isArray(data)) {
      return { problem: error(source.file, 2, 1, "the front matter must be a list of fields, one `field: value` a line", true) };
    }
    return { data: data as Record<string, unknown> };
  } catch (caught) {
    const yaml = caught as { reason?: string; mark?: { line?: number; column?: number } };
    const line = (yaml.mark?.line ?? 0) + 1;
    const column = (yaml.mark?.column ?? 0) + 1;
    const reason = yaml.reason ?? (caught instanceof Error ? caught.message.split("\n")[0] : "it could not be read");
    return {
      problem: error(
        source.file,
        line,
        column,
        `the front matter is not valid YAML (${reason}). Each line should be \`field: value\`, list items start with "  - ", and text containing a colon or starting with a quote needs to be in quotes`,
        true,
      ),
    };
  }
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

  for (const match of source.text.matchAll(/!\[\s*\]\(/g)) {
    const { line, column } = positionAt(source.text, match.index ?? 0);
    problems.push(error(source.file, line, column, "image without alt text: describe the picture between the brackets, ![like this](/static/img/photo.jpg)"));
  }

  const { data, problem } = readFrontMatter(source);
  if (problem) return { file: source.file, data: undefined, problems: [...problems, problem] };
  if (!data) return { file: source.file, data: undefined, problems };

  for (const field of Object.keys(data)) {
    if (knownFields.includes(field)) continue;
    const suggestion = nearest(field, knownFields);
    problems.push(
      error(
        source.file,
        at(field),
        1,
        suggestion
          ? `unknown field "${field}": did you mean "${suggestion}"?`
          : `unknown field "${field}": the fields a page can use are listed in docs/editing.md`,
      ),
    );
  }

  const result = frontMatterSchema.safeParse(data);
  if (!result.success) {
    const reported = new Set<string>();
    for (const issue of result.error.issues) {
      const field = String(issue.path[0] ?? "");
      if (reported.has(field)) continue;
      reported.add(field);
      if (issue.code === "invalid_type" && data[field] === undefined && field === "title") {
        problems.push(error(source.file, 1, 1, "title is missing: add a line `title: The page's name` to the front matter"));
        continue;
      }
      const value = data[field] === undefined ? "" : ` (it is ${describe(data[field])})`;
      // A date Eleventy cannot read stops the whole render.
      problems.push(error(source.file, at(field), 1, `${issue.message}${value}`, field === "date" || field === "permalink"));
    }
  }

  // YAML rolls an impossible date over (2019-10-32 becomes 1 November): compare with what was written.
  const writtenDate = /^date:\s*["']?(\d{4})-(\d{2})-(\d{2})\b/m.exec(source.text.split(/\n---/)[0] ?? "");
  if (writtenDate && data.date instanceof Date && data.date.toISOString().slice(0, 10) !== writtenDate.slice(1).join("-")) {
    problems.push(
      error(source.file, at("date"), 1, `date must be a real date written as YYYY-MM-DD, such as 2019-10-22 (there is no ${writtenDate.slice(1).join("-")})`, true),
    );
  }

  const description = data.metadesc ?? data.leader ?? data.subtitle;
  if (typeof description !== "string" || description.trim() === "") {
    if (data.permalink !== false && data.metadesc === undefined) {
      problems.push(
        error(source.file, 1, 1, "metadesc is missing: add `metadesc:` with a one-sentence summary of the page (50 to 160 characters) for search engines"),
      );
    }
  } else if (typeof data.metadesc === "string") {
    const length = data.metadesc.trim().length;
    if (length > metadescLength.max) {
      problems.push(warning(source.file, at("metadesc"), 1, `metadesc is ${length} characters long: search engines cut it off after about ${metadescLength.max}; shorten it`));
    } else if (length < metadescLength.min) {
      problems.push(warning(source.file, at("metadesc"), 1, `metadesc is only ${length} characters long: say in a sentence what the page offers (50 to 160 characters)`));
    }
  }

  if (typeof data.layout === "string" && !context.layouts.has(data.layout)) {
    const suggestion = nearest(data.layout, [...context.layouts]);
    problems.push(
      error(
        source.file,
        at("layout"),
        1,
        `layout "${data.layout}" does not exist${suggestion ? `: did you mean "${suggestion}"?` : `; use one of ${[...context.layouts].filter((name) => name.endsWith(".njk") && !name.includes("/")).join(", ")}`}`,
        true,
      ),
    );
  }

  if (typeof data.image === "string" && data.image_alt === undefined) {
    problems.push(error(source.file, at("image"), 1, 'image without image_alt: add `image_alt:` describing the picture, or image_alt: "" if it is only decoration'));
  }

  return { file: source.file, data, problems };
}
