// The NLC's two typefaces, served from our own origin: the woff2 files of the @fontsource packages,
// Latin subset and only the weights the styles use, copied into /assets/fonts/ under names that carry
// a hash of their bytes (cached for ever, like the stylesheet), with the @font-face rules that name them.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Asset } from "./assets.js";

export interface FontSpec {
  /** The npm package holding the files ("@fontsource/source-sans-3"). */
  package: string;
  /** The family name the styles ask for ("Source Sans 3"). */
  family: string;
  weight: number;
  /** Preloaded from every page's head: the face the first paragraph is set in. */
  preload?: boolean;
}

export interface Font extends FontSpec {
  /** The woff2 file in the package. */
  source: string;
  /** Its address on the site: "/assets/fonts/source-sans-3-latin-400-normal.1a2b3c4d5e.woff2". */
  href: string;
  /** Its size in bytes. */
  bytes: number;
}

/**
 * The faces the styles use (src/styles/_tokens.scss): Source Sans 3 (the
 * renamed Source Sans Pro) for text, regular and bold; Nunito Sans for
 * headings, bold. A weight or face the styles use that is not here is drawn
 * by the browser from the next font in the stack.
 */
export const siteFonts: readonly FontSpec[] = [
  { package: "@fontsource/source-sans-3", family: "Source Sans 3", weight: 400, preload: true },
  { package: "@fontsource/source-sans-3", family: "Source Sans 3", weight: 700 },
  { package: "@fontsource/nunito-sans", family: "Nunito Sans", weight: 700 },
];

/** Fontsource's Latin subset: the characters its latin files hold, so a page never fetches them for other scripts. */
export const latinRange =
  "U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD";

const require = createRequire(import.meta.url);

/** "@fontsource/source-sans-3" → its folder in node_modules. */
function packageFolder(name: string): string {
  // The packages' exports map every subpath to a stylesheet; their main stylesheet is at the folder's top.
  return dirname(require.resolve(name));
}

/** "source-sans-3-latin-400-normal" for a spec: Fontsource's own file name, without extension. */
export function fontFileName(spec: FontSpec): string {
  return `${spec.package.replace(/^@fontsource\//, "")}-latin-${spec.weight}-normal`;
}

/** The site address of a font file with these bytes. */
export function fontHref(spec: FontSpec, bytes: Uint8Array): string {
  const hash = createHash("sha256").update(bytes).digest("hex").slice(0, 10);
  return `/assets/fonts/${fontFileName(spec)}.${hash}.woff2`;
}

const cache = new Map<FontSpec, Font>();

/** The fonts found in their packages, each with its fingerprinted address. Throws, naming the package, if one is not installed. */
export function loadFonts(specs: readonly FontSpec[] = siteFonts): Font[] {
  return specs.map((spec) => {
    const hit = cache.get(spec);
    if (hit) return hit;
    let source: string;
    let bytes: Buffer;
    try {
      source = join(packageFolder(spec.package), "files", `${fontFileName(spec)}.woff2`);
      bytes = readFileSync(source);
    } catch (caught) {
      throw new Error(
        `The font ${spec.family} ${spec.weight} could not be read from ${spec.package}: run npm ci (${caught instanceof Error ? caught.message : String(caught)})`,
        { cause: caught },
      );
    }
    const font: Font = { ...spec, source, href: fontHref(spec, bytes), bytes: bytes.length };
    cache.set(spec, font);
    return font;
  });
}

/** The @font-face rules for the fonts: woff2 only, Latin only, text shown at once in a fallback face and swapped when the font arrives. */
export function fontFaceCss(fonts: readonly Font[]): string {
  return fonts
    .map(
      (font) =>
        `@font-face{font-family:"${font.family}";font-style:normal;font-weight:${font.weight};font-display:swap;src:url(${font.href}) format("woff2");unicode-range:${latinRange}}`,
    )
    .join("");
}

/**
 * The stylesheet with the @font-face rules in front, under a new fingerprint.
 * Sass starts a stylesheet holding non-ASCII characters with a byte-order
 * mark, which stays first (in the middle it would break the first selector).
 */
export function withFontFaces(css: Asset, fonts: readonly Font[] = loadFonts()): Asset {
  const bom = css.contents.startsWith("\uFEFF") ? "\uFEFF" : "";
  const contents = `${bom}${fontFaceCss(fonts)}${css.contents.slice(bom.length)}`;
  const hash = createHash("sha256").update(contents).digest("hex").slice(0, 10);
  return { href: css.href.replace(/\.[0-9a-f]{10}\.css$/, `.${hash}.css`), contents };
}

/** Eleventy's passthrough copy: each package file to its fingerprinted address in the output. */
export function fontCopies(fonts: readonly Font[] = loadFonts()): Record<string, string> {
  return Object.fromEntries(fonts.map((font) => [font.source, font.href.slice(1)]));
}

/** The site paths of the font files with the files they are copied from, for checks that run without writing the site. */
export function fontSiteFiles(fonts: readonly Font[] = loadFonts()): Map<string, string> {
  return new Map(fonts.map((font) => [font.href, font.source]));
}
