import { escapeHtml } from "../core/escape.js";

/**
 * A Vimeo video that loads nothing from Vimeo until the visitor asks for it.
 * Without JavaScript it is a link to watch the video on Vimeo; with it, a
 * button swaps in the player (see src/scripts/site.js).
 */
export function vimeoEmbed(id: unknown, title: unknown): string {
  const videoId = String(id ?? "").trim();
  if (!/^\d+$/.test(videoId))
    throw new Error(`vimeo: the video ID must be the number at the end of the Vimeo address, not "${videoId}"`);
  const name = escapeHtml(String(title ?? "").trim() || "Video");
  const player = `https://player.vimeo.com/video/${videoId}?dnt=1`;
  return `<figure class="video" data-video>
<div class="video__placeholder">
<p class="video__title">${name}</p>
<p class="video__note">This video is on Vimeo. Playing it here loads it from Vimeo, which may set cookies.</p>
<p class="video__actions"><button type="button" class="button video__play" data-video-src="${player}" data-video-title="${name}" hidden>Play video<span class="visually-hidden">: ${name}</span></button>
<a class="video__link" href="https://vimeo.com/${videoId}" rel="external">Watch on Vimeo<span class="visually-hidden">: ${name} (another website)</span></a></p>
</div>
</figure>`;
}
