import { join, relative } from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { checksPlugin } from "./src/checks/plugin.js";
import { previewPlugin, recordPreviewProblems } from "./src/build/preview.js";
import { adminHeaderRules } from "./src/cms/admin-csp.js";
import { bundleFolder, decapBundle } from "./src/cms/admin-page.js";
import { adminPlugin } from "./src/cms/admin-plugin.js";
import { dropDraftsFromBuild } from "./src/content/drafts.js";
import { layoutAliases } from "./src/content/layouts.js";
import { sourceDate } from "./src/content/source-date.js";
import { trustPlugin } from "./src/content/trust-plugin.js";
import type { Problem } from "./src/core/problems.js";
import { settingsFrom } from "./src/core/settings.js";
import { assetsPlugin } from "./src/output/assets.js";
import { deliveryPlugin } from "./src/output/delivery-plugin.js";
import { discoveryPlugin } from "./src/output/discovery-plugin.js";
import { oldAddresses } from "./src/output/old-site.js";
import { redirectsPlugin } from "./src/output/redirects.js";
import { plannedCopies, staticFilesPlugin } from "./src/output/static-files.js";
import { renderPlugin } from "./src/render/plugin.js";

/**
 * The site's wiring: a table of contents. Eleventy is the whole pipeline
 * (`npm run build`, `npm run check` and `npm start` all run these plugins);
 * the logic lives in src/, one concern per module.
 */
export default function (eleventyConfig: UserConfig) {
  // The project folder is this file's: every plugin takes its folders from here, never from the working folder.
  const root = import.meta.dirname;
  // Settings are data: parsed and checked once, and a bad one stops here with one line naming it.
  const settings = settingsFrom(process.env);
  // Each event's listeners run one at a time, in the order added, so the checks (added last) see a finished site.
  eleventyConfig.setEventEmitterMode("sequential");

  // Editors' files are data: read as YAML, never run, never written outside the site (src/content/).
  eleventyConfig.addPlugin(trustPlugin, { root });
  eleventyConfig.addPreprocessor("drafts", "*", (data) => dropDraftsFromBuild(data, settings.today));
  for (const [alias, file] of Object.entries(layoutAliases(join(root, "layouts"))))
    eleventyConfig.addLayoutAlias(alias, file);

  // What a page is made of: markdown, navs, breadcrumbs, dates, posts (src/render/).
  eleventyConfig.addPlugin(renderPlugin);
  eleventyConfig.addGlobalData("site", settings.site);
  // The commit's date, for the accessibility statement's "last tested" (layouts/partials/statement-dates.njk).
  eleventyConfig.addGlobalData("build", { sourceDate: sourceDate(root) });

  // What the host receives (src/output/): stylesheet and scripts, sitemap, robots.txt, feed, meta tags,
  // old addresses, images, the static files, and the host's _headers.
  eleventyConfig.addPlugin(assetsPlugin, { root });
  eleventyConfig.addPlugin(discoveryPlugin, settings.site);
  eleventyConfig.addPlugin(redirectsPlugin, settings.site);
  eleventyConfig.addPlugin(staticFilesPlugin, { root });
  // The browser editor at /admin/, with its own headers (src/cms/).
  eleventyConfig.addPlugin(adminPlugin, { root, site: settings.site, cms: settings.cms });
  eleventyConfig.addPlugin(deliveryPlugin, {
    root,
    ...settings.site,
    headerAreas: adminHeaderRules(settings.cms, bundleFolder(decapBundle().version)),
  });

  // Last: every content check, on every page as written, then the site as a whole (src/checks/).
  eleventyConfig.addPlugin(checksPlugin, {
    root,
    today: settings.today,
    // Every address the 2020 site answered still answers (src/output/old-site.ts).
    keptAddresses: oldAddresses,
    plannedFiles: () => plannedCopies(root),
    onPreviewReport: ({ problems }: { problems: Problem[] }) => recordPreviewProblems(problems),
  });
  // The preview's own additions to a page come after the checks have read it (src/build/preview.ts).
  eleventyConfig.addPlugin(previewPlugin);

  return {
    // No output here: the build chooses it (it builds elsewhere, then swaps in).
    // Global data is the developers' (src/), never a folder editors write in.
    // Relative to the working folder, as Eleventy matches folder data files by relative paths.
    dir: {
      input: relative(".", join(root, "content")),
      includes: "../layouts",
      layouts: "../layouts",
      data: "../src/site-data",
    },
    // Pages are markdown and nothing else, and markdown is never run as a template.
    markdownTemplateEngine: false as const,
    htmlTemplateEngine: false as const,
    // njk only for the developers' virtual templates (feed, sitemap, assets): content/ holding a .njk is refused.
    templateFormats: ["md", "njk"],
  };
}
