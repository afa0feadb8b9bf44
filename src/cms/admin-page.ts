import { createHash } from "node:crypto";
import { copyFile, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { decapCacheDir, decapRelease, ensureDecapBundle, isBundleFile } from "./decap-bundle.js";
import { escapeHtml } from "../core/escape.js";

/**
 * The files of /admin/: Decap CMS's prebuilt bundle (fetched once, pinned and checked, by
 * decap-bundle.ts; nothing from a CDN), our setup script, the page that loads them, and the
 * generated config.yml.
 */

/** Decap CMS: its pinned version and the folder its bundle is kept in (filled by `ensureDecapBundle`). */
export function decapBundle(): { version: string; dist: string } {
  return { version: decapRelease.version, dist: decapCacheDir() };
}

/** "decap-cms-3.16.3": the folder under /admin/ that holds the bundle, named for its version so it can be cached for ever. */
export function bundleFolder(version: string): string {
  return `decap-cms-${version}`;
}

const setupScript = join(dirname(fileURLToPath(import.meta.url)), "admin-setup.js");

/**
 * The page at /admin/. Its heading and words show until the editor starts
 * (Decap renders into #nc-root, replacing them), and stay for anyone without JavaScript.
 */
function adminPageHtml(options: {
  bundle: string;
  setup: string;
  previewStyle: string;
  /** What the editor's own buttons need (src/cms/config.ts editorData), as JSON. */
  editorData: string;
  siteName: string;
  language: string;
}): string {
  return `<!doctype html>
<html lang="${escapeHtml(options.language)}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="robots" content="noindex, nofollow">
  <title>Edit the site – ${escapeHtml(options.siteName)}</title>
  <link href="/admin/config.yml" type="text/yaml" rel="cms-config-url">
</head>
<body data-pagefind-ignore="all">
  <div id="nc-root">
    <main>
      <h1>Edit the site</h1>
      <p>The editor is starting. It needs JavaScript; without it, edit the files as docs/editing.md describes.</p>
    </main>
  </div>
  <script src="${escapeHtml(options.bundle)}"></script>
  <script src="${escapeHtml(options.setup)}" data-preview-style="${escapeHtml(options.previewStyle)}" data-editor="${escapeHtml(options.editorData)}"></script>
</body>
</html>
`;
}

/** Writes /admin/ into the built site `outputDir`. The bundle is copied once per version, so a preview rebuild does not copy 5 MB again. */
export async function writeAdmin(
  outputDir: string,
  options: { configYaml: string; previewStyle: string; editorData: string; siteName: string; language: string },
): Promise<void> {
  const { version } = decapBundle();
  const dist = await ensureDecapBundle();
  const admin = join(outputDir, "admin");
  const target = join(admin, bundleFolder(version));
  if (!existsSync(join(target, "decap-cms.js"))) {
    await mkdir(target, { recursive: true });
    for (const name of (await readdir(dist)).filter(isBundleFile)) await copyFile(join(dist, name), join(target, name));
  }
  const setup = await readFile(setupScript, "utf8");
  const setupName = `setup.${createHash("sha256").update(setup).digest("hex").slice(0, 10)}.js`;
  await writeFile(join(admin, setupName), setup);
  await writeFile(join(admin, "config.yml"), options.configYaml);
  await writeFile(
    join(admin, "index.html"),
    adminPageHtml({
      bundle: `/admin/${bundleFolder(version)}/decap-cms.js`,
      setup: `/admin/${setupName}`,
      previewStyle: options.previewStyle,
      editorData: options.editorData,
      siteName: options.siteName,
      language: options.language,
    }),
  );
}
