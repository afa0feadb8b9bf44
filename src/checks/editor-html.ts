// The HTML an editor may write in a page: an allow-list of the elements and attributes pages need (text,
// headings, lists, links, tables, figures, pictures, details, layout blocks), read as a browser reads it.
// Only the editor's own HTML is held to it (markdown-it's html tokens, as written, at their file and line);
// the layouts and the markdown renderer's output are the developers'. What any page contacts as it loads is
// judged by the same policy as the rendered page (scan-rules/raw-html-policy.ts), so the two say the same
// thing in the same words, and the rendered page's check leaves unsaid what this one has said.
import { scanPage, type PageRule, type ScannedElement } from "../core/html-scanner.js";
import { error, type Problem } from "../core/problems.js";
import { allowedHosts, type AllowedHosts } from "../output/allowed-hosts.js";
import { createMarkdown } from "../render/markdown.js";
import { isVideoParagraph, vimeoIframes } from "../render/video-embed.js";
import { bodyStartLine, voidElements } from "./html-blocks.js";
import { nearest } from "./nearest.js";
import { cdataMessage, elementPolicy } from "./scan-rules/raw-html-policy.js";

/** Attributes any allowed element may have (and aria-…). */
const everywhere = ["id", "class", "title", "lang", "dir", "role"];

/** The elements an editor may write, each with the attributes it may have besides those above. */
const allowedElements: Readonly<Record<string, readonly string[]>> = {
  // Text.
  p: [],
  br: [],
  hr: [],
  span: [],
  strong: [],
  em: [],
  b: [],
  i: [],
  u: [],
  s: [],
  small: [],
  sub: [],
  sup: [],
  mark: [],
  abbr: [],
  dfn: [],
  cite: [],
  code: [],
  kbd: [],
  samp: [],
  var: [],
  pre: [],
  bdi: [],
  bdo: [],
  wbr: [],
  address: [],
  q: ["cite"],
  blockquote: ["cite"],
  del: ["cite", "datetime"],
  ins: ["cite", "datetime"],
  time: ["datetime"],
  // Headings.
  h1: [],
  h2: [],
  h3: [],
  h4: [],
  h5: [],
  h6: [],
  hgroup: [],
  // Lists.
  ul: [],
  ol: ["start", "reversed", "type"],
  li: ["value"],
  dl: [],
  dt: [],
  dd: [],
  // Links.
  a: ["href", "rel", "target", "hreflang", "type"],
  // Tables.
  table: [],
  caption: [],
  colgroup: ["span"],
  col: ["span"],
  thead: [],
  tbody: [],
  tfoot: [],
  tr: [],
  th: ["colspan", "rowspan", "headers", "scope", "abbr"],
  td: ["colspan", "rowspan", "headers"],
  // Figures and pictures.
  figure: [],
  figcaption: [],
  picture: [],
  source: ["srcset", "sizes", "media", "type", "width", "height"],
  img: ["src", "srcset", "sizes", "alt", "width", "height", "loading", "decoding"],
  // Details.
  details: ["open"],
  summary: [],
  // Layout blocks (with a class from the stylesheet: <div class="container">).
  div: [],
  section: [],
  article: [],
};

const allowedList =
  "text (p, strong, em, span, blockquote, …), headings, lists, links (a), tables, figures, pictures (img, picture), details, and blocks (div, section, article)";

/** Why an element a page cannot use is not needed, and what to do instead. */
function elementFix(name: string): string {
  if (name === "script") return "scripts belong in the site's code (src/scripts/), and a page loads none: remove it";
  if (name === "svg" || name === "math")
    return "a drawing or formula written as code is not checked for what it loads: save it as a picture in static/img/ and show it with ![what it shows](/static/img/….svg)";
  if (["video", "audio", "track"].includes(name))
    return "to show a video, put its Vimeo address (https://vimeo.com/…) on a line of its own; for another video or sound file, link to it in static/";
  if (
    [
      "form",
      "input",
      "button",
      "select",
      "option",
      "optgroup",
      "label",
      "fieldset",
      "legend",
      "datalist",
      "output",
    ].includes(name)
  )
    return "a page cannot hold a form or its controls: link to the form instead";
  if (["html", "head", "body", "meta", "link", "title"].includes(name))
    return "it belongs to the page's layout, not its text: remove it (the title and summary come from the front matter)";
  if (["header", "footer", "nav", "main", "aside", "dialog", "menu", "search"].includes(name))
    return "the layout makes the page's header, footer, menus and main part: use a <div> or <section> instead";
  if (["center", "font", "big", "marquee", "blink", "tt", "strike", "acronym", "basefont", "nobr"].includes(name))
    return "it is an out-of-date tag: use markdown (**bold**, ## headings) or a class from the site's stylesheet";
  return "remove it, or write this part in markdown";
}

