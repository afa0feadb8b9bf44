// Bare Eleventy for the real site's pages: as eleventy.config.js, but markdown is not run through
// Nunjucks first, because the real pages include our partials and shortcodes, which bare Eleventy lacks.
import bare from "./eleventy.config.js";

export default function (eleventyConfig) {
  return { ...bare(eleventyConfig), markdownTemplateEngine: false };
}
