import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);

export interface SearchIndexResult {
  /** Pages in the index. */
  pages: number;
}

/** Pagefind's command-line runner, from the installed package. */
function pagefindRunner(): string {
  return join(dirname(fileURLToPath(import.meta.resolve("pagefind"))), "runner", "bin.cjs");
}

/**
 * Indexes the rendered site with Pagefind into `<siteDir>/pagefind/`. Only
 * each page's `<main data-pagefind-body>` is indexed (see layouts/base.njk),
 * so navs, the 404 page and redirect stubs stay out of the results. The files
 * are named by content hash, so the same site gives the same index.
 *
 * Pagefind runs as its own command rather than through its Node API: the API
 * could answer before its files were flushed, and closing it then left them
 * empty on a busy machine. A command that has exited has written everything.
 */
export async function buildSearchIndex(siteDir: string): Promise<SearchIndexResult> {
  const dir = resolve(siteDir);
  try {
    await run(process.execPath, [pagefindRunner(), "--site", dir, "--output-subdir", "pagefind", "--force-language", "en", "--silent"], {
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (caught) {
    const details = caught as { stderr?: string; stdout?: string; message?: string };
    throw new Error(`search index: Pagefind failed: ${(details.stderr || details.stdout || details.message || "").trim()}`);
  }
  const entry = JSON.parse(readFileSync(join(dir, "pagefind", "pagefind-entry.json"), "utf8")) as { languages?: Record<string, { page_count?: number }> };
  const pages = Object.values(entry.languages ?? {}).reduce((sum, language) => sum + (language.page_count ?? 0), 0);
  if (pages === 0) throw new Error("search index: no page had anything to index (data-pagefind-body)");
  return { pages };
}
