import MarkdownIt from "markdown-it";
import { videoEmbedPlugin } from "./video-embed.js";

/**
 * Markdown as editors write it: HTML blocks allowed (the NLC's pages mix
 * markdown with layout blocks), no automatic typography so editors' own
 * quotes and dashes are kept as typed, and videos written as a Vimeo address
 * on a line of their own (video-embed.ts).
 */
export function createMarkdown({ videos = true }: { videos?: boolean } = {}): InstanceType<typeof MarkdownIt> {
  const markdown = new MarkdownIt({ html: true, linkify: false, typographer: false });
  // Without videos: the markdown exactly as written, for the check of an editor's own HTML (src/checks/editor-html.ts).
  return videos ? markdown.use(videoEmbedPlugin) : markdown;
}
