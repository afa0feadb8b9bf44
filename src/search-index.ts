import { join, resolve } from "node:path";
import * as pagefind from "pagefind";

export interface SearchIndexResult {
  /** Pages in the index. */
  pages: number;
}

/**
 * Indexes the rendered site with Pagefind into `<siteDir>/pagefind/`. Only
 * each page's `<main data-pagefind-body>` is indexed (see layouts/base.njk),
 * so navs, the 404 page and redirect stubs stay out of the results. The files
 * are named by content hash, so the same site gives the same index.
 */
export async function buildSearchIndex(siteDir: string): Promise<SearchIndexResult> {
  const dir = resolve(siteDir);
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: "en" });
    if (!index) throw new Error(`search index: ${errors.join("; ")}`);
    const added = await index.addDirectory({ path: dir });
    if (added.errors.length) throw new Error(`search index: ${added.errors.join("; ")}`);
    if (added.page_count === 0) throw new Error("search index: no page had anything to index (data-pagefind-body)");
    const written = await index.writeFiles({ outputPath: join(dir, "pagefind") });
    if (written.errors.length) throw new Error(`search index: ${written.errors.join("; ")}`);
    return { pages: added.page_count };
  } finally {
    await pagefind.close();
  }
}
