// The favicon, touch icon, manifest and share image exist in the built site, at the sizes they claim,
// and every page links them.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { builtPage, builtUrls, siteDir } from "../support/built-site.js";

/** The built file behind a link on the site ("/icon.svg", or the site's own absolute address). */
function builtFile(href: string): string {
  return join(siteDir, decodeURIComponent(new URL(href, "https://site.invalid").pathname));
}

// Every page but the stubs at old addresses, which only send the visitor on.
const pages = builtUrls().filter((url) => !builtPage(url).querySelector('meta[http-equiv="refresh"]'));

describe("the icons and the share image", () => {
  it("are in the built site: /favicon.ico at the root, as browsers look for it there", () => {
    expect(existsSync(join(siteDir, "favicon.ico"))).toBe(true);
    expect(readFileSync(join(siteDir, "favicon.ico")).readUInt16LE(2), "an ICO file").toBe(1);
  });

  describe.each(pages)("%s", (url) => {
    const head = builtPage(url).querySelector("head");
    const href = (selector: string) =>
      head?.querySelector(selector)?.getAttribute(selector.startsWith("meta") ? "content" : "href") ?? "";

    it("links the favicon, the SVG icon, the touch icon and the manifest, and each file is there", () => {
      for (const selector of [
        'link[rel="icon"][href$=".ico"]',
        'link[rel="icon"][type="image/svg+xml"]',
        'link[rel="apple-touch-icon"]',
        'link[rel="manifest"]',
      ]) {
        expect(href(selector), `${url}: ${selector}`).not.toBe("");
        expect(existsSync(builtFile(href(selector))), `${url}: ${selector} → ${href(selector)}`).toBe(true);
      }
    });

    it("names a share image, with its size and a text alternative, for Open Graph and Twitter", async () => {
      const image = href('meta[property="og:image"]');
      expect(image, `${url}: og:image`).toMatch(/^https?:\/\//);
      expect(href('meta[name="twitter:image"]')).toBe(image);
      expect(href('meta[property="og:image:alt"]')).not.toBe("");
      const size = await sharp(builtFile(image)).metadata();
      expect([size.width, size.height]).toEqual([
        Number(href('meta[property="og:image:width"]')),
        Number(href('meta[property="og:image:height"]')),
      ]);
    });
  });

  it("have the sizes the head and the manifest give: a 180px touch icon, and each manifest icon", async () => {
    const touch = builtFile(href("/", 'link[rel="apple-touch-icon"]'));
    expect(await sharp(touch).metadata()).toMatchObject({ width: 180, height: 180 });
    const manifest = JSON.parse(readFileSync(builtFile(href("/", 'link[rel="manifest"]')), "utf8")) as {
      name: string;
      icons: { src: string; sizes: string }[];
    };
    expect(manifest.name).not.toBe("");
    for (const icon of manifest.icons) {
      expect(existsSync(builtFile(icon.src)), icon.src).toBe(true);
      if (icon.sizes !== "any")
        expect(await sharp(builtFile(icon.src)).metadata(), icon.src).toMatchObject({
          width: Number(icon.sizes.split("x")[0]),
          height: Number(icon.sizes.split("x")[1]),
        });
    }
  });
});

function href(url: string, selector: string): string {
  return builtPage(url).querySelector(selector)?.getAttribute("href") ?? "";
}
