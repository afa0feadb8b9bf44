import { checkLinks, pageLinks, parsePage, type PageLinks } from "./link-check.js";
import { error, positionAt, type Problem } from "./problems.js";

/** One page as Eleventy rendered it. */
export interface RenderedPage {
  /** Site path of the written file, e.g. "/news/index.html". */
  path: string;
  /** The page's source, from the project folder, e.g. "content/news/index.md". */
  file: string;
  html: string;
}

/** Reads page sources on demand, once each. */
export type SourceReader = (file: string) => string | undefined;

/** Where in the page's source a problem starts: the first place a needle matches, tried in turn, else the top of the file. */
function locate(page: RenderedPage, readSource: SourceReader, needles: readonly (string | RegExp)[]): { line: number; column: number; inLayout: boolean } {
  const text = readSource(page.file);
  if (text !== undefined) {
    for (const needle of needles) {
      const index = typeof needle === "string" ? (needle ? text.indexOf(needle) : -1) : text.search(needle);
      if (index >= 0) return { ...positionAt(text, index), inLayout: false };
    }
  }
  return { line: 1, column: 1, inLayout: true };
}

/** An element's opening tag in the source, with an attribute holding `value`: <iframe ... src="/x/". */
function tagWith(tag: string, attribute: string, value: string): RegExp {
  const escaped = value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`<${tag}\\b[^<>]*\\b${attribute}=["']?${escaped}["' >]`, "i");
}

function fromLayout(inLayout: boolean): string {
  return inLayout ? " (it comes from the page's layout, not from this file)" : "";
}

/**
 * Problems a visitor would meet on the rendered pages: links to nothing,
 * headings, images without alt text, untitled frames, unsafe new-tab links.
 * Each page is parsed once, for these checks and the link check together.
 */
export function checkRenderedPages(pages: readonly RenderedPage[], files: ReadonlySet<string>, readSource: SourceReader): Problem[] {
  const problems: Problem[] = [];
  const bySitePath = new Map(pages.map((page) => [page.path, page]));
  const links = new Map<string, PageLinks>();

  for (const page of pages) {
    const root = parsePage(page.html);
    links.set(page.path, pageLinks(root));

    const headings = root.querySelectorAll("h1");
    if (headings.length === 0) {
      problems.push(error(page.file, 1, 1, "the page has no main heading (h1): give it a title in the front matter, or a layout that shows the title"));
    } else if (headings.length > 1) {
      const second = headings[1]?.text.trim() ?? "";
      const where = locate(page, readSource, [`# ${second}`, `<h1`, second]);
      problems.push(
        error(page.file, where.line, where.column, `the page has ${headings.length} main headings (h1); a page has one, its title. Make "${second}" a ## heading${fromLayout(where.inLayout)}`),
      );
    }

    for (const image of root.querySelectorAll("img")) {
      if (image.hasAttribute("alt")) continue;
      const src = image.getAttribute("src") ?? "";
      const where = locate(page, readSource, [tagWith("img", "src", src), src, "<img"]);
      problems.push(error(page.file, where.line, where.column, `image ${src} has no alt text: add alt="what the picture shows", or alt="" if it is only decoration${fromLayout(where.inLayout)}`));
    }

    for (const frame of root.querySelectorAll("iframe")) {
      if ((frame.getAttribute("title") ?? "").trim()) continue;
      const src = frame.getAttribute("src") ?? "";
      const where = locate(page, readSource, [tagWith("iframe", "src", src), "<iframe"]);
      problems.push(error(page.file, where.line, where.column, `embedded frame ${src} has no title: add title="what it shows" so screen reader users know what it is${fromLayout(where.inLayout)}`));
    }

    for (const link of root.querySelectorAll('a[target="_blank"]')) {
      const rel = (link.getAttribute("rel") ?? "").toLowerCase().split(/\s+/);
      if (rel.includes("noopener")) continue;
      const href = link.getAttribute("href") ?? "";
      const where = locate(page, readSource, [tagWith("a", "href", href), 'target="_blank"']);
      problems.push(error(page.file, where.line, where.column, `link to ${href} opens a new tab without rel="noopener": add rel="noopener noreferrer" to it${fromLayout(where.inLayout)}`));
    }
  }

  for (const broken of checkLinks(links, files)) {
    const page = bySitePath.get(broken.page);
    if (!page) continue;
    const where = locate(page, readSource, [`(${broken.target}`, `"${broken.target}"`, `'${broken.target}'`, broken.target]);
    problems.push(error(page.file, where.line, where.column, `broken link "${broken.target}": ${broken.reason}. Correct the address or remove the link${fromLayout(where.inLayout)}`));
  }
  return problems;
}
