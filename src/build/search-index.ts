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
    await run(
      process.execPath,
      [pagefindRunner(), "--site", dir, "--output-subdir", "pagefind", "--force-language", "en", "--silent"],
      {
        maxBuffer: 16 * 1024 * 1024,
      },
    );
  } catch (caught) {
    const details = caught as { stderr?: string; stdout?: string; message?: string };
    throw new Error(
      `search index: Pagefind failed: ${(details.stderr || details.stdout || details.message || "").trim()}`,
      { cause: caught },
    );
  }
  return verifySearchIndex(join(dir, "pagefind"));
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
