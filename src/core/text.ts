/**
 * Small text operations written as loops, where a pattern such as /\/+$/
 * would take quadratic time on a long run of the character that does not
 * end the text (editors' text and settings reach all of these).
 */

/** `text` without any of `chars` at its end. */
export function trimEnd(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1] ?? "")) end -= 1;
  return text.slice(0, end);
}

/** `text` without any of `chars` at its start. */
export function trimStart(text: string, chars: string): string {
  let start = 0;
  while (start < text.length && chars.includes(text[start] ?? "")) start += 1;
  return text.slice(start);
}

/** `text` without any of `chars` at either end. */
export function trimBoth(text: string, chars: string): string {
  return trimStart(trimEnd(text, chars), chars);
}
