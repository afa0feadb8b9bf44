import { existsSync, lstatSync, readFileSync, realpathSync, statSync } from "node:fs";
import { join, resolve, sep } from "node:path";
import { walkFiles } from "../content/trust.js";
import { projectPath } from "../core/addresses.js";
import { scanPage, type ScannedElement } from "../core/html-scanner.js";
import { error, type Problem } from "../core/problems.js";

export interface ImageOptions {
  /** The project folder: "/static/img/x.png" is read from `<root>/static/img/x.png`. */
  root: string;
  /** The built site's folder: the variants are written to `<outputDir>/img/`. */
  outputDir: string;
}

/** Photos and other raster images; SVG is already small and sharp at any size, so it is left as it is. */
const raster = /\.(?:png|jpe?g|gif|webp|avif|tiff?)$/i;

/**
 * The most pixels a picture may have: 40 megapixels, above any camera an
 * editor would use. Larger pictures (or a small file that unpacks into a
 * huge one) would take minutes and gigabytes to process; the check refuses
 * them (src/checks/static-files.ts), and the image library is told the same
 * limit, so nothing larger is ever decoded.
 */
export const maxImagePixels = 40_000_000;

/** Whether any page names a raster picture (in its text or front matter), so the build will make one. */
export function pagesNameRasterImages(root: string): boolean {
  const named = /\.(?:png|jpe?g|gif|webp|avif|tiff?)\b/i;
  return walkFiles(root, "content").some(
    (file) => file.endsWith(".md") && named.test(readFileSync(join(root, file), "utf8")),
  );
}

/**
 * The file behind an image address, only if it is a real file inside static/:
 * "/../../usr/share/x.png" or a symbolic link is never read, whatever it names.
 */
function staticFile(root: string, src: string): string | undefined {
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

/** How every picture is made: AVIF and WebP for browsers that take them, the original format as the fallback. */
function imageOptions(outputDir: string) {
  return {
    widths: ["auto" as const],
    formats: ["avif", "webp", "auto"],
    outputDir: join(outputDir, "img"),
    urlPath: "/img/",
    sharpOptions: { limitInputPixels: maxImagePixels },
  };
}

/** Each picture's metadata, read once a build however many pages show it (its file's size and time in the key). */
const stats = new Map<string, ReturnType<typeof import("@11ty/eleventy-img").statsSync>>();
function statsOnce(
  file: string,
  read: () => ReturnType<typeof import("@11ty/eleventy-img").statsSync>,
): ReturnType<typeof import("@11ty/eleventy-img").statsSync> {
  const { size, mtimeMs } = statSync(file);
  const key = `${file}\n${size}\n${mtimeMs}`;
  let found = stats.get(key);
  if (!found) stats.set(key, (found = read()));
  return found;
}

/**
 * Whether the library that will make the files can read the picture
 * (eleventy-img reads sizes with a lighter reader of its own, which passes
 * some damaged files): once a build, as the metadata is.
 */
const readable = new Map<string, Promise<boolean>>();
function readableOnce(file: string): Promise<boolean> {
  const { size, mtimeMs } = statSync(file);
  const key = `${file}\n${size}\n${mtimeMs}`;
  let found = readable.get(key);
  if (!found) {
    found = import("sharp").then(({ default: sharp }) =>
      sharp(file, { limitInputPixels: maxImagePixels })
        .metadata()
        .then(
          () => true,
          () => false,
        ),
    );
    readable.set(key, found);
  }
  return found;
}

/** The pictures a build's pages use, made once the pages are written (see generateImages). */
export type ImageJobs = Set<string>;

/**
 * One content image as a `<picture>`, with its width and height so the page
 * does not jump as it loads. Images lazy-load, except the banner image, which
 * is at the top of the page (above the fold). Only the HTML is made here,
 * from the picture's size (read from its header): the files themselves are
 * made by generateImages, once, after the pages. A picture that is not a real
 * raster file in static/, or is over the size limit, is left as it was: the
 * checks say why.
 */
async function pictureFor(
  img: ScannedElement,
  written: string,
  options: ImageOptions & { jobs: ImageJobs },
): Promise<string> {
  const src = img.attributes.src ?? "";
  if (!src.startsWith("/") || src.startsWith("//") || !raster.test(src.split(/[?#]/)[0] ?? "")) return written;
  const file = staticFile(options.root, src);
  if (!file) return written;
  // Loaded here, not at the top: eleventy-img brings in sharp, and most builds have no image to process.
  const { statsSync, generateHTML } = await import("@11ty/eleventy-img");
  let metadata;
  try {
    metadata = statsOnce(file, () => statsSync(file, imageOptions(options.outputDir)));
  } catch {
    return written;
  }
  const original = Object.values(metadata)[0]?.[0];
  if (!original || original.width * original.height > maxImagePixels) return written;
  if (!(await readableOnce(file))) return written;
  options.jobs.add(file);
  const attributes: Record<string, string> = { ...img.attributes };
  delete attributes.src;
  delete attributes.width;
  delete attributes.height;
  attributes.alt = img.attributes.alt ?? "";
  attributes.loading ??= /\bhero__image\b/.test(attributes.class ?? "") ? "eager" : "lazy";
  attributes.decoding ??= "async";
  return generateHTML(metadata, attributes, { whitespaceMode: "inline" });
}

/** Every local raster `<img>` in a page (not already in a `<picture>`), as a `<picture>` (see pictureFor). */
export async function optimiseImages(html: string, options: ImageOptions & { jobs: ImageJobs }): Promise<string> {
  // Most pages show no raster picture (the wordmark is SVG; the share image is named only in the head):
  // a look for a raster file's name in the body skips them unread.
  const body = Math.max(0, html.indexOf("<body"));
  if (!/\.(?:png|jpe?g|gif|webp|avif|tiff?)(?=["'?#\s>])/i.test(html.slice(body))) return html;
  const found: ScannedElement[] = [];
  scanPage(html, [
    {
      open(element, context) {
        if (element.name === "img" && !context.inside("picture")) found.push(element);
      },
    },
  ]);
  let result = "";
  let last = 0;
  for (const element of found) {
    const written = html.slice(element.start, element.tagEnd);
    result += html.slice(last, element.start) + (await pictureFor(element, written, options));
    last = element.tagEnd;
  }
  return result + html.slice(last);
}

/**
 * Makes the files of every picture the pages use, into `<outputDir>/img/`.
 * A picture the image library cannot make (its data damaged in a way its
 * header does not show) is a problem naming the picture (`root`: the project
 * folder, for its path), never the library's stack trace or the page.
 */
export async function generateImages(jobs: ImageJobs, outputDir: string, root?: string): Promise<Problem[]> {
  if (jobs.size === 0) return [];
  const { default: Image } = await import("@11ty/eleventy-img");
  const problems: Problem[] = [];
  for (const file of [...jobs].sort()) {
    try {
      await Image(file, imageOptions(outputDir));
    } catch (caught) {
      const name = root ? projectPath(root, file) : file;
      const reason = (caught instanceof Error ? caught.message : String(caught)).split("\n")[0] ?? "";
      problems.push(
        error(
          name,
          1,
          1,
          `${name} could not be read as a picture (${reason.slice(0, 120)}): open it and save it again, or use another picture`,
        ),
      );
    }
  }
  return problems;
}
