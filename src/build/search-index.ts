import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { gunzipSync } from "node:zlib";
import { dirname, join, resolve } from "node:path";

export interface SearchIndexResult {
  /** Pages in the index. */
  pages: number;
}

/** Pagefind's service is one process for the whole of this one; it stops when no index is open. */
let openIndexes = 0;

/**
 * The site's search index, made by Pagefind's own process from the pages as
 * Eleventy rendered them (nothing is read back from disk). The pages are
 * handed over, in address order so that the same site always gives the same
 * index, as soon as the last one is rendered: Pagefind indexes them on
 * another core while the build makes pictures, copies files and finishes
 * its checks.
 * Only each page's `<main data-pagefind-body>` is indexed (see
 * layouts/base.njk), so navs, the 404 page and redirect stubs stay out of the
 * results. The files are named by content hash, so the same site gives the
 * same index, and they are written by this process, whole, before the index
 * is checked (verifySearchIndex).
 */
export class SearchIndexer {
  private readonly index: Promise<PagefindIndex>;
  private readonly added: Promise<unknown>[] = [];
  /** Pages rendered, not yet handed over: Eleventy holds their HTML until the build ends anyway. */
  private readonly waiting = new Map<string, string>();

  constructor() {
    openIndexes += 1;
    this.index = import("pagefind").then(async (pagefind) => {
      const { index, errors } = await pagefind.createIndex({ forceLanguage: "en" });
      if (!index) throw new Error(`search index: Pagefind did not start: ${errors.join("; ")}`);
      return index;
    });
    // A failure is reported when the index is written; until then it must not go unhandled.
    this.index.catch(() => undefined);
  }

  /** Takes a finished page; returns at once. */
  add(url: string, html: string): void {
    this.waiting.set(url, html);
  }

  /** Hands every page taken so far to Pagefind, in address order; returns at once. */
  send(): void {
    for (const url of [...this.waiting.keys()].sort()) {
      const content = this.waiting.get(url) ?? "";
      const added = this.index.then((index) => index.addHTMLFile({ url, content }));
      added.catch(() => undefined);
      this.added.push(added);
    }
    this.waiting.clear();
  }

  /** Waits for every page, then writes the index into `<siteDir>/pagefind/` and checks it is whole. */
  async writeInto(siteDir: string): Promise<SearchIndexResult> {
    this.send();
    const index = await this.index;
    for (const result of await Promise.all(this.added)) {
      const errors = (result as { errors?: string[] }).errors ?? [];
      if (errors.length > 0) throw new Error(`search index: Pagefind could not read a page: ${errors.join("; ")}`);
    }
    const { files, errors } = await index.getFiles();
    if (errors.length > 0) throw new Error(`search index: Pagefind failed: ${errors.join("; ")}`);
    const out = join(resolve(siteDir), "pagefind");
    for (const file of files) {
      const target = join(out, file.path);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, file.content);
    }
    return verifySearchIndex(out);
  }

  /** Lets Pagefind's process go once no build in this process needs it. Never throws. */
  async close(): Promise<void> {
    try {
      await (await this.index).deleteIndex();
    } catch {
      // nothing to delete
    }
    openIndexes -= 1;
    if (openIndexes === 0) await (await import("pagefind")).close().catch(() => undefined);
  }
}

type PagefindIndex = NonNullable<Awaited<ReturnType<(typeof import("pagefind"))["createIndex"]>>["index"]>;

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
