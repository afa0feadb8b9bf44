import type UserConfig from "@11ty/eleventy/UserConfig";
import { loadAssets } from "./src/output/assets.js";
import { fontCopies } from "./src/output/fonts.js";
import { breadcrumbs } from "./src/render/breadcrumbs.js";
import { isoDate, readableDate } from "./src/render/dates.js";
import { layoutAliases } from "./src/content/layouts.js";
import { dropDraftsFromBuild } from "./src/content/drafts.js";
import { deliveryPlugin } from "./src/output/delivery-plugin.js";
import { discoveryPlugin } from "./src/output/discovery-plugin.js";
import { createMarkdown } from "./src/render/markdown.js";
import { navItems } from "./src/render/navigation.js";
import { onThisPage } from "./src/render/on-this-page.js";
import { previewChecksPlugin } from "./src/checks/preview-checks.js";
import { previewProblemsPlugin } from "./src/checks/preview-problems.js";
import { limit, newestFirst } from "./src/render/posts.js";
import { collectRedirects, redirectsFile, stubOutputPath } from "./src/output/redirects.js";
import { siteSettings } from "./src/content/site-settings.js";
import { sourceDate } from "./src/content/source-date.js";
import { trustPlugin } from "./src/content/trust-plugin.js";
import { adminPlugin } from "./src/cms/admin-plugin.js";
import { adminHeaderRules } from "./src/cms/admin-csp.js";
import { bundleFolder, decapBundle } from "./src/cms/admin-page.js";
import { cmsSettings } from "./src/cms/config.js";

/** The site's wiring: a table of contents. The logic lives in src/, one concern per module. */
export default function (eleventyConfig: UserConfig) {
  eleventyConfig.setLibrary("md", createMarkdown());
  for (const [alias, file] of Object.entries(layoutAliases("layouts"))) eleventyConfig.addLayoutAlias(alias, file);

  // Editors' files are data: checked, never run, never written outside the site (src/content/trust-plugin.ts).
  eleventyConfig.addPlugin(trustPlugin);
  eleventyConfig.addPreprocessor("drafts", "*", dropDraftsFromBuild);
  eleventyConfig.addPlugin(previewChecksPlugin);
  eleventyConfig.addPlugin(previewProblemsPlugin);
  const site = siteSettings();
  eleventyConfig.addGlobalData("site", site);
  // The commit's date, for the accessibility statement's "last tested" (layouts/partials/statement-dates.njk).
  eleventyConfig.addGlobalData("build", { sourceDate: sourceDate(process.cwd()) });
  // Sitemap, robots.txt, feed, meta tags; then images and the host's _headers.
  eleventyConfig.addPlugin(discoveryPlugin, site);
  // The browser editor at /admin/, with its own headers (src/cms/).
  const cms = cmsSettings(process.env, site.url);
  eleventyConfig.addPlugin(adminPlugin, { site, cms });
  eleventyConfig.addPlugin(deliveryPlugin, {
    ...site,
    headerAreas: adminHeaderRules(cms, bundleFolder(decapBundle().version)),
  });

  // Fingerprinted stylesheet and script, written as virtual templates.
  eleventyConfig.addGlobalData("assets", loadAssets);
  eleventyConfig.addTemplate("assets/main.css.njk", "{{ assets.css.contents | safe }}", {
    permalink: "{{ assets.css.href }}",
    layout: false,
    eleventyExcludeFromCollections: true,
  });
  for (const script of ["js", "search", "consent"]) {
    eleventyConfig.addTemplate(`assets/${script}.js.njk`, `{{ assets.${script}.contents | safe }}`, {
      permalink: `{{ assets.${script}.href }}`,
      layout: false,
      eleventyExcludeFromCollections: true,
    });
  }
  eleventyConfig.addPassthroughCopy(fontCopies());
  eleventyConfig.addWatchTarget("src/styles/");
  eleventyConfig.addWatchTarget("src/scripts/");
  // The preview rebuilds once a save has settled for 40 ms; Eleventy's default wait, 150 ms, was half of a one-page rebuild.
  eleventyConfig.setChokidarConfig({ awaitWriteFinish: { stabilityThreshold: 40, pollInterval: 10 } });

  // Old addresses (`redirect_from`): host redirects plus an HTML stub at each.
  eleventyConfig.addCollection("redirects", (api) => collectRedirects((api as { getAll(): never[] }).getAll()));
  eleventyConfig.addFilter("redirectsFile", redirectsFile);
  eleventyConfig.addFilter("stubOutputPath", stubOutputPath);
  eleventyConfig.addTemplate(
    "redirects/_redirects.njk",
    "{{ collections.redirects | redirectsFile(site.url) | safe }}",
    { permalink: "/_redirects", layout: false, eleventyExcludeFromCollections: true },
  );
  eleventyConfig.addTemplate("redirects/stub.njk", "", {
    pagination: { data: "collections.redirects", size: 1, alias: "redirect" },
    permalink: "{{ redirect.from | stubOutputPath }}",
    layout: "redirect.njk",
    eleventyExcludeFromCollections: true,
  });

  eleventyConfig.addFilter("navItems", navItems);
  eleventyConfig.addFilter("onThisPage", onThisPage);
  eleventyConfig.addFilter("breadcrumbs", breadcrumbs);
  eleventyConfig.addFilter("readableDate", readableDate);
  eleventyConfig.addFilter("isoDate", isoDate);
  eleventyConfig.addFilter("newestFirst", newestFirst);
  eleventyConfig.addFilter("limit", limit);

  // static/root/ (favicon.ico, the touch icon, the manifest) is served at the site's root, where browsers look for it.
  eleventyConfig.addPassthroughCopy("static", {
    filter: (path: string) => path !== "root" && !path.startsWith("root/"),
  });
  eleventyConfig.addPassthroughCopy({ "static/root": "/" });

  return {
    // No output here: the build chooses it (it builds elsewhere, then swaps in).
    // Global data is the developers' (src/), never a folder editors write in.
    dir: { input: "content", includes: "../layouts", layouts: "../layouts", data: "../src/site-data" },
    // Pages are markdown and nothing else, and markdown is never run as a template.
    markdownTemplateEngine: false,
    htmlTemplateEngine: false,
    // njk only for the developers' virtual templates (feed, sitemap, assets): content/ holding a .njk stops the build (trust-plugin.ts).
    templateFormats: ["md", "njk"],
  };
}
