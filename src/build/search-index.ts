import { execFile } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { gunzipSync } from "node:zlib";
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
 * The site's search index, made by Pagefind's own command into
 * `<siteDir>/pagefind/` as soon as Eleventy has written the last page, so it
 * indexes on another core while the build makes pictures, copies files and
 * finishes its checks. Only each page's `<main data-pagefind-body>` is
 * indexed (see layouts/base.njk), so navs, the 404 page and redirect stubs
 * stay out of the results. Pagefind reads the pages in a fixed order and
 * names its files by content hash, so the same site gives the same index.
 *
 * The command, not Pagefind's Node API: a command that has exited has
 * written everything (the API could answer before its files were flushed),
 * and on many pages it indexes faster than the API's one message a page.
 */
export class SearchIndexer {
  private running: Promise<void> | undefined;
  private failure: Error | undefined;

  /** Starts indexing the written site; returns at once. */
  start(siteDir: string): void {
    this.running ??= run(
      process.execPath,
      [
        pagefindRunner(),
        "--site",
        resolve(siteDir),
        "--output-subdir",
        "pagefind",
        "--force-language",
        "en",
        "--silent",
      ],
      { maxBuffer: 16 * 1024 * 1024 },
    ).then(
      () => undefined,
      (caught: { stderr?: string; stdout?: string; message?: string }) => {
        this.failure = new Error(
          `search index: Pagefind failed: ${(caught.stderr || caught.stdout || caught.message || "").trim()}`,
        );
      },
    );
  }

  /** Waits until Pagefind has stopped, whether it finished or failed: then nothing is writing into the site. */
  async settled(): Promise<void> {
    await this.running;
  }

  /** Indexes the site (if not started yet), waits for Pagefind, and checks its files are whole. */
  async writeInto(siteDir: string): Promise<SearchIndexResult> {
    this.start(siteDir);
    await this.running;
    if (this.failure) throw this.failure;
    return verifySearchIndex(join(resolve(siteDir), "pagefind"));
  }
}

/**
 * Proves Pagefind's files are whole: the entry file reads, each language's
 * metadata and WebAssembly are there, there is a fragment for every page, and
 * every compressed file decompresses (a full disk leaves them cut short).
 */
export function verifySearchIndex(indexDir: string): SearchIndexResult {
  let entry: { languages?: Record<string, { hash?: string; wasm?: string; page_count?: number }> };
  try {
    entry = JSON.parse(readFileSync(join(indexDir, "pagefind-entry.json"), "utf8")) as typeof entry;
  } catch {
    throw new Error(
      "search index: Pagefind's pagefind-entry.json is missing or unreadable, so search would not work; build again (is the disk full?)",
    );
  }
  const languages = Object.values(entry.languages ?? {});
  const pages = languages.reduce((sum, language) => sum + (language.page_count ?? 0), 0);
  if (pages === 0) throw new Error("search index: no page had anything to index (data-pagefind-body)");
  const needed = [
    "pagefind.js",
    ...languages.flatMap((language) => [`pagefind.${language.hash}.pf_meta`, `wasm.${language.wasm}.pagefind`]),
  ];
  for (const file of needed) {
    if (!existsSync(join(indexDir, file)) || statSync(join(indexDir, file)).size === 0)
      throw new Error(`search index: ${file} is missing or empty; build again (is the disk full?)`);
  }
  const fragments = existsSync(join(indexDir, "fragment")) ? readdirSync(join(indexDir, "fragment")).length : 0;
  if (fragments < pages)
    throw new Error(
      `search index: ${pages} pages were indexed but only ${fragments} are stored; build again (is the disk full?)`,
    );
  for (const folder of [".", "fragment", "index"]) {
    if (!existsSync(join(indexDir, folder))) continue;
    for (const name of readdirSync(join(indexDir, folder))) {
      if (!/\.(?:pf_[a-z]+|pagefind)$/.test(name)) continue;
      try {
        gunzipSync(readFileSync(join(indexDir, folder, name)));
      } catch {
        throw new Error(
          `search index: pagefind/${folder === "." ? "" : `${folder}/`}${name} is cut short; build again (is the disk full?)`,
        );
      }
    }
  }
  return { pages };
}
