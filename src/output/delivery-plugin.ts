import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { analyticsLoader } from "./analytics.js";
import { headerRules, headersFile, type AreaRule } from "./headers.js";
import { generateImages, pagesNameRasterImages, optimiseImages, type ImageJobs } from "./images.js";
import type { SiteSettings } from "../core/settings.js";

interface BuildEvent {
  directories?: { output?: string };
  outputMode?: string;
  results?: Array<{ url?: unknown; outputPath?: unknown }>;
}

/** Only HTML pages get images optimised and headers: the feed, sitemap and host files are not HTML. */
function isHtmlOutput(outputPath: unknown): boolean {
  return typeof outputPath === "string" && outputPath.endsWith(".html");
}

/**
 * What the pages are like on the wire: optimised images and the host's `_headers`.
 * The HTML is not minified: after the host's gzip or Brotli it saved about 3 % for a fifth of the build (docs/performance.md).
 */
export function deliveryPlugin(
  eleventyConfig: UserConfig,
  site: SiteSettings & { root: string; headerAreas?: readonly AreaRule[] },
): void {
  // The analytics loader, or false: with no ID there is no banner and no consent script. A malformed ID stops the build here.
  eleventyConfig.addGlobalData("analytics", analyticsLoader(site.analyticsId) ?? false);

  // Images are written beside the pages, so only when pages are written (not by `npm run check`).
  let imagesTo: string | undefined;
  const jobs: ImageJobs = new Set();
  eleventyConfig.on("eleventy.before", async ({ directories, outputMode }: BuildEvent) => {
    imagesTo = outputMode === "fs" ? directories?.output : undefined;
    jobs.clear();
    // The image library is large: load it before rendering when a page names a picture, not in that page's turn.
    if (imagesTo && pagesNameRasterImages(site.root)) await import("@11ty/eleventy-img");
  });

  eleventyConfig.addTransform("images", function (content) {
    return imagesTo && isHtmlOutput(this.page.outputPath)
      ? optimiseImages(content, { root: site.root, outputDir: imagesTo, jobs })
      : content;
  });

  // Written after rendering because it lists every HTML page the build wrote, 404 and redirect stubs included.
  eleventyConfig.on("eleventy.after", async ({ directories, outputMode, results }: BuildEvent) => {
    if (outputMode !== "fs" || !directories?.output) return;
    // The pictures' files, made once each after the pages that use them are written.
    await generateImages(jobs, directories.output);
    const htmlUrls = (results ?? [])
      .filter((result) => isHtmlOutput(result.outputPath) && typeof result.url === "string")
      .map((result) => result.url as string);
    const fileUrls = (results ?? [])
      .filter(
        (result) =>
          typeof result.url === "string" && typeof result.outputPath === "string" && !isHtmlOutput(result.outputPath),
      )
      .map((result) => result.url as string);
    await writeFile(
      join(directories.output, "_headers"),
      headersFile(headerRules(htmlUrls, site.analyticsId, site.headerAreas, fileUrls, { noindex: site.preview })),
    );
  });
}
