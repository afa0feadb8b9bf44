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

/**
 * A copy of `text` that shares no memory with the string it was cut from. A
 * parser's attribute values are slices of the whole page, and V8 keeps the
 * page alive as long as a slice is kept; a copy lets it go.
 */
export function detached(text: string): string {
  return text.length < 13 ? text : (JSON.parse(JSON.stringify(text)) as string);
}