export interface EditorHtmlCheck {
  problems: Problem[];
  /** The policy's keys for what was refused, so the rendered page's check does not say it again. */
  keys: string[];
}

export interface EditorHtmlOptions {
  /** The classes the site's stylesheet styles; asked only when the editor's HTML has a class. */
  styledClasses: () => ReadonlySet<string>;
  hosts?: AllowedHosts;
}

type Token = ReturnType<ReturnType<typeof createMarkdown>["parse"]>[number];

interface Piece {
  html: string;
  /** The body line (from 0) it starts on. */
  line: number;
}

/** Spaces where the player replaces a share-dialog iframe: what reaches the page there is the site's, not the editor's. */
function withoutPlayers(html: string): string {
  let kept = "";
  let from = 0;
  for (const found of vimeoIframes(html)) {
    kept += html.slice(from, found.start) + html.slice(found.start, found.end).replace(/[^\n]/g, " ");
    from = found.end;
  }
  return kept + html.slice(from);
}

/**
 * The editor's own HTML in a markdown body, as written, in order, less what
 * becomes the video player: an HTML block is one run; the tags inside one
 * paragraph (or heading, or table cell) are another, read together as the
 * browser reads them (an <image> inside an <svg> is SVG's).
 */
function editorHtmlRuns(tokens: readonly Token[]): Piece[][] {
  const runs: Piece[][] = [];
  tokens.forEach((token, i) => {
    if (token.type === "html_block" && token.map)
      runs.push([{ html: withoutPlayers(token.content), line: token.map[0] }]);
    if (token.type !== "inline" || !token.map || !token.children) return;
    // The same test the video plugin makes (src/render/video-embed.ts): such a paragraph becomes the player whole.
    const paragraph = tokens[i - 1]?.type === "paragraph_open" && tokens[i + 1]?.type === "paragraph_close";
    if (paragraph && isVideoParagraph(token.content)) return;
    const run: Piece[] = [];
    let line = token.map[0];
    for (const child of token.children) {
      if (child.type === "html_inline") run.push({ html: child.content, line });
      if (child.type === "softbreak" || child.type === "hardbreak") line += 1;
      line += (child.content.match(/\n/g) ?? []).length;
    }
    if (run.length > 0) runs.push(run);
  });
  return runs;
}

const markupMessages = {
  declaration:
    '<!…> and <?…> are not HTML a page can hold (browsers read them as comments that end at the first ">"): remove it',
  comment: "a comment (<!--) is never closed, so it hides the rest of the page: end it with -->",
  unfinished:
    'a tag here is never finished (it has no ">" before the HTML block ends), so the browser reads what follows as part of it: finish the tag with ">"',
};

let markdown: ReturnType<typeof createMarkdown> | undefined;

