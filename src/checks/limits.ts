import { error, type Problem } from "../core/problems.js";
import { maxImagePixels } from "../output/images.js";

/**
 * The most one editor's file may ask of the check and the build. Content is
 * data from people who are not developers, and one page or picture must not
 * be able to stall CI or an editor's machine: each limit is far above what a
 * real page needs (the real site's longest page is 5 KB, with 10 headings)
 * and low enough that every step stays quick at the limit. Every scan is
 * linear in its input; the limits bound the one step that is not
 * (html-validate, whose work grows with the square of a page's elements),
 * the number of stub pages `redirect_from` makes, and the pixels a picture
 * unpacks into. Over a limit, the file is refused with a message naming it.
 */
export const limits = {
  /** A page's or data file's size, in bytes: about 80,000 words of text. */
  fileBytes: 500_000,
  /** Headings on one page: a long report has a hundred or two. */
  headings: 500,
  /** Links on one page, the site's navigation included. */
  links: 2_000,
  /** HTML elements on one page, its layout's included: HTML validity's work grows with their square. */
  elements: 5_000,
  /** HTML tags an editor writes into one page (an element is two): the parser's work grows with the square of their nesting. */
  tags: 10_000,
  /** Old addresses one page may list in `redirect_from`: each becomes a page of its own. */
  redirects: 100,
  /** A picture's pixels (width × height), as the image library is also told (src/output/images.ts). */
  imagePixels: maxImagePixels,
  /** Problems listed for one file in one run; the rest are counted (placing each reads the file). */
  problemsPerFile: 100,
} as const;

const count = (value: number) => value.toLocaleString("en-GB");

/** A size in bytes as an editor reads it: "512 KB", "20.3 MB". */
function shownSize(bytes: number): string {
  if (bytes >= 1_000_000) return `${(bytes / 1_000_000).toFixed(1)} MB`;
  return `${Math.ceil(bytes / 1_000)} KB`;
}

/** A page or data file over the size limit: refused before it is read any further. */
export function fileTooLarge(file: string, bytes: number): Problem {
  return error(
    file,
    1,
    1,
    `${file} is ${shownSize(bytes)}; a page or data file can be at most ${shownSize(limits.fileBytes)} (about 80,000 words). Split it into several pages, or publish the long document as a PDF in static/documents/ and link to it`,
    true,
  );
}

/**
 * The tags an editor wrote into a page's text ("<" or "</" and a letter, as a
 * browser starts a tag), counted in one pass. HTML is the only way a page's
 * elements can nest without end (markdown stops at 100 levels), and reading
 * deeply nested HTML costs the parser the square of its depth, so a page over
 * the element limit here is refused before any HTML in it is parsed.
 */
export function tagsWritten(text: string): number {
  let tags = 0;
  const letter = (at: number) => {
    const code = text.charCodeAt(at) | 0x20;
    return code >= 0x61 && code <= 0x7a;
  };
  for (let at = text.indexOf("<"); at >= 0; at = text.indexOf("<", at + 1))
    if (letter(at + 1) || (text[at + 1] === "/" && letter(at + 2))) tags += 1;
  return tags;
}

/** More of something on one page than a page may have: `what` is "headings", "links" or "HTML elements (tags)". */
export function tooMany(what: string, found: number, limit: number): string {
  return `the page has ${count(found)} ${what}; a page can have at most ${count(limit)}. Split it into several pages`;
}

/** A picture with more pixels than the image library is allowed to unpack. */
export function tooManyPixels(file: string, width: number, height: number): Problem {
  const megapixels = (width * height) / 1_000_000;
  return error(
    file,
    1,
    1,
    `${file} is ${count(width)} × ${count(height)} pixels (${megapixels >= 10 ? Math.round(megapixels) : megapixels.toFixed(1)} megapixels); a picture can have at most ${count(limits.imagePixels / 1_000_000)} megapixels, more than any camera gives. Make it smaller (2,000 pixels wide is plenty for a page) and save it again`,
  );
}

/** The line that says how many more problems a file has: one per file, however many steps left some out. */
function notListed(file: string, more: number): Problem {
  return error(
    file,
    1,
    1,
    `${count(more)} more problems in ${file} are not listed: fix the ones listed, then check again`,
  );
}
const notListedLine = /^([\d,]+) more problems in .* are not listed: fix the ones listed, then check again$/;

/**
 * Problems per file, up to `limits.problemsPerFile` each: `take(file)` says
 * whether another may be listed (and placed, which reads the file), and
 * `rest()` is one line for each file with more, saying how many.
 */
export class ProblemsPerFile {
  private readonly seen = new Map<string, number>();
  private readonly limit: number;

  constructor(limit: number = limits.problemsPerFile) {
    this.limit = limit;
  }

  take(file: string): boolean {
    const seen = (this.seen.get(file) ?? 0) + 1;
    this.seen.set(file, seen);
    return seen <= this.limit;
  }

  rest(): Problem[] {
    return [...this.seen]
      .filter(([, seen]) => seen > this.limit)
      .map(([file, seen]) => notListed(file, seen - this.limit));
  }
}

/**
 * At most `limits.problemsPerFile` problems for each file, in the order
 * given, then one line per file saying how many more, counting those an
 * earlier step already left out.
 */
export function capPerFile(problems: readonly Problem[], limit: number = limits.problemsPerFile): Problem[] {
  const earlier = new Map<string, number>();
  const listed: Problem[] = [];
  const cap = new ProblemsPerFile(limit);
  for (const problem of problems) {
    const more = notListedLine.exec(problem.message)?.[1];
    if (more !== undefined)
      earlier.set(problem.file, (earlier.get(problem.file) ?? 0) + Number(more.replaceAll(",", "")));
    else if (cap.take(problem.file)) listed.push(problem);
  }
  for (const line of cap.rest()) {
    const more = Number(notListedLine.exec(line.message)?.[1]?.replaceAll(",", "") ?? 0);
    earlier.set(line.file, (earlier.get(line.file) ?? 0) + more);
  }
  return [...listed, ...[...earlier].map(([file, more]) => notListed(file, more))];
}
