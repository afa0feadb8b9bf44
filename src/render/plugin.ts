import type UserConfig from "@11ty/eleventy/UserConfig";
import { breadcrumbs } from "./breadcrumbs.js";
import { isoDate, readableDate } from "./dates.js";
import { createMarkdown } from "./markdown.js";
import { navItems } from "./navigation.js";
import { onThisPage } from "./on-this-page.js";
import { limit, newestFirst } from "./posts.js";

/** What a page is made of: markdown as editors write it, and the filters the layouts use. */
export function renderPlugin(eleventyConfig: UserConfig): void {
  eleventyConfig.setLibrary("md", createMarkdown());
  eleventyConfig.addFilter("navItems", navItems);
  eleventyConfig.addFilter("onThisPage", onThisPage);
  eleventyConfig.addFilter("breadcrumbs", breadcrumbs);
  eleventyConfig.addFilter("readableDate", readableDate);
  eleventyConfig.addFilter("isoDate", isoDate);
  eleventyConfig.addFilter("newestFirst", newestFirst);
  eleventyConfig.addFilter("limit", limit);
}
