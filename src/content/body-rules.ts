/**
 * What a page's text (the markdown after its front matter) must not hold,
 * as patterns shared by the check and the browser editor's form, so the form
 * refuses to save exactly what the check would refuse. The patterns use no
 * flags (Decap compiles a field's pattern without any).
 */

/** A markdown picture without a description: `![](/static/img/x.jpg)`. */
export const pictureWithoutDescription = /!\[\s*\]\(/;

/** An HTML picture without an alt attribute. */
// eslint-disable-next-line regexp/use-ignore-case -- Decap compiles a field's pattern without flags, so the case is spelt out.
const htmlPictureWithoutAlt = /<[iI][mM][gG](?![^>]*\s[aA][lL][tT]\s*=)[^>]*>/;

/** A heading 1 line (`# Heading`): the title is a page's one heading 1. */
const headingOne = /(?:^|\n) {0,3}#(?:[\t\n ]|$)/;

/** The form's pattern for the text: none of the above anywhere in it. */
export function bodyPattern(): string {
  const refused = [pictureWithoutDescription, htmlPictureWithoutAlt, headingOne].map((rule) => rule.source).join("|");
  return `^(?![\\s\\S]*(?:${refused}))[\\s\\S]*$`;
}

export const bodyPatternMessage =
  "Start headings at Heading 2 (the title is the page's Heading 1), and give every picture a description: open the picture and say what it shows.";
