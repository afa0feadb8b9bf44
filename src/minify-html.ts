import { minify } from "html-minifier-terser";

/**
 * Smaller HTML for production. The minifier keeps one space between inline
 * elements, so no words run together; scripts and styles are left as they
 * are (there are none inline but JSON-LD data).
 */
export async function minifyHtml(html: string): Promise<string> {
  return minify(html, {
    collapseWhitespace: true,
    removeComments: true,
    collapseBooleanAttributes: true,
    removeRedundantAttributes: false,
    sortAttributes: false,
    minifyCSS: false,
    minifyJS: false,
    keepClosingSlash: false,
  });
}

/** Only HTML pages are minified: the feed, sitemap and host files are not HTML. */
export function isHtmlOutput(outputPath: unknown): boolean {
  return typeof outputPath === "string" && outputPath.endsWith(".html");
}
