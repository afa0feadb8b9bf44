import { existsSync, lstatSync, realpathSync } from "node:fs";
import { join, resolve, sep } from "node:path";

export interface ImageOptions {
  /** The project folder: "/static/img/x.png" is read from `<root>/static/img/x.png`. */
  root: string;
  /** The built site's folder: the variants are written to `<outputDir>/img/`. */
  outputDir: string;
}

/** Photos and other raster images; SVG is already small and sharp at any size, so it is left as it is. */
const raster = /\.(?:png|jpe?g|gif|webp|avif|tiff?)$/i;

function insidePicture(html: string, index: number): boolean {
  const before = html.slice(0, index);
  return before.lastIndexOf("<picture") > before.lastIndexOf("</picture>");
}

/**
 * The file behind an image address, only if it is a real file inside static/:
 * "/../../usr/share/x.png" or a symbolic link is never read, whatever it names.
 */
export function staticFile(root: string, src: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(src.split(/[?#]/)[0] ?? "");
  } catch {
    return undefined;
  }
  const staticDir = resolve(root, "static");
  const file = resolve(root, `.${path}`);
  if (!file.startsWith(`${staticDir}${sep}`) || !existsSync(file)) return undefined;
  // A link anywhere on the way (a linked folder) would lead out: the real path must still be inside.
  return lstatSync(file).isFile() && realpathSync(file).startsWith(`${realpathSync(staticDir)}${sep}`)
    ? file
    : undefined;
}

/**
 * One content image as a `<picture>`: AVIF and WebP for browsers that take
 * them, the original format as the fallback, with its width and height so the
 * page does not jump as it loads. Images lazy-load, except the banner image,
 * which is at the top of the page (above the fold).
 */
export async function pictureFor(tag: string, options: ImageOptions): Promise<string> {
  // Loaded here, not at the top: eleventy-img brings in sharp, and most builds have no image to process.
  const { parse } = await import("node-html-parser");
  const img = parse(tag).querySelector("img");
  const src = img?.getAttribute("src") ?? "";
  if (!img || !src.startsWith("/") || src.startsWith("//") || !raster.test(src)) return tag;
  const file = staticFile(options.root, src);
  if (!file) return tag; // The link check reports missing files and addresses outside the site; this only optimises.
  const { default: Image, generateHTML } = await import("@11ty/eleventy-img");
  const metadata = await Image(file, {
    widths: ["auto"],
    formats: ["avif", "webp", "auto"],
    outputDir: join(options.outputDir, "img"),
    urlPath: "/img/",
  });
  const attributes: Record<string, string> = { ...img.attributes };
  delete attributes.src;
  delete attributes.width;
  delete attributes.height;
  attributes.alt = img.getAttribute("alt") ?? "";
  attributes.loading ??= /\bhero__image\b/.test(attributes.class ?? "") ? "eager" : "lazy";
  attributes.decoding ??= "async";
  return generateHTML(metadata, attributes, { whitespaceMode: "inline" });
}

/** Every local raster `<img>` in a page, as a `<picture>` (see pictureFor). */
export async function optimiseImages(html: string, options: ImageOptions): Promise<string> {
  const tags = [...html.matchAll(/<img\b[^>]*>/gi)].filter((match) => !insidePicture(html, match.index ?? 0));
  if (tags.length === 0) return html;
  let result = "";
  let last = 0;
  for (const match of tags) {
    const index = match.index ?? 0;
    result += html.slice(last, index) + (await pictureFor(match[0], options));
    last = index + match[0].length;
  }
  return result + html.slice(last);
}
