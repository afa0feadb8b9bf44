// HTML tags an editor opens in a markdown page and never closes (or closes twice). The browser then
// closes them wherever it can, which restyles or swallows the rest of the page, and nothing says so.
// Read from the markdown's own HTML (blocks and inline tags), so the line is the editor's.
import { Tokenizer } from "htmlparser2";
import { createMarkdown } from "../render/markdown.js";
import { error, type Problem } from "../core/problems.js";

/** Elements with no closing tag. */
export const voidElements = new Set([
  "area",
  "base",
  "br",
  "col",
  "embed",
  "hr",
  "img",
  "input",
  "link",
  "meta",
  "param",
  "source",
  "track",
  "wbr",
]);
/** Elements whose closing tag HTML lets a page leave out. */
const optionalEnd = new Set([
  "p",
  "li",
  "dt",
  "dd",
  "option",
  "optgroup",
  "tr",
  "td",
  "th",
  "thead",
  "tbody",
  "tfoot",
  "colgroup",
  "caption",
  "rb",
  "rt",
  "rp",
  "html",
  "head",
  "body",
]);

interface Tag {
  name: string;
  closing: boolean;
  /** Offset in the HTML it was read from. */
  index: number;
}

/** The tags in a piece of HTML, read by the site's HTML tokenizer (htmlparser2's): comments, text-only elements and self-closing tags as a browser reads them. */
export function htmlTags(html: string): Tag[] {
  const tags: Tag[] = [];
  const noop = () => undefined;
  const tokenizer = new Tokenizer(
    { decodeEntities: false, recognizeSelfClosing: true },
    {
      onopentagname(start, end) {
        tags.push({ name: html.slice(start, end).toLowerCase(), closing: false, index: start - 1 });
      },
      onselfclosingtag() {
        // "<br/>" or "<div/>": an editor's tag that closes itself opens nothing.
        if (tags.at(-1)?.closing === false) tags.pop();
      },
      onclosetag(start, end) {
        tags.push({ name: html.slice(start, end).toLowerCase(), closing: true, index: html.lastIndexOf("</", start) });
      },
      onattribdata: noop,
      onattribentity: noop,
      onattribend: noop,
      onattribname: noop,
      oncdata: noop,
      oncomment: noop,
      ondeclaration: noop,
      onend: noop,
      onopentagend: noop,
      onprocessinginstruction: noop,
      ontext: noop,
      ontextentity: noop,
    },
  );
  tokenizer.write(html);
  tokenizer.end();
  return tags;
}

/** The line (from 0) the body of a page starts on, after its front matter. */
export function bodyStartLine(text: string): number {
  const lines = text.split("\n");
  if ((lines[0] ?? "").replace(/^\uFEFF/, "").trim() !== "---") return 0;
  for (let i = 1; i < lines.length; i++) if (/^(?:---|\.\.\.)\s*$/.test(lines[i] ?? "")) return i + 1;
  return 0;
}

type Token = ReturnType<ReturnType<typeof createMarkdown>["parse"]>[number];

/** Each piece of raw HTML in a markdown body, in order, with the body line it starts on. */
function htmlPieces(tokens: readonly Token[]): { html: string; line: number }[] {
  const pieces: { html: string; line: number }[] = [];
  for (const token of tokens) {
    if (token.type === "html_block" && token.map) pieces.push({ html: token.content, line: token.map[0] });
    if (token.type === "inline" && token.map && token.children) {
      let line = token.map[0];
      for (const child of token.children) {
        if (child.type === "html_inline") pieces.push({ html: child.content, line });
        if (child.type === "softbreak" || child.type === "hardbreak") line += 1;
        line += (child.content.match(/\n/g) ?? []).length;
      }
    }
  }
  return pieces;
}

let markdown: ReturnType<typeof createMarkdown> | undefined;

/**
 * The page's body as the site renders it, inside a minimal valid page, when
 * the editor wrote HTML of their own in it; undefined for a page of markdown
 * only, whose HTML the site's renderer makes (valid by construction). The
 * HTML validity check needs no more than this.
 */
export function editorHtmlPage(file: string, text: string): string | undefined {
  if (!file.endsWith(".md") || !text.includes("<")) return undefined;
  markdown ??= createMarkdown();
  const body = text.split("\n").slice(bodyStartLine(text)).join("\n");
  const tokens = markdown.parse(body, {});
  if (htmlPieces(tokens).length === 0) return undefined;
  return `<!doctype html>\n<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n<title>Page</title>\n</head>\n<body>\n<main id="main">\n<h1>Page</h1>\n${markdown.renderer.render(tokens, markdown.options, {})}</main>\n</body>\n</html>\n`;
}

/** Unclosed and unopened HTML tags in a markdown page, each at the line of its tag. */
export function checkHtmlBlocks(file: string, text: string): Problem[] {
  if (!file.endsWith(".md") || !text.includes("<")) return [];
  markdown ??= createMarkdown();
  const start = bodyStartLine(text);
  const body = text.split("\n").slice(start).join("\n");
  const open: { name: string; line: number; column: number; tag: string }[] = [];
  const problems: Problem[] = [];
  for (const piece of htmlPieces(markdown.parse(body, {}))) {
    // Lines counted as the tags go by, so a long block is read once.
    let counted = 0;
    let linesBefore = 0;
    let lineStart = 0;
    for (const tag of htmlTags(piece.html)) {
      if (voidElements.has(tag.name)) continue;
      for (; counted < tag.index; counted++) {
        if (piece.html.charCodeAt(counted) === 10) {
          linesBefore++;
          lineStart = counted + 1;
        }
      }
      const line = start + piece.line + linesBefore + 1;
      const column = tag.index - lineStart + 1;
      if (!tag.closing) {
        const end = piece.html.indexOf(">", tag.index);
        const written = piece.html.slice(tag.index, end < 0 ? undefined : Math.min(end + 1, tag.index + 60));
        open.push({ name: tag.name, line, column, tag: written });
        continue;
      }
      let at = open.length - 1;
      while (at >= 0 && open[at]?.name !== tag.name) at--;
      if (at < 0) {
        if (!optionalEnd.has(tag.name))
          problems.push(
            error(
              file,
              line,
              column,
              `</${tag.name}> closes a <${tag.name}> that was never opened: remove it, or add the <${tag.name}> it should close`,
            ),
          );
        continue;
      }
      for (const unclosed of open.splice(at).slice(1)) {
        if (!optionalEnd.has(unclosed.name))
          problems.push(unclosedProblem(file, unclosed, `before the </${tag.name}> on line ${line}`));
      }
    }
  }
  for (const unclosed of open)
    if (!optionalEnd.has(unclosed.name)) problems.push(unclosedProblem(file, unclosed, "by the end of the page"));
  return problems;
}

function unclosedProblem(
  file: string,
  element: { name: string; line: number; column: number; tag: string },
  where: string,
): Problem {
  return error(
    file,
    element.line,
    element.column,
    `${element.tag} is never closed ${where}, so it takes in the rest of the page and can change how it looks: add </${element.name}> where it should end (after a blank line, if markdown comes before it)`,
  );
}
