// One streaming pass over a rendered page that feeds every rule at once. No DOM is built: the
// rules keep only what they need (ids, links, headings), so a page's garbage is gone once it is read.
import { Parser } from "htmlparser2";

/** An element as the scanner meets its opening tag. */
export interface ScannedElement {
  /** Lower-case tag name, SVG's and MathML's included ("feimage"), as the browser names it in HTML ("<image>" is "img"). */
  name: string;
  /** Lower-case attribute names, values as the browser reads them (entities decoded). */
  attributes: Readonly<Record<string, string>>;
  /** Offset of its "<" in the page. */
  start: number;
  /** Offset just after the ">" that ends its opening tag. */
  tagEnd: number;
  /** The text inside it, for links and headings only (capped), with images' alt text; complete when it closes. */
  text: string;
}

/** Something a rule found, with what to look for in the page's source to place it. */
export interface Finding {
  message: string;
  /** Offset in the rendered page. */
  offset: number;
  /** Tried in turn against the source file; the first match places the problem. */
  needles: readonly (string | RegExp)[];
  severity?: "error" | "warning";
  /** About the page as a whole (no h1): reported at its first line. */
  wholePage?: boolean;
  /** Names the mistake the same wherever it is read, so a check that read it first can have it told once. */
  key?: string;
}

export interface ScanContext {
  /** Open elements, outermost first (html, body, main, …), the current one last. */
  readonly open: readonly ScannedElement[];
  /** Whether an element of this name is open around the current point. */
  inside(name: string): boolean;
  report(finding: Finding): void;
}

/**
 * Markup that is not an element: a comment, a CDATA section (which browsers
 * read as a comment ending at the first ">" outside SVG and MathML), a
 * declaration or processing instruction (<!doctype …>, <!…>, <?…>), or a
 * tag still unfinished when the text ends.
 */
interface ScannedMarkup {
  kind: "comment" | "cdata" | "declaration" | "unfinished";
  /** Offset of its "<". */
  start: number;
  /** Whether it ends as it should ("-->", "]]>", ">"); an unfinished tag never does. */
  closed: boolean;
}

/** A check on a page, fed as the page streams past. */
export interface PageRule {
  open?(element: ScannedElement, context: ScanContext): void;
  /** `implied`: the page never closed it; the parser did, at a parent's end tag or the end of the page. */
  close?(element: ScannedElement, implied: boolean, context: ScanContext): void;
  /** A run of text between two tags (outside scripts and styles), entities decoded, with its offset. */
  text?(text: string, offset: number, context: ScanContext): void;
  /** The contents of a script or style element. */
  rawText?(text: string, element: ScannedElement, context: ScanContext): void;
  markup?(markup: ScannedMarkup, context: ScanContext): void;
  end?(context: ScanContext): void;
}

/** Elements whose text the rules read (link text, headings, table headers); others keep none. */
const keepsText = new Set(["a", "h1", "h2", "h3", "h4", "h5", "h6", "button", "th", "caption"]);
const rawText = new Set(["script", "style"]);
const textCap = 300;

