// Mistakes that publish a page which looks broken but builds without a word: markdown shown as written
// (stuck under an HTML tag, or an image whose file name has a space), and file names that make bad addresses.
import { srcsetUrls } from "../link-check.js";
import { trimBoth } from "../../core/text.js";
import { tagWith, type PageRule, type ScanContext } from "../../core/html-scanner.js";

/** Elements whose text is shown as written on purpose. */
const literalText = ["code", "pre", "kbd", "samp", "script", "style", "textarea", "title"];
const markdownSigns = /[#[*]/;

/** Markdown that markdown-it would have turned into HTML, seen in a page's text. Each pattern is linear (no nested repeats). */
const literalMarkdown: { pattern: RegExp; what: string }[] = [
  { pattern: /!\[[^\]\n]{0,200}\]\([^)\n]{0,500}\)/, what: "an image" },
  { pattern: /(?<!!)\[[^\]\n]{1,200}\]\([^)\n]{1,500}\)/, what: "a link" },
  { pattern: /(?:^|\n)[ \t]{0,3}#{1,6}[ \t]+[^\n]{1,200}/, what: "a heading" },
  { pattern: /\*\*[^*\n]{1,200}\*\*/, what: "bold text" },
];

/** A file name a web address can carry as it is: lower case letters, digits, hyphens, dots and underscores. */
const cleanName = /^[a-z0-9._-]+$/;
/** Folders the build writes itself, with names it chooses (the image variants' hashes, the fingerprinted assets). */
const generated = /^\/(?:img|assets|pagefind)\//;

/** A file's name has an extension; a page's address has none (or .html). */
const hasExtension = /\.[A-Z0-9]{1,5}$/i;

/** The last part of an address's path: "/static/My Photo.JPG?x=1" → "My Photo.JPG". */
function lastSegment(address: string): string {
  const end = address.search(/[?#]/);
  const path = end < 0 ? address : address.slice(0, end);
  return path.slice(path.lastIndexOf("/") + 1);
}

/** The name to rename a file to: "My Photo.JPG" → "my-photo.jpg". */
export function cleanFileName(name: string): string {
  const dot = name.lastIndexOf(".");
  const tidy = (part: string) => trimBoth(part.toLowerCase().replace(/[^a-z0-9._-]+/g, "-"), "-");
  const stem = tidy(dot > 0 ? name.slice(0, dot) : name) || "file";
  return dot > 0 ? `${stem}.${tidy(name.slice(dot + 1))}` : stem;
}

/** A markdown image's address without its title: `/a.png "A title"` → `/a.png`. */
function withoutTitle(image: string): string {
  if (!image.endsWith('"')) return image;
  const open = image.lastIndexOf('"', image.length - 2);
  if (open <= 0 || !/\s/.test(image[open - 1] ?? "")) return image;
  return image.slice(0, open).trimEnd();
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The message for a file whose name makes a bad address, or undefined if the address is fine or not a file on this site. */
function badFileName(address: string): string | undefined {
  const written = address.trim();
  if (!written || /^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i.test(written) || generated.test(written)) return undefined;
  const segment = lastSegment(written);
  if (!hasExtension.test(segment)) return undefined;
  const name = decoded(segment);
  if (cleanName.test(name) || /\.html?$/i.test(name)) return undefined;
  const renamed = cleanFileName(name);
  return `the file name "${name}" makes a bad web address (spaces, capital letters and other signs break on some hosts and in markdown): rename the file to "${renamed}" and change the link to match`;
}

/** HTML blocks an editor writes around markdown: the tag to put a blank line after. */
const blockHolders = new Set([
  "div",
  "section",
  "aside",
  "article",
  "details",
  "summary",
  "figure",
  "figcaption",
  "blockquote",
  "header",
  "footer",
  "nav",
  "td",
  "th",
  "dd",
  "dt",
]);

/** Markdown in the page's text, shown to visitors as written: usually markdown with no blank line under an HTML tag. */
export function literalMarkdownText(): PageRule {
  const seen = new Set<string>();
  return {
    text(text, offset, context) {
      // Most text holds none of the characters markdown starts with: skip it before any pattern runs.
      if (!markdownSigns.test(text) || !context.inside("main") || literalText.some((name) => context.inside(name)))
        return;
      for (const { pattern, what } of literalMarkdown) {
        const found = pattern.exec(text)?.[0].trim();
        if (!found || seen.has(found)) continue;
        seen.add(found);
        context.report({
          message: literalMessage(found, what, context),
          offset,
          needles: [found, found.slice(0, 40), found.split(/\s+/).slice(0, 3).join(" "), found.slice(0, 12)],
        });
      }
    },
  };
}

function literalMessage(found: string, what: string, context: ScanContext): string {
  const image = /^!?\[[^\]]*\]\(([^)]*)\)$/.exec(found)?.[1]?.trim();
  if (image !== undefined) {
    const address = withoutTitle(image);
    const renamed = badFileName(address);
    if (renamed) return `${renamed} (the page shows "${found}" as written)`;
    if (/\s/.test(address))
      return `"${found}" shows on the page as written: the address "${address}" has a space in it. Rename the file without spaces (e.g. "${cleanFileName(address.split("/").pop() ?? address)}") and change the address to match`;
  }
  const holder = [...context.open].reverse().find((element) => blockHolders.has(element.name));
  if (!holder)
    return `"${found}" shows on the page as written, not as ${what}: check the markdown around it (a blank line before and after an HTML block, brackets and asterisks in pairs)`;
  const tag = `<${holder.name}${holder.attributes.class ? ` class="${holder.attributes.class}"` : ""}>`;
  return `"${found}" shows on the page as written, not as ${what}: markdown straight under an HTML tag is not read as markdown. Leave a blank line after ${tag}, and before its closing tag`;
}

/** Images and documents linked from the page whose file names make bad addresses. */
export function fileNames(): PageRule {
  return {
    open(element, context) {
      if ((element.name !== "a" && element.name !== "img" && element.name !== "source") || !context.inside("main"))
        return;
      const a = element.attributes;
      const addresses =
        element.name === "a"
          ? [a.href]
          : element.name === "img" || element.name === "source"
            ? [a.src, ...srcsetUrls(a.srcset ?? "")]
            : [];
      for (const address of addresses) {
        const message = address === undefined ? undefined : badFileName(address);
        if (!message || address === undefined) continue;
        context.report({
          message,
          offset: element.start,
          needles: [`(${address}`, tagWith(element.name, element.name === "a" ? "href" : "src", address), address],
        });
      }
    },
  };
}
