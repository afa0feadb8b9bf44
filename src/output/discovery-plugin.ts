import type UserConfig from "@11ty/eleventy/UserConfig";
import { feedPlugin } from "@11ty/eleventy-plugin-rss";
import { feedOptions } from "./feed.js";
import { robotsTxt } from "./robots.js";
import { absoluteUrl, jsonLdScript, pageMeta } from "../render/seo.js";
import type { SiteSettings } from "../core/settings.js";
import { isPublicPage, sitemapXml } from "./sitemap.js";

/** How search engines, feed readers and link previews find the site: meta tags, JSON-LD, sitemap, robots.txt, Atom feed. */
export function discoveryPlugin(eleventyConfig: UserConfig, site: SiteSettings): void {
  eleventyConfig.addFilter("absoluteUrl", (path: unknown) => absoluteUrl(path, site.url));
  eleventyConfig.addFilter("pageMeta", (url: unknown, title: unknown, description: unknown, tags: unknown) =>
    pageMeta(site, url, title, description, tags),
  );
  eleventyConfig.addFilter("jsonLdScript", (pages: never, url: unknown) => jsonLdScript(pages, url, site));
  eleventyConfig.addFilter("isPublicPage", isPublicPage);

  const hostFile = { layout: false, eleventyExcludeFromCollections: true };
  eleventyConfig.addTemplate("discovery/sitemap.njk", "{{ collections.all | sitemapXml | safe }}", {
    ...hostFile,
    permalink: "/sitemap.xml",
  });
  eleventyConfig.addFilter("sitemapXml", (pages: never) => sitemapXml(pages, site.url));
  // The text is data to the template, never its source: no setting is ever read as a template.
  eleventyConfig.addTemplate("discovery/robots.njk", "{{ robots | safe }}", {
    ...hostFile,
    permalink: "/robots.txt",
    robots: robotsTxt(site.url, site.preview),
  });

  eleventyConfig.addPlugin(feedPlugin, feedOptions(site));
}
