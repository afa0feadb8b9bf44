// One streaming pass over a rendered page that feeds every rule at once. No DOM is built: the
// rules keep only what they need (ids, links, headings), so a page's garbage is gone once it is read.
import { Parser } from "htmlparser2";

/** An element as the scanner meets its opening tag. */
export interface ScannedElement {
  /** Lower-case tag name. */
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
}

export interface ScanContext {
  /** Open elements, outermost first (html, body, main, …), the current one last. */
  readonly open: readonly ScannedElement[];
  /** Whether an element of this name is open around the current point. */
  inside(name: string): boolean;
  report(finding: Finding): void;
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

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        flushText();
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
      onclosetag(name, implied) {
        flushText();
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
        if (textStart < 0) textStart = parser.startIndex;
        text += data;
        if (!inRawText()) addText(data);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  flushText();
  for (const rule of rules) rule.end?.(context);
  return findings;
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

/** What an XML document (an SVG picture) holds, as the scanner meets it. Names are as written: XML is case-sensitive. */
export interface XmlVisitor {
  /** An element's opening tag, attribute values with XML's character references decoded. */
  open?(name: string, attributes: Readonly<Record<string, string>>, offset: number): void;
  close?(name: string): void;
  /** Text, CDATA sections included, with the element it is in. */
  text?(text: string, offset: number): void;
  /** A declaration or processing instruction, such as `!DOCTYPE svg …` or `?xml-stylesheet href="…"`. */
  instruction?(data: string, offset: number): void;
}

/**
 * Reads an XML document once, as a browser's XML parser reads it (the same
 * parser as pages, in its XML mode: names kept as written, self-closing tags
 * closed, CDATA read as text, only XML's own character references decoded).
 */
export function scanXml(xml: string, visitor: XmlVisitor): void {
  const parser = new Parser(
    {
      onopentag: (name, attributes) => visitor.open?.(name, attributes, parser.startIndex),
      onclosetag: (name) => visitor.close?.(name),
      ontext: (text) => visitor.text?.(text, parser.startIndex),
      onprocessinginstruction: (_name, data) => visitor.instruction?.(data, parser.startIndex),
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.end(xml);
}
