// Bare Eleventy 3 for the benchmark: the same pages as markdown plus Nunjucks, one minimal layout,
// no filters, navs, checks, Sass or post-processing. What Eleventy itself costs on our pages.
import { readdirSync } from "node:fs";
import { relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const layouts = fileURLToPath(new URL("./layouts", import.meta.url));
// Every layout the repository has, so a page naming any of them builds here too.
const ourLayouts = readdirSync(fileURLToPath(new URL("../../layouts", import.meta.url)))
  .filter((name) => name.endsWith(".njk"))
  .map((name) => name.slice(0, -".njk".length));

export default function (eleventyConfig) {
  // The generated pages name our layouts; here each is the one minimal layout.
  for (const name of ourLayouts) {
    for (const alias of [name, `${name}.njk`, `layouts/${name}`, `layouts/${name}.njk`])
      eleventyConfig.addLayoutAlias(alias, "bare.njk");
  }
  // Our own Nunjucks pages (news listing, search) use our filters; bare Eleventy builds the generated markdown pages.
  eleventyConfig.ignores.add("**/*.njk");
  const input = resolve(eleventyConfig.directories?.input ?? "content");
  return {
    dir: { includes: relative(input, layouts), layouts: relative(input, layouts) },
    markdownTemplateEngine: "njk",
    htmlTemplateEngine: "njk",
    templateFormats: ["md", "njk"],
  };
}