/** What an editor's HTML in a markdown page may not hold, each at its file, line and column. */
export function checkEditorHtml(file: string, text: string, options: EditorHtmlOptions): EditorHtmlCheck {
  const found: EditorHtmlCheck = { problems: [], keys: [] };
  if (!file.endsWith(".md") || !text.includes("<")) return found;
  markdown ??= createMarkdown({ videos: false });
  const start = bodyStartLine(text);
  const sourceLines = text.split("\n");
  const body = sourceLines.slice(start).join("\n");
  const hosts = options.hosts ?? allowedHosts;
  let styled: ReadonlySet<string> | undefined;
  let suggested = 0;

  for (const run of editorHtmlRuns(markdown.parse(body, {}))) {
    const html = run.map((piece) => piece.html).join("");
    // Problems come in the order of the text, so one pass over the run's pieces and their lines places them all.
    let at = 0;
    let pieceStart = 0;
    let k = 0;
    let lineStart = 0;
    let indent: number | undefined;
    let previous = { line: -1, column: -1 };
    let pieceLines: string[] | undefined;
    /** The file's line and column of an offset in the run (its lines are found in the source, whatever the markdown stripped). */
    const place = (offset: number) => {
      while (at < run.length - 1 && pieceStart + (run[at]?.html.length ?? 0) <= offset) {
        pieceStart += run[at]?.html.length ?? 0;
        at++;
        k = 0;
        lineStart = 0;
        indent = undefined;
        pieceLines = undefined;
      }
      const piece = run[at] ?? { html: "", line: 0 };
      pieceLines ??= piece.html.split("\n");
      const within = offset - pieceStart;
      while (k < pieceLines.length - 1 && lineStart + (pieceLines[k] ?? "").length < within) {
        lineStart += (pieceLines[k] ?? "").length + 1;
        k++;
        indent = undefined;
      }
      const line = start + piece.line + k;
      if (indent === undefined) {
        // Two tags on one line: the second is after the first.
        const from = previous.line === line ? previous.column + 1 : 0;
        const found = (sourceLines[line] ?? "").indexOf(pieceLines[k] ?? "", from);
        indent = found >= 0 ? found : Math.max(0, from);
        previous = { line, column: indent };
      }
      return { line: line + 1, column: indent + within - lineStart + 1 };
    };
    const report = (offset: number, message: string, key?: string) => {
      const { line, column } = place(offset);
      found.problems.push(error(file, line, column, message));
      if (key) found.keys.push(key);
    };
    // Inside an element refused whole (an <svg>), its contents are not listed one by one.
    let refusedDepth = 0;
    const refusedOpen: ScannedElement[] = [];

    const rule: PageRule = {
      open(element, context) {
        const { name, attributes } = element;
        const policy = elementPolicy(element, { inHead: false, inSvg: context.inside("svg") }, hosts, "/", (n) =>
          context.inside(n),
        );
        for (const finding of policy) report(element.start, finding.message, finding.key);
        const told = new Set(policy.flatMap((finding) => (finding.attribute ? [finding.attribute] : [])));
        const allowed = allowedElements[name];
        if (refusedDepth > 0) return;
        if (!allowed) {
          // The policy's own refusal of the element (a <script>, a frame) says why already.
          if (!policy.some((finding) => !finding.attribute))
            report(
              element.start,
              `<${name}> is not one of the tags a page may use (${allowedList}): ${elementFix(name)}`,
            );
          if (!voidElements.has(name)) {
            refusedDepth = 1;
            refusedOpen.push(element);
          }
          return;
        }
        for (const attribute in attributes) {
          if (told.has(attribute)) continue;
          if (attribute.startsWith("data-")) {
            report(
              element.start,
              `${attribute}="…" on <${name}> cannot be used: data- attributes are read by the site's own scripts, never set by a page. Remove it`,
            );
          } else if (
            !everywhere.includes(attribute) &&
            !attribute.startsWith("aria-") &&
            !allowed.includes(attribute)
          ) {
            const own = allowed.length > 0 ? ` (<${name}> may have ${allowed.join(", ")})` : "";
            report(element.start, `the attribute ${attribute} on <${name}> is not one a page may use${own}: remove it`);
          }
        }
        const classes = (attributes.class ?? "").split(/[ \t\n\f\r]+/).filter(Boolean);
        if (classes.length === 0) return;
        styled ??= options.styledClasses();
        for (const name of classes) {
          if (styled.has(name)) continue;
          // A suggestion costs a comparison with every class: only for the first few, of a likely length.
          const suggestion = suggested++ < 20 && name.length <= 40 ? nearest(name, [...styled]) : undefined;
          report(
            element.start,
            `the class "${name}" on <${element.name}> is not in the site's stylesheet, so it changes nothing: ${suggestion ? `did you mean "${suggestion}"? ` : ""}use a class the stylesheet styles, or ask a developer to add one to src/styles/`,
          );
        }
      },
      close(element) {
        if (refusedOpen[refusedOpen.length - 1] === element) {
          refusedOpen.pop();
          refusedDepth = 0;
        }
      },
      markup(markup) {
        if (markup.kind === "cdata") report(markup.start, cdataMessage, "cdata");
        else if (markup.kind === "declaration") report(markup.start, markupMessages.declaration);
        else if (markup.kind === "unfinished") report(markup.start, markupMessages.unfinished);
        else if (!markup.closed) report(markup.start, markupMessages.comment);
      },
    };
    scanPage(html, [rule]);
  }
  return found;
}
