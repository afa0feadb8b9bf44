import type MarkdownItClass from "markdown-it";

type MarkdownIt = InstanceType<typeof MarkdownItClass>;
import { vimeoEmbed } from "./video.js";

/**
 * Videos as editors can write them safely, turned into the click-to-load
 * player (see video.ts): a Vimeo address on a line of its own, optionally as
 * a link whose text is the video's title, or the `<iframe>` Vimeo's share
 * dialog gives. Patterns take attribute text without "<" or ">", so each
 * scan stops at the next tag and cannot backtrack.
 */

const vimeoAddress = String.raw`https:\/\/(?:www\.)?vimeo\.com\/(\d{1,20})\/?`;
const bareLine = new RegExp(`^${vimeoAddress}$`);
const linkLine = new RegExp(String.raw`^\[([^\]\n]{0,300})\]\(${vimeoAddress}\)$`);
const iframe = /<iframe\b([^<>]*)>\s*<\/iframe>/gi;
const playerSrc = /\bsrc\s*=\s*["']https:\/\/player\.vimeo\.com\/video\/(\d{1,20})(?:[?#][^"'<>]*)?["']/i;
const titleAttribute = /\btitle\s*=\s*"([^"<>]*)"/i;

/** The video a paragraph's text stands for, if it is only a Vimeo address or a link to one. */
export function videoLine(text: string): { id: string; title: string } | undefined {
  const line = text.trim();
  const bare = bareLine.exec(line);
  if (bare?.[1]) return { id: bare[1], title: "" };
  const link = linkLine.exec(line);
  if (link?.[2]) return { id: link[2], title: link[1] ?? "" };
  return undefined;
}

/** Where each Vimeo share-dialog `<iframe>` in a piece of HTML is, with its video: the ones the player replaces. */
export function vimeoIframes(html: string): Array<{ start: number; end: number; id: string; title: string }> {
  const found: Array<{ start: number; end: number; id: string; title: string }> = [];
  for (const match of html.matchAll(iframe)) {
    const attributes = match[1] ?? "";
    const id = playerSrc.exec(attributes)?.[1];
    if (id)
      found.push({
        start: match.index,
        end: match.index + match[0].length,
        id,
        title: titleAttribute.exec(attributes)?.[1] ?? "",
      });
  }
  return found;
}

/** HTML with each Vimeo share-dialog `<iframe>` swapped for the click-to-load player. Other iframes are left for the checks. */
export function replaceVimeoIframes(html: string): string {
  let replaced = "";
  let from = 0;
  for (const found of vimeoIframes(html)) {
    replaced += html.slice(from, found.start) + vimeoEmbed(found.id, found.title);
    from = found.end;
  }
  return replaced + html.slice(from);
}

/**
 * The player HTML a paragraph stands for: a video line, or a share-dialog
 * iframe alone on its lines. Only alone: a paragraph's text is markdown, and
 * none of it may reach the page unescaped beside the player.
 */
function paragraphVideo(text: string): string | undefined {
  const video = videoLine(text);
  if (video) return vimeoEmbed(video.id, video.title);
  const line = text.trim();
  const [only, ...more] = vimeoIframes(line);
  if (!only || more.length > 0 || only.start !== 0 || only.end !== line.length) return undefined;
  return vimeoEmbed(only.id, only.title);
}

/** Whether the player replaces a whole paragraph (its inline text), so none of its HTML reaches the page. */
export function isVideoParagraph(text: string): boolean {
  return paragraphVideo(text) !== undefined;
}

/** The markdown-it plugin. */
export function videoEmbedPlugin(md: MarkdownIt): void {
  md.core.ruler.push("video_embed", (state) => {
    const tokens = state.tokens;
    for (let i = 0; i < tokens.length; i += 1) {
      const token = tokens[i];
      if (!token) continue;
      if (token.type === "html_block") {
        token.content = replaceVimeoIframes(token.content);
        continue;
      }
      const inline = tokens[i + 1];
      const close = tokens[i + 2];
      if (token.type !== "paragraph_open" || inline?.type !== "inline" || close?.type !== "paragraph_close") continue;
      const player = paragraphVideo(inline.content);
      if (!player) continue;
      const block = new state.Token("html_block", "", 0);
      block.content = `${player}\n`;
      block.map = token.map;
      tokens.splice(i, 3, block);
    }
    return true;
  });
}
