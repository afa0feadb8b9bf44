import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join } from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { loadFonts, withFontFaces, type Font } from "./fonts.js";

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
  /** The woff2 files the stylesheet's @font-face rules name (src/output/fonts.ts). */
  fonts: Font[];
}

/** "main.css" with contents → "/assets/main.3f2a9c01de.css". */
export function fingerprintedHref(name: string, extension: string, contents: string): string {
  const hash = createHash("sha256").update(contents).digest("hex").slice(0, 10);
  return `/assets/${name}.${hash}.${extension}`;
}

/** Every Sass file under `dir`, named from it, with its contents, in a fixed order. */
function sassSources(dir: string, prefix = ""): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((entry) => {
      const name = `${prefix}${entry.name}`;
      if (entry.isDirectory()) return sassSources(dir, `${name}/`);
      return entry.name.endsWith(".scss") ? [`${name}\n${readFileSync(join(dir, name), "utf8")}`] : [];
    });
}

const require = createRequire(import.meta.url);
const sassOptions = { style: "compressed", sourceMap: false } as const;

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
 * Kept by a hash of every Sass file and the compiler's version: in memory,
 * so a content edit in `npm start` does not pay for Sass, and in
 * `<cacheDir>/`, so a build whose styles did not change never loads the
 * compiler (a third of a small site's build; docs/performance.md). Sass
 * files outside `dir` are not in the key: the styles use none.
 */
export function compileStylesheet(dir: string, cacheDir = join(".cache", "stylesheets")): Asset {
  const sassVersion = (
    JSON.parse(readFileSync(join(dirname(require.resolve("sass")), "package.json"), "utf8")) as { version: string }
  ).version;
  const key = createHash("sha256")
    .update(JSON.stringify([sassVersion, sassOptions, sassSources(dir)]))
    .digest("hex")
    .slice(0, 20);
  return cached(`css:${dir}`, key, () => {
    const file = join(cacheDir, `${key}.css`);
    let css: string;
    try {
      css = readFileSync(file, "utf8");
    } catch {
      const sass = require("sass") as typeof import("sass");
      css = sass.compile(join(dir, "main.scss"), sassOptions).css;
      // Written aside, then renamed: a build running alongside reads the whole file or none.
      mkdirSync(cacheDir, { recursive: true });
      const partial = `${file}.${process.pid}`;
      writeFileSync(partial, css);
      renameSync(partial, file);
    }
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

/** The site's own scripts (src/scripts/, as loadAssets loads them), by the names their fingerprinted files take in /assets/. */
export const siteScriptNames: readonly string[] = ["site", "search", "consent"];

/** Whether a path is one of the site's own scripts as the build names it ("/assets/site.3f2a9c01de.js"): the only scripts a page loads. */
export function isSiteScript(path: string): boolean {
  const name = /^\/assets\/([a-z]{1,20})\.[0-9a-f]{1,64}\.js$/.exec(path)?.[1];
  return name !== undefined && siteScriptNames.includes(name);
}

/** The site's stylesheet and scripts, from the project folder `root`. */
export function loadAssets(root: string): Assets {
  return {
    css: withFontFaces(compileStylesheet(join(root, "src", "styles"), join(root, ".cache", "stylesheets"))),
    js: loadScript(join(root, "src", "scripts", "site.js")),
    search: loadScript(join(root, "src", "scripts", "search.js")),
    consent: loadScript(join(root, "src", "scripts", "consent.js")),
    fonts: loadFonts(),
  };
}

/**
 * The fingerprinted stylesheet and scripts, written as virtual templates, so
 * they are built, watched and checked like every other file of the site.
 */
export function assetsPlugin(eleventyConfig: UserConfig, options: { root: string }): void {
  eleventyConfig.addGlobalData("assets", () => loadAssets(options.root));
  const asset = { layout: false, eleventyExcludeFromCollections: true };
  eleventyConfig.addTemplate("assets/main.css.njk", "{{ assets.css.contents | safe }}", {
    ...asset,
    permalink: "{{ assets.css.href }}",
  });
  for (const script of ["js", "search", "consent"]) {
    eleventyConfig.addTemplate(`assets/${script}.js.njk`, `{{ assets.${script}.contents | safe }}`, {
      ...asset,
      permalink: `{{ assets.${script}.href }}`,
    });
  }
  eleventyConfig.addWatchTarget(join(options.root, "src", "styles"));
  eleventyConfig.addWatchTarget(join(options.root, "src", "scripts"));
}
