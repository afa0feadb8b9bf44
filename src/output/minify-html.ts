import { minify } from "html-minifier-terser";

/**
 * One page at a time. Eleventy renders every page at once, and thousands of
 * interleaved minifications held their working state together: at 4000 pages
 * that doubled the build's memory and its time (bench/, docs/performance.md).
 */
let minifying: Promise<unknown> = Promise.resolve();

/**
 * Smaller HTML for production. The minifier keeps one space between inline
 * elements, so no words run together; scripts and styles are left as they
 * are (there are none inline but JSON-LD data).
 */
export async function minifyHtml(html: string): Promise<string> {
  const result = minifying.then(() =>
    minify(html, {
      collapseWhitespace: true,
      removeComments: true,
      collapseBooleanAttributes: true,
      removeRedundantAttributes: false,
      sortAttributes: false,
      minifyCSS: false,
      minifyJS: false,
      keepClosingSlash: false,
    }),
  );
  minifying = result.catch(() => undefined);
  return result;
}

/** Only HTML pages are minified: the feed, sitemap and host files are not HTML. */
export function isHtmlOutput(outputPath: unknown): boolean {
  return typeof outputPath === "string" && outputPath.endsWith(".html");
}
