// HTML validity by html-validate's rules, as set in the committed .htmlvalidate.json: the finder the
// built-site gate uses, and its findings as editors' problems, each at the page's source file and line,
// in a sentence that says what to change, never a rule id alone.
import { readFileSync } from "node:fs";
import { HtmlValidate, type ConfigData } from "html-validate";
import { literally, scanPage, tagWith, type ScannedElement } from "../core/html-scanner.js";
import { error, type Problem } from "../core/problems.js";
import { fromLayout, locate, type RenderedPage, type SourceReader } from "./rendered.js";

export interface HtmlProblem {
  /** Site path of the page, e.g. "/news/index.html". */
  page: string;
  line: number;
  column: number;
  /** html-validate's rule, e.g. "element-permitted-content": its page at html-validate.org/rules/ explains it. */
  rule: string;
  message: string;
}

/** The project's html-validate configuration (the committed `.htmlvalidate.json`). */
export function readHtmlValidateConfig(file: string): ConfigData {
  return JSON.parse(readFileSync(file, "utf8")) as ConfigData;
}

/** A validator with exactly the given config, whatever files lie around the pages (root). */
export function htmlValidator(config: ConfigData): HtmlValidate {
  return new HtmlValidate({ ...config, root: true });
}

/** Every error html-validate finds in one page. */
async function validatePage(validator: HtmlValidate, page: string, html: string): Promise<HtmlProblem[]> {
  return validatePageSync(validator, page, html);
}

/** Every error html-validate finds in one page, without waiting (the rules are synchronous). */
function validatePageSync(validator: HtmlValidate, page: string, html: string): HtmlProblem[] {
  const problems: HtmlProblem[] = [];
  const report = validator.validateStringSync(html, page);
  for (const result of report.results) {
    for (const message of result.messages) {
      if (message.severity < 2) continue;
      problems.push({
        page,
        line: message.line,
        column: message.column,
        rule: message.ruleId,
        message: message.message,
      });
    }
  }
  return problems;
}

/** Every error html-validate finds in the pages (site path → HTML), page by page. */
export async function findInvalidHtml(pages: Map<string, string>, config: ConfigData): Promise<HtmlProblem[]> {
  const validator = htmlValidator(config);
  const problems: HtmlProblem[] = [];
  for (const [page, html] of pages) problems.push(...(await validatePage(validator, page, html)));
  return problems;
}

/** One line a problem: "/news/index.html:12:5 element-permitted-content – <div> is not permitted as content under <span>". */
export function describeHtmlProblems(problems: HtmlProblem[]): string {
  return problems.map((p) => `${p.page}:${p.line}:${p.column} ${p.rule} – ${p.message}`).join("\n");
}

/** Rules the page scanner already reports in its own words (so a problem is not told twice). */
const reportedByScanner = new Set([
  "heading-level",
  "wcag/h37",
  "wcag/h30",
  "wcag/h64",
  "no-inline-style",
  "require-sri",
]);

interface ElementAt {
  tag: string;
  attributes: Map<string, string>;
  /** The text right after the opening tag, up to the next tag. */
  text: string;
}

/** Every element's opening tag in a page, in order, read once by the site's HTML scanner. */
function elementsOf(html: string): ScannedElement[] {
  const elements: ScannedElement[] = [];
  scanPage(html, [{ open: (element) => void elements.push(element) }]);
  return elements;
}

/** The element whose tag is at (or just before) an offset in the page, from the page's elements in order. */
function elementAt(html: string, elements: readonly ScannedElement[], offset: number): ElementAt | undefined {
  let low = 0;
  let high = elements.length - 1;
  let found: ScannedElement | undefined;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const element = elements[middle]!;
    if (element.start <= offset) {
      found = element;
      low = middle + 1;
    } else high = middle - 1;
  }
  if (!found) return undefined;
  const next = html.indexOf("<", found.tagEnd);
  const text = html
    .slice(found.tagEnd, next < 0 ? found.tagEnd + 200 : Math.min(next, found.tagEnd + 200))
    .replace(/\s+/g, " ")
    .trim();
  return { tag: found.name, attributes: new Map(Object.entries(found.attributes)), text };
}

/** What to look for in the source to find the element html-validate means. */
function needlesFor(element: ElementAt | undefined, problem: HtmlProblem): (string | RegExp)[] {
  if (!element) return [];
  const needles: (string | RegExp)[] = [];
  const named = /attribute "([^"]+)"/i.exec(problem.message)?.[1];
  if (named) needles.push(new RegExp(`<${literally(element.tag)}\\b[^>]*\\b${literally(named)}\\b`, "i"));
  const level = /^h([1-6])$/.exec(element.tag)?.[1];
  if (level && element.text) needles.push(new RegExp(`^#{${level}}[ \\t]+${literally(element.text)}`, "m"));
  for (const attribute of ["id", "src", "href", "class", "name"]) {
    const value = element.attributes.get(attribute);
    if (value) needles.push(tagWith(element.tag, attribute, value));
  }
  needles.push(`<${element.tag}`);
  if (element.text.length >= 4) needles.push(element.text.slice(0, 60));
  return needles;
}

const quoted = (message: string) => [...message.matchAll(/[<"']([^<>"']+)[>"']/g)].map((match) => match[1] ?? "");

