// Small rendered pages for the page checks: markdown rendered as the site renders it, inside a minimal valid page.
import { resolve } from "node:path";
import { checkEditorHtml } from "../../src/checks/editor-html.js";
import { checkHtmlBlocks } from "../../src/checks/html-blocks.js";
import { checkRenderedPages, RenderedChecker, type RenderedPage } from "../../src/checks/rendered.js";
import { siteStylesheetClasses } from "../../src/checks/stylesheet-classes.js";
import { formatProblem } from "../../src/core/problems.js";
import { createMarkdown } from "../../src/render/markdown.js";

const projectRoot = resolve(import.meta.dirname, "..", "..");

const markdown = createMarkdown();

export interface FixturePage {
  page: RenderedPage;
  /** The source file's text: front matter, a blank line, then the body. */
  source: string;
}

/** A page whose content is `body` (markdown), at content/<name>.md, rendered with a title h1 from the layout. */
export function fixturePage(name: string, body: string, head = ""): FixturePage {
  const source = `---\ntitle: A page\nmetadesc: A page made by a test, to show what the checks say about it.\n---\n\n${body}`;
  const html = `<!doctype html>\n<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n<title>A page</title>${head}\n</head>\n<body>\n<main id="main">\n<h1>A page</h1>\n${markdown.render(body)}</main>\n</body>\n</html>\n`;
  return { page: { path: `/${name}/index.html`, file: `content/${name}.md`, html }, source };
}

/** Files besides the pages that every fixture site has, for links to files. */
const fixtureFiles = ["/static/a.svg", "/assets/site.abc.js"];

/** The problems the page checks report on fixture pages, as the lines an editor reads. */
export function checkFixtures(...pages: FixturePage[]): string[] {
  const sources = new Map(pages.map(({ page, source }) => [page.file, source]));
  const files = new Set([...fixtureFiles, ...pages.map(({ page }) => page.path)]);
  // The editor's own HTML is checked from the source, before rendering; the rendered page after.
  return [
    ...pages.flatMap(({ page, source }) => checkHtmlBlocks(page.file, source)),
    ...checkRenderedPages(
      pages.map(({ page }) => page),
      files,
      (file) => sources.get(file),
    ),
  ].map(formatProblem);
}

/** The problems on one page made of `body`. */
export function checkBody(body: string): string[] {
  return checkFixtures(fixturePage("page", body));
}

let styled: Set<string> | undefined;

/** The classes the project's stylesheet styles (compiled once, as the build compiles it). */
export function projectStyledClasses(): Set<string> {
  styled ??= siteStylesheetClasses(projectRoot);
  return styled;
}

/**
 * The problems `npm run check` reports on one page made of `body`: the
 * editor's own HTML against the allow-list, then the rendered page, each
 * mistake told once (as the build does), with the project's stylesheet.
 */
export function checkPageAsBuilt(body: string): string[] {
  const { page, source } = fixturePage("page", body);
  const editor = checkEditorHtml(page.file, source, { styledClasses: projectStyledClasses });
  const checker = new RenderedChecker((file) => (file === page.file ? source : undefined));
  checker.alreadyTold(new Map([[page.file, editor.keys]]));
  checker.check(page);
  return [
    ...checkHtmlBlocks(page.file, source),
    ...editor.problems,
    ...checker.finish(new Set([...fixtureFiles, page.path])),
  ].map(formatProblem);
}
