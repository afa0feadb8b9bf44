import { join } from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { compileStylesheet } from "../output/assets.js";
import { layoutNames } from "../content/layouts.js";
import type { SiteSettings } from "../core/settings.js";
import { cmsConfigYaml, type CmsSettings } from "./config.js";
import { writeAdmin } from "./admin-page.js";

interface AfterEvent {
  directories?: { output?: string };
  outputMode?: string;
}

/**
 * The browser editor at /admin/, written after each build that writes files.
 * It is not an Eleventy page: it stays out of the collections, navs, sitemap,
 * search index and the content checks, and `npm run check` never sees it.
 */
export function adminPlugin(
  eleventyConfig: UserConfig,
  options: { root: string; site: SiteSettings; cms: CmsSettings },
): void {
  eleventyConfig.on("eleventy.after", async ({ directories, outputMode }: AfterEvent) => {
    if (outputMode !== "fs" || !directories?.output) return;
    await writeAdmin(directories.output, {
      configYaml: cmsConfigYaml(options.cms, layoutNames(join(options.root, "layouts"))),
      previewStyle: compileStylesheet(join(options.root, "src", "styles"), join(options.root, ".cache", "stylesheets"))
        .href,
      siteName: options.site.name,
      language: options.site.language,
    });
  });
}
