import { readdirSync } from "node:fs";
import { join } from "node:path";
import { error, type Problem } from "../core/problems.js";

/**
 * The trust line: `content/` and `static/` are written by editors, so they
 * hold data only. Pages are markdown (`.md`), data files are JSON (`.json`),
 * and nothing there may be code, a template, a link to a file elsewhere on
 * the machine, or an instruction to Eleventy about where or whether to write.
 */

/** What may live in content/. Anything else (templates, JavaScript data files, HTML) would run as code. */
const pageFile = /\.md$/;
const dataFile = /\.json$/;
/** Files the operating system or git leave behind, which nothing reads. */
const ignoredNames = new Set([".DS_Store", ".gitkeep", "Thumbs.db"]);

export interface ContentFiles {
  /** Paths from the project folder, sorted: "content/news/posts/x.md". */
  pages: string[];
  dataFiles: string[];
  problems: Problem[];
}

/** Walks a folder without following symbolic links; every link is a problem naming the file. */
function walk(root: string, folder: string, visit: (path: string) => void, problems: Problem[]): void {
  let entries;
  try {
    entries = readdirSync(join(root, folder), { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const path = `${folder}/${entry.name}`;
    if (entry.isSymbolicLink()) {
      problems.push(error(path, 1, 1, `${path} is a symbolic link (a shortcut to another file): the site only uses real files, so replace it with the file itself`, true));
    } else if (entry.isDirectory()) {
      walk(root, path, visit, problems);
    } else if (entry.isFile()) {
      visit(path);
    }
  }
}

/** The editors' files in content/: pages and data files, and a problem for everything else. */
export function listContentFiles(root: string, contentDir = "content"): ContentFiles {
  const files: ContentFiles = { pages: [], dataFiles: [], problems: [] };
  walk(
    root,
    contentDir,
    (path) => {
      const name = path.slice(path.lastIndexOf("/") + 1);
      if (ignoredNames.has(name)) return;
      if (pageFile.test(name)) files.pages.push(path);
      else if (dataFile.test(name)) files.dataFiles.push(path);
      else {
        files.problems.push(
          error(path, 1, 1, `${path} cannot be used: content/ holds only pages (.md) and data files (.json). Write the page in markdown, or ask a developer to add what it needs to layouts/`, true),
        );
      }
    },
    files.problems,
  );
  return files;
}

/** The real files under `folder` (paths from the project folder, sorted), never following a symbolic link. */
export function walkFiles(root: string, folder: string): string[] {
  const files: string[] = [];
  walk(root, folder, (path) => {
    const name = path.slice(path.lastIndexOf("/") + 1);
    if (!ignoredNames.has(name)) files.push(path);
  }, []);
  return files;
}

/** Symbolic links in static/: each would publish whatever it points at. */
export function staticLinks(root: string, staticDir = "static"): Problem[] {
  const problems: Problem[] = [];
  walk(root, staticDir, () => undefined, problems);
  return problems;
}

/** Names Eleventy reads as instructions about writing pages, which editors' files may not set. */
const eleventyOptions = new Set(["pagination", "templateEngineOverride", "dynamicPermalink", "permalinkBypassOutputDir", "renderData", "templateEngine"]);

/** Whether a front-matter or data-file key is an instruction to Eleventy rather than page data. */
export function isEleventyOption(key: string): boolean {
  return /^eleventy/i.test(key) || eleventyOptions.has(key);
}

/** A sentence for an editor who used one: it never names the option's purpose in Eleventy's terms. */
export function eleventyOptionMessage(key: string): string {
  return `"${key}" cannot be set in a page or data file: it controls how the site is built. Remove the line; a developer can change this in layouts/ or .eleventy.ts if it is needed`;
}
