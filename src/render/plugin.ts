import type UserConfig from "@11ty/eleventy/UserConfig";
import { breadcrumbs } from "./breadcrumbs.js";
import { isoDate, readableDate } from "./dates.js";
import { createMarkdown } from "./markdown.js";
import { navItems } from "./navigation.js";
import { onThisPage } from "./on-this-page.js";
import { limit, newestFirst, newsPageAddress, newsPageCount, postsPerPage } from "./posts.js";

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

  // The news list in pages of postsPerPage: /news/ shows the first, /news/page/2/ onwards the rest.
  const newest = (api: unknown) =>
    newestFirst((api as { getFilteredByTag(tag: string): never[] }).getFilteredByTag("posts"));
  eleventyConfig.addCollection("postsNewestFirst", newest);
  eleventyConfig.addCollection("olderPosts", (api) => newest(api).slice(postsPerPage));
  eleventyConfig.addGlobalData("newsPages", { perPage: postsPerPage });
  eleventyConfig.addFilter("newsPageAddress", newsPageAddress);
  eleventyConfig.addFilter("newsPageCount", newsPageCount);
  eleventyConfig.addTemplate("news/older-posts.njk", "", {
    pagination: { data: "collections.olderPosts", size: postsPerPage, alias: "posts" },
    permalink: (data: { pagination: { pageNumber: number } }) => newsPageAddress(data.pagination.pageNumber + 2),
    layout: "news-older.njk",
    eleventyExcludeFromCollections: true,
    eleventyComputed: {
      title: (data: { pagination: { pageNumber: number } }) => `News, page ${data.pagination.pageNumber + 2}`,
      metadesc: (data: { pagination: { pageNumber: number } }) =>
        `Older news and blog posts from the National Leadership Centre: page ${data.pagination.pageNumber + 2} of the list, newest first.`,
    },
  });
}
