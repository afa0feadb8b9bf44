import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import * as sass from "sass";

export interface Asset {
  /** Address with a content hash in the file name, safe to cache for ever. */
  href: string;
  contents: string;
}

export interface Assets {
  css: Asset;
  js: Asset;
  /** Only on the search page. */
  search: Asset;
  /** Only on sites built with an analytics ID. */
  consent: Asset;
}

/** "main.css" with contents → "/assets/main.3f2a9c01de.css". */
export function fingerprintedHref(name: string, extension: string, contents: string): string {
  const hash = createHash("sha256").update(contents).digest("hex").slice(0, 10);
  return `/assets/${name}.${hash}.${extension}`;
}

function filesVersion(dir: string, extension: string): string {
  return readdirSync(dir)
    .filter((file) => file.endsWith(extension))
    .sort()
    .map((file) => `${file}:${statSync(join(dir, file)).mtimeMs}`)
    .join("|");
}

const cache = new Map<string, { version: string; asset: Asset }>();

function cached(key: string, version: string, make: () => Asset): Asset {
  const hit = cache.get(key);
  if (hit?.version === version) return hit.asset;
  const asset = make();
  cache.set(key, { version, asset });
  return asset;
}

/**
 * `main.scss` in `dir` compiled by Dart Sass to one minified stylesheet.
 * Recompiled only when a Sass file changed, so a content edit in
 * `npm start` does not pay for Sass.
 */
export function compileStylesheet(dir: string): Asset {
  return cached(`css:${dir}`, filesVersion(dir, ".scss"), () => {
    const { css } = sass.compile(join(dir, "main.scss"), { style: "compressed", sourceMap: false });
    return { href: fingerprintedHref("main", "css", css), contents: css };
  });
}

/** A script, fingerprinted like the stylesheet: "src/scripts/site.js" → "/assets/site.<hash>.js". */
export function loadScript(file: string): Asset {
  return cached(`js:${file}`, String(statSync(file).mtimeMs), () => {
    const contents = readFileSync(file, "utf8");
    return { href: fingerprintedHref(basename(file, ".js"), "js", contents), contents };
  });
}

export function loadAssets(): Assets {
  return {
    css: compileStylesheet("src/styles"),
    js: loadScript("src/scripts/site.js"),
    search: loadScript("src/scripts/search.js"),
    consent: loadScript("src/scripts/consent.js"),
  };
}