/** html-validate's finding as a sentence an editor can act on. */
export function explain(problem: HtmlProblem): string {
  const [first = "", second = ""] = quoted(problem.message);
  switch (problem.rule) {
    case "element-permitted-content":
    case "element-permitted-parent":
    case "element-permitted-order":
    case "element-permitted-occurrences":
    case "element-required-content":
    case "element-required-ancestor":
      return `the HTML puts elements where they cannot go (${problem.message}): move or remove the tag, or write this part in markdown instead`;
    case "no-deprecated-attr":
      return `the attribute ${first}="…" on <${second}> is out of date and does nothing in today's browsers: remove it (embeds pasted from other sites often carry it)`;
    case "deprecated":
      return `<${first}> is an out-of-date tag: remove it and use markdown (**bold**, ## headings) instead`;
    case "element-required-attributes":
      return `<${first}> needs a ${second} attribute: add ${second}="…"`;
    case "close-order":
    case "close-attr":
    case "no-implicit-close":
      return `a tag here is not closed where it should be (${problem.message}): add the missing closing tag, or remove the stray one`;
    case "attribute-allowed-values":
    case "attribute-misuse":
      return `an attribute has a value it cannot take (${problem.message}): correct the value, or remove the attribute`;
    case "attribute-boolean-style":
    case "attribute-empty-style":
    case "attr-quotes":
    case "attr-case":
    case "attr-spacing":
    case "attr-delimiter":
    case "no-dup-attr":
      return `an attribute is written wrongly (${problem.message}): write attributes as name="value", each once`;
    case "no-raw-characters":
      return `a character here must be written as an entity (${problem.message}): write & as &amp; and < as &lt; in HTML`;
    case "unrecognized-char-ref":
      return `an "&" here starts something that is not a known character (${problem.message}): write & as &amp;`;
    case "text-content":
    case "empty-heading":
    case "empty-title":
      return `an element that must have text is empty (${problem.message}): give it words, or remove it`;
    case "input-missing-label":
      return "a form field has no label, so no one knows what to type: add a <label> for it, or remove the field";
    case "no-implicit-button-type":
      return 'a <button> has no type: add type="button"';
    case "prefer-tbody":
      return "a table's rows are not inside <tbody>: wrap the rows in <tbody>…</tbody>, or write the table in markdown";
    case "no-redundant-role":
    case "prefer-native-element":
    case "aria-label-misuse":
    case "aria-hidden-body":
    case "hidden-focusable":
      return `an ARIA attribute here misleads screen readers (${problem.message}): remove the role or aria- attribute`;
    case "no-dup-id":
      return `the id "${first}" is used twice on this page, so a link to #${first} reaches only the first: give each a different id`;
    case "valid-id":
      return `an id is not usable as the end of an address (${problem.message}): use lower-case letters, digits and hyphens, starting with a letter`;
    case "wcag/h63":
      return 'a table header cell has no scope: add scope="col" (or "row"), or write the table in markdown';
    case "wcag/h67":
      return 'an image with alt="" (decoration) also has a title: remove the title, or give the image alt text';
    case "wcag/h71":
      return "a group of form fields has no <legend>: add one that says what the group is";
    case "long-title":
      return "the page's title, with the site's name after it, is too long to show whole in search results: shorten the title: line in the front matter";
    case "element-name":
    case "unknown-element":
      return `<${first}> is not an HTML tag: remove it, or check its spelling`;
    default:
      return `the HTML here is not valid: ${problem.message}. Correct it, or write this part in markdown (html-validate explains "${problem.rule}" at https://html-validate.org/rules/)`;
  }
}

/** Offset of a line and column (from 1) in a text. */
function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let current = 1; current < line; current++) {
    const next = text.indexOf("\n", offset);
    if (next < 0) break;
    offset = next + 1;
  }
  return offset + column - 1;
}

/** A problem html-validate reports that follows from another it reports anyway (end tags after an unclosed one). */
function consequence(problem: HtmlProblem): boolean {
  return problem.rule === "close-order" && /seen but there were open elements/.test(problem.message);
}

/** Every HTML validity problem on the pages, at each page's source file and line. */
export async function checkHtmlValidity(
  pages: readonly RenderedPage[],
  config: ConfigData,
  readSource: SourceReader,
): Promise<Problem[]> {
  return checkHtmlValiditySync(pages, htmlValidator(config), readSource);
}

/** As checkHtmlValidity, with a validator made once for many pages. */
export function checkHtmlValiditySync(
  pages: readonly RenderedPage[],
  validator: HtmlValidate,
  readSource: SourceReader,
): Problem[] {
  const problems: Problem[] = [];
  for (const page of pages) {
    const found = validatePageSync(validator, page.path, page.html);
    let elements: ScannedElement[] | undefined;
    for (const problem of found) {
      if (reportedByScanner.has(problem.rule) || consequence(problem)) continue;
      elements ??= elementsOf(page.html);
      const element = elementAt(page.html, elements, offsetOf(page.html, problem.line, problem.column));
      if (
        problem.rule === "element-required-attributes" &&
        element?.tag === "iframe" &&
        /"title"/.test(problem.message)
      )
        continue;
      // The <title> is made from the front matter's title, so that is where to change it.
      const needles = problem.rule === "long-title" ? [/^title:/m] : needlesFor(element, problem);
      const where = locate(page.file, readSource, needles);
      problems.push(error(page.file, where.line, where.column, `${explain(problem)}${fromLayout(where.inLayout)}`));
    }
  }
  return problems;
}
