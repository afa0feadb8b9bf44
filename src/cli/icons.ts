// `npm run icons`: draws the wordmark, icons and share image (src/render/brand.ts) and writes them into the
// developers' src/site-files/ (served at the site's root and /brand/). Run it after changing the drawing, and
// commit the files it writes.
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import sharp from "sharp";
import { iconSvg, packIco, shareImageSvg, videoPosterSvg, webManifest, wordmarkSvg } from "../render/brand.js";

const siteFiles = resolve(import.meta.dirname, "..", "site-files");
const root = siteFiles;
const brand = join(siteFiles, "brand");
mkdirSync(root, { recursive: true });
mkdirSync(brand, { recursive: true });

const png = (svg: string, size: number) =>
  sharp(Buffer.from(svg), { density: 72 * Math.ceil(size / 16) })
    .resize(size, size)
    .png({ compressionLevel: 9 })
    .toBuffer();

const written: Record<string, string | Buffer> = {
  [join(brand, "wordmark.svg")]: wordmarkSvg(),
  [join(brand, "video-poster.svg")]: videoPosterSvg(),
  [join(root, "icon.svg")]: iconSvg(),
  [join(root, "site.webmanifest")]: webManifest(),
  [join(root, "favicon.ico")]: packIco(
    await Promise.all([16, 32, 48].map(async (size) => ({ size, png: await png(iconSvg(), size) }))),
  ),
  [join(root, "apple-touch-icon.png")]: await png(iconSvg(0), 180),
  [join(root, "icon-192.png")]: await png(iconSvg(), 192),
  [join(root, "icon-512.png")]: await png(iconSvg(), 512),
  [join(brand, "share.png")]: await sharp(Buffer.from(shareImageSvg()))
    .png({ compressionLevel: 9, palette: true })
    .toBuffer(),
};
for (const [file, contents] of Object.entries(written)) {
  writeFileSync(file, contents);
  console.log(`Wrote src/site-files${file.slice(siteFiles.length)}`);
}
