import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import sharp from "sharp";
import { brandName, iconSvg, packIco, webManifest, wordmarkSvg } from "../../src/render/brand.js";
import { projectRoot } from "../support/fixture-project.js";

describe("the mark", () => {
  it("is the committed drawing: run `npm run icons` after changing src/render/brand.ts", () => {
    expect(readFileSync(join(projectRoot, "src/site-files/brand/wordmark.svg"), "utf8")).toBe(wordmarkSvg());
    expect(readFileSync(join(projectRoot, "src/site-files/icon.svg"), "utf8")).toBe(iconSvg());
    expect(readFileSync(join(projectRoot, "src/site-files/site.webmanifest"), "utf8")).toBe(webManifest());
  });

  it("names itself: the wordmark carries the NLC's name as its text alternative", () => {
    expect(wordmarkSvg()).toContain(`<title>${brandName}</title>`);
    expect(wordmarkSvg()).toMatch(/role="img"/);
  });

  it("draws every letter inside its box, so nothing is clipped at any size", async () => {
    const svg = wordmarkSvg();
    const { info, data } = await sharp(Buffer.from(svg), { density: 300 })
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    const opaqueAt = (x: number, y: number) => data[(y * info.width + x) * info.channels + 3]! > 0;
    const edges: boolean[] = [];
    for (let x = 0; x < info.width; x++) edges.push(opaqueAt(x, 0), opaqueAt(x, info.height - 1));
    for (let y = 0; y < info.height; y++) edges.push(opaqueAt(0, y), opaqueAt(info.width - 1, y));
    expect(edges.some(Boolean)).toBe(false);
  });
});

describe("packIco", () => {
  it("writes an ICO header, one entry per image pointing at its PNG, then the images", async () => {
    const png16 = await sharp(Buffer.from(iconSvg())).resize(16, 16).png().toBuffer();
    const png32 = await sharp(Buffer.from(iconSvg())).resize(32, 32).png().toBuffer();
    const ico = packIco([
      { size: 16, png: png16 },
      { size: 32, png: png32 },
    ]);
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2), ico.readUInt16LE(4)]).toEqual([0, 1, 2]);
    const second = 6 + 16;
    expect(ico.readUInt8(second)).toBe(32);
    const offset = ico.readUInt32LE(second + 12);
    expect(ico.subarray(offset, offset + ico.readUInt32LE(second + 8)).equals(png32)).toBe(true);
    expect(ico.length).toBe(6 + 32 + png16.length + png32.length);
  });

  it("refuses a size ICO cannot hold", () => {
    expect(() => packIco([{ size: 300, png: new Uint8Array() }])).toThrow(/1 to 256 pixels/);
  });
});
