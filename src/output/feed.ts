import { absoluteUrl } from "../render/seo.js";
import type { SiteSettings } from "../core/settings.js";

/** Options for @11ty/eleventy-plugin-rss's feedPlugin: an Atom feed of every news post at /feed.xml. */
export function feedOptions(site: SiteSettings) {
  return {
    type: "atom",
    outputPath: "/feed.xml",
    collection: { name: "posts", limit: 0 },
    metadata: {
      language: site.language,
      title: `${site.name}: news`,
      subtitle: `News and blog posts from the ${site.name}.`,
      base: absoluteUrl("/", site.url),
      author: { name: site.name },
    },
  };
}