/** Reads a page once, giving each rule every tag and text in order, and returns what they found. */
export function scanPage(html: string, rules: readonly PageRule[]): Finding[] {
  const findings: Finding[] = [];
  const open: ScannedElement[] = [];
  // How many of each element are open, so "inside a <main>?" costs the same however deep the page nests.
  const openCount = new Map<string, number>();
  const context: ScanContext = {
    open,
    inside: (name) => (openCount.get(name) ?? 0) > 0,
    report: (finding) => void findings.push(finding),
  };
  // Elements keeping their text (links, headings), innermost last: text goes to the innermost, and to its parent when it closes.
  const keepers: ScannedElement[] = [];
  let text = "";
  let textStart = -1;
  const inRawText = () => rawText.has(open[open.length - 1]?.name ?? "");

  const flushText = () => {
    if (textStart < 0) return;
    const top = open[open.length - 1];
    if (top && rawText.has(top.name)) for (const rule of rules) rule.rawText?.(text, top, context);
    else for (const rule of rules) rule.text?.(text, textStart, context);
    text = "";
    textStart = -1;
  };
  const addText = (words: string) => {
    const keeper = keepers[keepers.length - 1];
    if (keeper && keeper.text.length < textCap) keeper.text += words;
  };

  // Where the parser stopped reading: short of the end when it was inside a tag (which it drops silently).
  let readTo = 0;
  const markup = (kind: ScannedMarkup["kind"], start: number, closed: boolean) => {
    for (const rule of rules) rule.markup?.({ kind, start, closed }, context);
  };

  const parser = new Parser(
    {
      onopentag(tagName, attributes) {
        flushText();
        // SVG's names come back in their own case ("feImage"); rules compare lower case.
        const name = tagName.toLowerCase();
        const element: ScannedElement = {
          name,
          attributes,
          start: parser.startIndex,
          tagEnd: parser.endIndex + 1,
          text: "",
        };
        if (name === "img" && attributes.alt) addText(` ${attributes.alt} `);
        open.push(element);
        openCount.set(name, (openCount.get(name) ?? 0) + 1);
        if (keepsText.has(name)) keepers.push(element);
        for (const rule of rules) rule.open?.(element, context);
      },
      onclosetag(tagName, implied) {
        flushText();
        const name = tagName.toLowerCase();
        // The parser closes elements one at a time, innermost first, so this is almost always the last one open.
        let at = open.length - 1;
        while (at >= 0 && open[at]?.name !== name) at--;
        const element = at < 0 ? undefined : at === open.length - 1 ? open.pop() : open.splice(at, 1)[0];
        if (!element) return;
        openCount.set(name, (openCount.get(name) ?? 1) - 1);
        if (keepers[keepers.length - 1] === element) {
          keepers.pop();
          element.text = element.text.replace(/\s+/g, " ").trim();
          addText(` ${element.text} `);
        }
        for (const rule of rules) rule.close?.(element, implied, context);
      },
      ontext(data) {
        // Inside SVG or MathML the parser hands a CDATA section over as text.
        if (html.startsWith("<![CDATA[", parser.startIndex)) {
          flushText();
          markup("cdata", parser.startIndex, html.startsWith("]]>", parser.endIndex - 2));
          return;
        }
        if (textStart < 0) textStart = parser.startIndex;
        text += data;
        if (!inRawText()) addText(data);
      },
      oncomment() {
        flushText();
        const start = parser.startIndex;
        const end = parser.endIndex;
        if (html.startsWith("<!--", start)) {
          const source = html.slice(start, end + 1);
          const closed = source === "<!-->" || source === "<!--->" || source.endsWith("-->") || source.endsWith("--!>");
          markup("comment", start, closed && source.length >= 5);
        } else if (html.startsWith("<![CDATA[", start)) markup("cdata", start, html.startsWith("]]>", end - 2));
        else markup("declaration", start, html[end] === ">");
      },
      onprocessinginstruction() {
        flushText();
        markup("declaration", parser.startIndex, html[parser.endIndex] === ">");
      },
      onend() {
        readTo = parser.startIndex;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  flushText();
  const unfinished = readTo < html.length ? Math.max(0, html.lastIndexOf("<", readTo)) : lastTagUnended(html);
  if (unfinished >= 0) markup("unfinished", unfinished, false);
  for (const rule of rules) rule.end?.(context);
  return findings;
}

/** The offset of the last "<" that starts a tag with no ">" after it, or -1. */
function lastTagUnended(html: string): number {
  const last = html.lastIndexOf("<");
  if (last < 0 || html.indexOf(">", last) >= 0) return -1;
  return /[a-z/!?]/i.test(html[last + 1] ?? "") ? last : -1;
}

const specials = /[.*+?^${}()|[\]\\]/g;

/** Text as a pattern that matches it literally. */
export function literally(text: string): string {
  return text.replace(specials, "\\$&");
}

/** An element's opening tag in a source, with an attribute holding `value`: <iframe ... src="/x/". */
export function tagWith(tag: string, attribute: string, value: string): RegExp {
  return new RegExp(`<${literally(tag)}\\b[^<>]*\\b${literally(attribute)}=["']?${literally(value)}["' >]`, "i");
}
