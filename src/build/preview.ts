import { existsSync, readFileSync, rmSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { join, relative, resolve, sep } from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { listSiteFiles } from "../checks/link-check.js";
import { blocksRender } from "../checks/source-checks.js";
import { insideOutput, reservedBy } from "../core/addresses.js";
import { escapeHtml } from "../core/escape.js";
import { formatProblem, type Problem } from "../core/problems.js";
import { headerRules, headersForPath, type AreaRule } from "../output/headers.js";
import { plannedCopies } from "../output/static-files.js";

/**
 * The preview (`npm start`): Eleventy's own server, watching the files, is
 * inside the trust line. An editor may open a page someone else wrote, so
 * the preview treats it as the live site would, and more strictly:
 * - every response carries the headers production sends for its address
 *   (src/output/headers.ts: the same rules, the Content-Security-Policy
 *   included, and the site's policy wherever they give none), so a page's
 *   script cannot run here either;
 * - a page or file whose check failed is never shown: the preview answers
 *   with its problems instead, until a save puts them right;
 * - the preview's own scripts (Eleventy's live reload, the problems panel)
 *   are files on the preview's origin, never inline, so the policy lets
 *   them run; the page is reloaded whole on a save, never patched in place;
 * - a page or static file deleted since the last build is deleted from the
 *   preview's folder too, so it leaves the site and every list.
 * Nothing of this reaches a production build.
 */
const problemsAddress = "/.nlc-preview/problems.json";
const scriptAddress = "/.nlc-preview/problems.js";
/** Eleventy's live-reload client, which its server answers at this address. */
const reloadScriptAddress = "/.11ty/reload-client.js";

interface PreviewState {
  /** The preview's folder, once a build has written it. */
  outputDir?: string;
  /** Each page the last build wrote, by site path ("/about/index.html"), with its source ("content/about.md"). */
  pages: Map<string, string>;
  /** The site's stylesheet, for the problems page. */
  stylesheet?: string;
  /** The errors of the last build that finished rendering, by file: these files are not shown. */
  refused: Map<string, string[]>;
  /** The errors the panel over every page lists: all of them when a save stopped the build, else those of no page. */
  panel: { stopped: boolean; problems: string[] };
}

const state: PreviewState = { pages: new Map(), refused: new Map(), panel: { stopped: false, problems: [] } };

/** Takes in the report of each preview build (src/checks/plugin.ts calls it through `onPreviewReport`). */
export function recordPreviewProblems(problems: readonly Problem[]): void {
  const errors = problems.filter((problem) => problem.severity === "error");
  if (blocksRender(errors)) {
    // Nothing was rendered: the pages keep their last state, and the panel says why.
    state.panel = { stopped: true, problems: errors.map(formatProblem) };
    return;
  }
  state.refused = new Map();
  for (const problem of errors)
    state.refused.set(problem.file, [...(state.refused.get(problem.file) ?? []), formatProblem(problem)]);
  const pageSources = new Set(state.pages.values());
  state.panel = {
    stopped: false,
    problems: errors.filter((problem) => !pageSources.has(problem.file)).map(formatProblem),
  };
}

/** What the panel shows: empty once a save builds without errors outside the pages. */
function previewPanel(): { stopped: boolean; problems: string[] } {
  return { stopped: state.panel.stopped, problems: [...state.panel.problems] };
}

/** The source file a site path was made from: a page's, or an editor's file copied from static/. */
function sourceOf(sitePath: string): string | undefined {
  return state.pages.get(sitePath) ?? (sitePath.startsWith("/static/") ? sitePath.slice(1) : undefined);
}

/** The errors that keep a site path from being shown, if any. */
function refusedFor(sitePath: string): { file: string; problems: string[] } | undefined {
  const file = sourceOf(sitePath);
  const problems = file === undefined ? undefined : state.refused.get(file);
  return file !== undefined && problems?.length ? { file, problems } : undefined;
}

/** Loads the live-reload client and the problems panel in a previewed page, before `</head>`: files, never inline. */
function withPreviewScripts(html: string): string {
  const tags = `<script type="module" src="${reloadScriptAddress}"></script><script type="module" src="${scriptAddress}"></script>`;
  const head = html.indexOf("</head>");
  return head >= 0 ? `${html.slice(0, head)}${tags}${html.slice(head)}` : `${html}${tags}`;
}

/** The page the preview shows instead of a page whose check failed: its problems, in the words the terminal prints. */
function problemsPage(file: string, problems: readonly string[], stylesheet?: string): string {
  return withPreviewScripts(`<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Not shown: ${escapeHtml(file)} has problems</title>
${stylesheet ? `<link rel="stylesheet" href="${escapeHtml(stylesheet)}">\n` : ""}</head>
<body>
<main id="main" class="container page-body">
<h1 class="page-title">This page is not shown until its problems are fixed</h1>
<p>The checks found ${problems.length === 1 ? "a problem" : "problems"} in <code>${escapeHtml(file)}</code>. The published site would refuse it too. Fix ${problems.length === 1 ? "it" : "them"} and save: the page comes back by itself.</p>
<ul id="nlc-preview-page-problems">
${problems.map((line) => `<li><code>${escapeHtml(line)}</code></li>`).join("\n")}
</ul>
</main>
</body>
</html>
`);
}

interface DevServer {
  /** Eleventy's dev server maps an address to a file in the output folder exactly as it will serve it. */
  mapUrlToFilePath?(url: string): { statusCode: number; filepath?: string };
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.statusCode = status;
  res.setHeader("Content-Type", type);
  res.setHeader("Cache-Control", "no-store");
  // A Buffer: the dev server adds its own (inline) live-reload script to HTML sent as text, never to this.
  res.end(Buffer.from(body));
}

/** Every response's headers: production's rules for the address, the site's policy wherever they set none. */
function previewHeaders(path: string, options: PreviewOptions): Array<[string, string]> {
  const rules = (pages: string[]) =>
    headerRules(pages, options.analyticsId, options.headerAreas, [], { noindex: options.noindex });
  const covered = headersForPath(rules([]), path).some(([name]) => name === "Content-Security-Policy");
  return headersForPath(rules(covered ? [] : [path]), path);
}

export interface PreviewOptions {
  /** The project folder. */
  root: string;
  /** The analytics ID, as the build's CSP has it. */
  analyticsId: string;
  /** Areas with headers of their own (the browser editor at /admin/), as the build's `_headers` has them. */
  headerAreas: readonly AreaRule[];
  /** A pull request's preview build (NLC_PREVIEW): every address says noindex, as its `_headers` does. */
  noindex?: boolean;
}

/** Removes from the preview's folder the pages and static files the last build no longer made. */
function removeLeftovers(outputDir: string, root: string, written: ReadonlySet<string>, incremental: boolean): void {
  const copies = plannedCopies(root);
  for (const path of listSiteFiles(outputDir)) {
    const page = path.endsWith(".html") && !incremental && !written.has(path) && !reservedBy(path);
    const copy = path.startsWith("/static/") && !copies.has(path);
    const file = join(outputDir, path);
    if ((page || copy) && insideOutput(outputDir, file)) rmSync(file, { force: true });
  }
}

export function previewPlugin(eleventyConfig: UserConfig, options: PreviewOptions): void {
  const script = new URL("../scripts/preview-problems.js", import.meta.url);
  const headers = (path: string) => previewHeaders(path, options);

  async function middleware(this: DevServer, req: IncomingMessage, res: ServerResponse, next: () => void) {
    const address = new URL(req.url ?? "/", "http://preview.invalid");
    let path = address.pathname;
    try {
      path = decodeURIComponent(path);
    } catch {
      // as written
    }
    for (const [name, value] of headers(path)) res.setHeader(name, value);
    if (address.pathname === problemsAddress) return send(res, 200, "application/json", JSON.stringify(previewPanel()));
    if (address.pathname === scriptAddress) return send(res, 200, "text/javascript", readFileSync(script));
    const outputDir = state.outputDir;
    if (!outputDir || typeof this.mapUrlToFilePath !== "function") return next();
    let match: { statusCode: number; filepath?: string };
    try {
      match = this.mapUrlToFilePath(req.url ?? "/");
    } catch {
      return send(res, 400, "text/plain; charset=utf-8", "Not an address of this site.");
    }
    if (match.statusCode === 200 && match.filepath) {
      const sitePath = `/${relative(outputDir, resolve(match.filepath)).split(sep).join("/")}`;
      const refused = refusedFor(sitePath);
      if (refused && sitePath.endsWith(".html"))
        return send(
          res,
          200,
          "text/html; charset=utf-8",
          problemsPage(refused.file, refused.problems, state.stylesheet),
        );
      if (refused)
        return send(
          res,
          404,
          "text/plain; charset=utf-8",
          `Not shown: ${refused.file} has problems.\n${refused.problems.join("\n")}\n`,
        );
      if (sitePath.endsWith(".html"))
        return send(res, 200, "text/html; charset=utf-8", withPreviewScripts(readFileSync(match.filepath, "utf8")));
      return next();
    }
    const notFound = join(outputDir, "404.html");
    if (match.statusCode === 404 && existsSync(notFound)) {
      const refused = refusedFor("/404.html");
      return send(
        res,
        404,
        "text/html; charset=utf-8",
        refused
          ? problemsPage(refused.file, refused.problems, state.stylesheet)
          : withPreviewScripts(readFileSync(notFound, "utf8")),
      );
    }
    return next();
  }

  eleventyConfig.setServerOptions({
    // A save reloads the page whole, through the checks above; patching it in place would skip them.
    domDiff: false,
    middleware: [middleware],
  });

  eleventyConfig.on(
    "eleventy.after",
    ({
      directories,
      outputMode,
      runMode,
      incremental,
      results,
    }: {
      directories?: { output?: string };
      outputMode?: string;
      runMode?: string;
      incremental?: boolean;
      results?: ReadonlyArray<{ inputPath?: unknown; outputPath?: unknown; url?: unknown }>;
    }) => {
      if ((runMode !== "serve" && runMode !== "watch") || outputMode !== "fs" || !directories?.output) return;
      const outputDir = resolve(directories.output);
      const written = new Set<string>();
      if (!incremental) state.pages = new Map();
      for (const result of results ?? []) {
        if (typeof result.outputPath !== "string") continue;
        const sitePath = `/${relative(outputDir, resolve(result.outputPath)).split(sep).join("/")}`;
        written.add(sitePath);
        if (sitePath.endsWith(".css") && sitePath.startsWith("/assets/")) state.stylesheet = sitePath;
        const source = relative(options.root, resolve(String(result.inputPath ?? "")))
          .split(sep)
          .join("/");
        if (sitePath.endsWith(".html") && source.startsWith("content/")) state.pages.set(sitePath, source);
      }
      state.outputDir = outputDir;
      removeLeftovers(outputDir, options.root, written, Boolean(incremental));
    },
  );
  // The preview rebuilds once a save has settled for 40 ms; Eleventy's default wait, 150 ms, was half of a one-page rebuild.
  eleventyConfig.setChokidarConfig({ awaitWriteFinish: { stabilityThreshold: 40, pollInterval: 10 } });
}
