// Hand-written types for the parts of these JavaScript-only packages this site uses.
declare module "@11ty/eleventy-plugin-rss" {
  export const feedPlugin: unknown;
}

declare module "@11ty/eleventy-img" {
  export interface ImageOptions {
    widths?: Array<number | "auto" | null>;
    formats?: string[];
    outputDir?: string;
    urlPath?: string;
    /** Passed to sharp's constructor: `limitInputPixels` refuses larger pictures before decoding them. */
    sharpOptions?: { limitInputPixels?: number };
  }
  export interface ImageFormatEntry {
    format: string;
    width: number;
    height: number;
    url: string;
    outputPath: string;
    sourceType: string;
    srcset: string;
  }
  export type ImageMetadata = Record<string, ImageFormatEntry[]>;
  export default function Image(src: string, options?: ImageOptions): Promise<ImageMetadata>;
  /** The metadata Image() would give, from the picture's header, without making any file. */
  export function statsSync(src: string, options?: ImageOptions): ImageMetadata;
  export function generateHTML(
    metadata: ImageMetadata,
    attributes: Record<string, string>,
    options?: { whitespaceMode?: "inline" | "block" },
  ): string;
}

declare module "js-yaml" {
  export const DEFAULT_SCHEMA: unknown;
  export function load(text: string, options?: { schema?: unknown; json?: boolean }): unknown;
  const yaml: { DEFAULT_SCHEMA: unknown; load: typeof load };
  export default yaml;
}
