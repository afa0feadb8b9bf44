import MarkdownIt from "markdown-it";

/**
 * Markdown as editors write it: HTML blocks allowed (the NLC's pages mix
 * markdown with layout blocks), no automatic typography so editors' own
 * quotes and dashes are kept as typed.
 */
export function createMarkdown(): InstanceType<typeof MarkdownIt> {
  return new MarkdownIt({ html: true, linkify: false, typographer: false });
}
