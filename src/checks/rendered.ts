import type { AllowedHosts } from "../output/allowed-hosts.js";
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
import {
  checkPageWeight,
  gzipSize,
  resourceCollector,
  weighPage,
  type PageResources,
  type ReadSiteFile,
} from "./page-weight.js";

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
function placeFinding(file: string, finding: Finding, readSource: SourceReader): Problem {
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

/** What the site-wide checks need of a page once it is checked: never its HTML. */
interface PageSummary {
  file: string;
  links: PageLinks;
  /** Gzipped bytes of the page's HTML, and what it loads, for the weight budget. */
  htmlGzipped: number;
  resources: PageResources;
  /** What the page's own rules found, placed in its source, each with the policy's key if it has one. */
  problems: Array<{ problem: Problem; key?: string }>;
}

/**
 * Checks rendered pages one at a time, as Eleventy writes them: one pass
 * over each page feeds every rule, the link collector and the weight
 * collector, and only a small summary is kept (its ids and links, its
 * weight), so a page's HTML can be dropped once it is checked. `finish`
 * runs the site-wide checks (links, weight) over every page seen. A page
 * checked again (the preview rebuilding it) replaces its summary.
 */
export class RenderedChecker {
  private readonly pages = new Map<string, PageSummary>();
  private readonly readSource: SourceReader;
  private readonly hosts: AllowedHosts | undefined;
  private told = new Map<string, ReadonlySet<string>>();

  constructor(readSource: SourceReader, hosts?: AllowedHosts) {
    this.readSource = readSource;
    this.hosts = hosts;
  }

  /**
   * What the checks of the editor's own HTML and front matter have already
   * refused, by file (the policy's keys): the rendered page's rule, which
   * reads the same addresses again, leaves those unsaid.
   */
  alreadyTold(told: ReadonlyMap<string, readonly string[]>): void {
    this.told = new Map([...told].map(([file, keys]) => [file, new Set(keys)]));
  }

  check(page: RenderedPage): void {
    const links = linkCollector();
    const weight = resourceCollector();
    const findings = scanPage(page.html, [...pageRules(this.hosts), links.rule, weight.rule]);
    this.pages.set(page.path, {
      file: page.file,
      links: links.links,
      htmlGzipped: gzipSize(page.html),
      resources: weight.resources,
      problems: findings.map((finding) => ({
        problem: placeFinding(page.file, finding, this.readSource),
        ...(finding.key ? { key: finding.key } : {}),
      })),
    });
  }

  /** Pages no longer built (the preview after a page was deleted). */
  keepOnly(paths: ReadonlySet<string>): void {
    for (const path of this.pages.keys()) if (!paths.has(path)) this.pages.delete(path);
  }

  /** Problems by the source file of each page checked, site-wide ones included. `files`: site paths of every file built. */
  finish(files: ReadonlySet<string>, read?: ReadSiteFile): Problem[] {
    const problems = [...this.pages.values()].flatMap((page) =>
      page.problems.filter(({ key }) => !key || !this.told.get(page.file)?.has(key)).map(({ problem }) => problem),
    );
    const links = new Map([...this.pages].map(([path, page]) => [path, page.links]));
    for (const broken of checkLinks(links, files)) {
      const file = this.pages.get(broken.page)?.file;
      if (!file) continue;
      const where = locate(file, this.readSource, [
        `(${broken.target}`,
        `"${broken.target}"`,
        `'${broken.target}'`,
        broken.target,
      ]);
      problems.push(
        error(
          file,
          where.line,
          where.column,
          `broken link "${broken.target}": ${broken.reason}. Correct the address or remove the link${fromLayout(where.inLayout)}`,
        ),
      );
    }
    if (read) {
      const sized = cachedReader(read);
      const sizes = new Map<string, number>();
      problems.push(
        ...checkPageWeight(
          [...this.pages].map(([path, page]) => ({
            file: page.file,
            weight: weighPage(path, page.htmlGzipped, page.resources, sized, { sizes }),
          })),
        ),
      );
    }
    return problems;
  }
}

/** A reader that reads each file once: every page loads the same stylesheet. */
function cachedReader(read: ReadSiteFile): ReadSiteFile {
  const cache = new Map<string, ReturnType<ReadSiteFile>>();
  return (path) => {
    if (!cache.has(path)) cache.set(path, read(path));
    return cache.get(path);
  };
}

/**
 * Problems a visitor would meet on the rendered pages: links to nothing,
 * headings, images without alt text, untitled frames, unsafe new-tab links,
 * raw HTML the security policy blocks, markdown shown as written, and, given
 * `read`, pages over the weight budget. Each page is read once, by a
 * streaming scanner, for all of these together.
 */
export function checkRenderedPages(
  pages: readonly RenderedPage[],
  files: ReadonlySet<string>,
  readSource: SourceReader,
  hosts?: AllowedHosts,
  read?: ReadSiteFile,
): Problem[] {
  const checker = new RenderedChecker(readSource, hosts);
  for (const page of pages) checker.check(page);
  return checker.finish(files, read);
}
