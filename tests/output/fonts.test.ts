// The typefaces come from the installed @fontsource packages, as woff2, Latin only, under fingerprinted names.
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  fontCopies,
  fontFaceCss,
  fontFileName,
  fontHref,
  fontSiteFiles,
  latinRange,
  loadFonts,
  siteFonts,
  withFontFaces,
  type FontSpec,
} from "../../src/output/fonts.js";

const spec: FontSpec = { package: "@fontsource/source-sans-3", family: "Source Sans 3", weight: 400 };

describe("the site's fonts", () => {
  it("are read from the installed packages as woff2 files (npm ci needs no install script for them)", () => {
    const fonts = loadFonts();
    expect(fonts).toHaveLength(siteFonts.length);
    for (const font of fonts) {
      expect(existsSync(font.source), font.source).toBe(true);
      // woff2's signature: the file is a real font, not a stub.
      expect(readFileSync(font.source).subarray(0, 4).toString("latin1")).toBe("wOF2");
      expect(font.bytes).toBe(readFileSync(font.source).length);
      expect(font.href).toMatch(/^\/assets\/fonts\/[a-z0-9-]+-latin-\d00-normal\.[0-9a-f]{10}\.woff2$/);
    }
    // One face preloaded: the text face's regular weight.
    expect(fonts.filter((font) => font.preload).map((font) => [font.family, font.weight])).toEqual([
      ["Source Sans 3", 400],
    ]);
  });

  it("name each file by its package, subset and weight, and change the name when the bytes change", () => {
    expect(fontFileName(spec)).toBe("source-sans-3-latin-400-normal");
    const one = fontHref(spec, Buffer.from("one"));
    expect(one).toMatch(/^\/assets\/fonts\/source-sans-3-latin-400-normal\.[0-9a-f]{10}\.woff2$/);
    expect(fontHref(spec, Buffer.from("one"))).toBe(one);
    expect(fontHref(spec, Buffer.from("two"))).not.toBe(one);
  });

  it("are declared with font-display: swap, woff2 only and the Latin range", () => {
    const font = { ...spec, source: "/x.woff2", href: "/assets/fonts/x.0123456789.woff2", bytes: 1 };
    expect(fontFaceCss([font])).toBe(
      `@font-face{font-family:"Source Sans 3";font-style:normal;font-weight:400;font-display:swap;src:url(/assets/fonts/x.0123456789.woff2) format("woff2");unicode-range:${latinRange}}`,
    );
    expect(latinRange).toMatch(/^U\+0000-00FF,/);
  });

  it("put their rules in front of the stylesheet, under a new fingerprint", () => {
    const fonts = loadFonts();
    const css = withFontFaces({ href: "/assets/main.0123456789.css", contents: "body{color:red}" }, fonts);
    expect(css.contents.startsWith(fontFaceCss(fonts))).toBe(true);
    expect(css.contents.endsWith("body{color:red}")).toBe(true);
    expect(css.href).toMatch(/^\/assets\/main\.[0-9a-f]{10}\.css$/);
    expect(css.href).not.toBe("/assets/main.0123456789.css");
    for (const font of fonts) expect(css.contents).toContain(`url(${font.href})`);
    // Sass's byte-order mark stays the first character, not the start of the first rule after the fonts.
    const marked = withFontFaces(
      { href: "/assets/main.0123456789.css", contents: "\uFEFF*{box-sizing:border-box}" },
      fonts,
    );
    expect(marked.contents.startsWith(`\uFEFF${fontFaceCss(fonts)}*{`)).toBe(true);
    expect(marked.contents.match(/\uFEFF/g)).toHaveLength(1);
  });

  it("are copied to their addresses, and known to checks that write nothing", () => {
    const fonts = loadFonts();
    const copies = fontCopies(fonts);
    for (const font of fonts) {
      expect(copies[font.source]).toBe(font.href.slice(1));
      expect(fontSiteFiles(fonts).get(font.href)).toBe(font.source);
    }
  });

  it("say which package is missing", () => {
    expect(() => loadFonts([{ package: "@fontsource/no-such-face", family: "None", weight: 400 }])).toThrow(
      /The font None 400 could not be read from @fontsource\/no-such-face: run npm ci/,
    );
  });
});
