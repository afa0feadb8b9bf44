import { join } from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { loadAssets } from "../output/assets.js";
import { layoutNames } from "../content/layouts.js";
import type { SiteSettings } from "../core/settings.js";
import { cmsConfigYaml, editorData, type CmsSettings, type SiteFacts } from "./config.js";
import { writeAdmin } from "./admin-page.js";
import { linkedUploads, readSitePages } from "./site-pages.js";

interface AfterEvent {
  directories?: { output?: string };
  outputMode?: string;
}

/**
 * The browser editor at /admin/, written after each build that writes files.
 * It is not an Eleventy page: it stays out of the collections, navs, sitemap,
 * search index and the content checks, and `npm run check` never sees it.
 * Its form is made from the site as it stands (menus, addresses, pages), so
 * each build (and each save under `npm run cms`) brings it up to date.
 */
export function adminPlugin(
  eleventyConfig: UserConfig,
  options: { root: string; site: SiteSettings; cms: CmsSettings },
): void {
  eleventyConfig.on("eleventy.after", async ({ directories, outputMode }: AfterEvent) => {
    if (outputMode !== "fs" || !directories?.output) return;
    const site: SiteFacts = {
      layouts: layoutNames(join(options.root, "layouts")),
      pages: readSitePages(options.root),
      linked: linkedUploads(options.root),
    };
    await writeAdmin(directories.output, {
      configYaml: cmsConfigYaml(options.cms, site),
      editorData: JSON.stringify(editorData(site, options.site.name)),
      // The site's own stylesheet, exactly as its pages load it (with its typefaces).
      previewStyle: loadAssets(options.root).css.href,
      siteName: options.site.name,
      language: options.site.language,
    });
  });
}
