import type { AllowedHosts } from "../output/allowed-hosts.js";
import { checkHtmlBlocks } from "./html-blocks.js";
import { checkLinks, linkCollector, type PageLinks } from "./link-check.js";
import { scanPage, type Finding, type PageRule } from "../core/html-scanner.js";
import { error, positionAt, warning, type Problem } from "../core/problems.js";
import {
  frameTitle,
  headingLevels,
  imageAlt,
  linkText,
  newTabNoopener,
  oneMainHeading,
  tableHeaders,
} from "./scan-rules/accessibility.js";
import { fileNames, literalMarkdownText } from "./scan-rules/broken-markdown.js";
import { rawHtmlPolicy } from "./scan-rules/raw-html-policy.js";

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

export interface Placed {
  line: number;
  column: number;
  inLayout: boolean;
}

/** Where in the page's source a problem starts: the first place a needle matches, tried in turn, else the top of the file. */
export function locate(file: string, readSource: SourceReader, needles: readonly (string | RegExp)[]): Placed {
  const text = readSource(file);
  if (text !== undefined) {
    for (const needle of needles) {
      const index = typeof needle === "string" ? (needle ? text.indexOf(needle) : -1) : text.search(needle);
      if (index >= 0) return { ...positionAt(text, index), inLayout: false };
    }
  }
  return { line: 1, column: 1, inLayout: true };
}

export function fromLayout(inLayout: boolean): string {
  return inLayout ? " (it comes from the page's layout, not from this file)" : "";
}

/** A finding on a rendered page as a problem in its source file. */
export function placeFinding(file: string, finding: Finding, readSource: SourceReader): Problem {
  const where = finding.wholePage ? { line: 1, column: 1, inLayout: false } : locate(file, readSource, finding.needles);
  const make = finding.severity === "warning" ? warning : error;
  return make(file, where.line, where.column, `${finding.message}${fromLayout(where.inLayout)}`);
}

/** Every rule a rendered page is checked by, fresh for one page (rules keep state while a page streams past). */
export function pageRules(hosts?: AllowedHosts): PageRule[] {
  return [
    oneMainHeading(),
    headingLevels(),
    imageAlt(),
    frameTitle(),
    newTabNoopener(),
    linkText(),
    tableHeaders(),
    rawHtmlPolicy(hosts),
    literalMarkdownText(),
    fileNames(),
  ];
}

/**
 * Checks rendered pages one at a time, keeping only what the site-wide link
 * check needs (each page's ids and links), so a page can be dropped once it
 * is checked. `finish` runs the link check over everything seen.
 */
export class RenderedChecker {
  readonly problems: Problem[] = [];
  private readonly links = new Map<string, PageLinks>();
  private readonly files = new Map<string, string>();
  private readonly sourcesChecked = new Set<string>();

  private readonly readSource: SourceReader;
  private readonly hosts: AllowedHosts | undefined;

  constructor(readSource: SourceReader, hosts?: AllowedHosts) {
    this.readSource = readSource;
    this.hosts = hosts;
  }

  /** One pass over the page feeds every rule and the link collector. */
  check(page: RenderedPage): void {
    const collector = linkCollector();
    const findings = scanPage(page.html, [...pageRules(this.hosts), collector.rule]);
    this.links.set(page.path, collector.links);
    this.files.set(page.path, page.file);
    for (const finding of findings) this.problems.push(placeFinding(page.file, finding, this.readSource));
    // A markdown page's own HTML, once per source file (a paginated source renders many pages).
    const source = this.readSource(page.file);
    if (source !== undefined && !this.sourcesChecked.has(page.file)) {
      this.sourcesChecked.add(page.file);
      this.problems.push(...checkHtmlBlocks(page.file, source));
    }
  }

  /** The problems on every page checked, with the links that lead nowhere. `files`: site paths of every file built. */
  finish(files: ReadonlySet<string>): Problem[] {
    for (const broken of checkLinks(this.links, files)) {
      const file = this.files.get(broken.page);
      if (!file) continue;
      const where = locate(file, this.readSource, [
        `(${broken.target}`,
        `"${broken.target}"`,
        `'${broken.target}'`,
        broken.target,
      ]);
      this.problems.push(
        error(
          file,
          where.line,
          where.column,
          `broken link "${broken.target}": ${broken.reason}. Correct the address or remove the link${fromLayout(where.inLayout)}`,
        ),
      );
    }
    return this.problems;
  }
}

/**
 * Problems a visitor would meet on the rendered pages: links to nothing,
 * headings, images without alt text, untitled frames, unsafe new-tab links,
 * raw HTML the security policy blocks, markdown shown as written.
 * Each page is read once, by a streaming scanner, for all of these together.
 */
export function checkRenderedPages(
  pages: readonly RenderedPage[],
  files: ReadonlySet<string>,
  readSource: SourceReader,
  hosts?: AllowedHosts,
): Problem[] {
  const checker = new RenderedChecker(readSource, hosts);
  for (const page of pages) checker.check(page);
  return checker.finish(files);
}
