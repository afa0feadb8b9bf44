import { join, relative, resolve, sep } from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { countErrors, EditorError, formatProblem, sortProblems, summarise, type Problem } from "../core/problems.js";
import { listSiteFiles } from "./link-check.js";
import { PageChecks } from "./page-checks.js";
import { blocksRender, checkSources, type SourceCheck } from "./source-checks.js";

/**
 * Every content check, as one Eleventy plugin, so `npm run build`, `npm run
 * check` and `npm start` run exactly the same ones:
 * - before Eleventy renders anything, the source checks (files, front
 *   matter, the editors' HTML, clashes); a problem that makes the site
 *   impossible to render stops the run here;
 * - as each page is written, one pass over its final HTML for every page
 *   rule, keeping only what the site-wide checks need (ids, links, weight);
 * - once everything else is written, the site-wide checks (links, weight).
 * The full report goes to whoever listens for `reportEvent` (the build step,
 * src/build/build.ts); with no listener (Eleventy's own command line), errors
 * stop the run with the report as its message.
 *
 * Register it last, with the event mode "sequential", so its last step runs
 * after every other plugin's has finished.
 */

export const reportEvent = "nlc:checks-report";

export interface ChecksReport {
  /** Every problem, errors and warnings. */
  problems: Problem[];
  /** HTML pages checked. */
  pages: number;
}

export interface ChecksOptions {
  /** The project folder, holding content/, layouts/ and static/. */
  root: string;
  /** Today, YYYY-MM-DD, for scheduled posts. */
  today: string;
  /** Addresses that must keep answering, as a page or a redirect (the 2020 site's). */
  keptAddresses?: readonly string[];
  /** Files the site serves besides Eleventy's (static/, icons), as site paths: for the link check when nothing is written. */
  plannedFiles?: () => Map<string, string>;
  /** Called with each report in the preview (npm start), which keeps running. */
  onPreviewReport?: (report: ChecksReport) => void;
}

interface BuildEvent {
  directories?: { output?: string };
  outputMode?: string;
  runMode?: string;
  incremental?: boolean;
  results?: ReadonlyArray<{ inputPath?: unknown; outputPath?: unknown; url?: unknown; content?: unknown }>;
}

function hasListener(eleventyConfig: UserConfig): boolean {
  const events = (eleventyConfig as unknown as { events?: { listenerCount?(name: string): number } }).events;
  return (events?.listenerCount?.(reportEvent) ?? 0) > 0;
}

export function checksPlugin(eleventyConfig: UserConfig, options: ChecksOptions): void {
  const root = resolve(options.root);
  // What the source checks found; the files themselves go to the page checks' thread and are not kept here.
  let sources: Pick<SourceCheck, "problems"> | undefined;
  const pageChecks = new PageChecks();
  let outputDir = join(root, "_site");

  const report = async (problems: Problem[], pages: number, runMode: string | undefined) => {
    const result: ChecksReport = { problems: sortProblems(problems), pages };
    if (runMode === "serve" || runMode === "watch") options.onPreviewReport?.(result);
    if (hasListener(eleventyConfig)) await eleventyConfig.emit(reportEvent, result);
    return result;
  };

  eleventyConfig.on("eleventy.before", async ({ directories, runMode, incremental }: BuildEvent) => {
    outputDir = resolve(directories?.output ?? outputDir);
    const checked = await checkSources(root, { today: options.today, keptAddresses: options.keptAddresses });
    sources = { problems: checked.problems };
    // The preview rebuilds changed pages only: the thread keeps what it knows of the others.
    pageChecks.start(root, checked.sources, Boolean(incremental), checked.told);
    if (blocksRender(sources.problems)) {
      const { problems } = await report(sources.problems, 0, runMode);
      throw new EditorError(
        runMode === "serve" || runMode === "watch"
          ? "The preview was not updated. Fix these, then save again:"
          : "The site was not built. Fix these, then try again:",
        problems,
      );
    }
  });

  eleventyConfig.addTransform("nlc:checks", function (content) {
    const outputPath = this.page.outputPath;
    if (sources && typeof outputPath === "string" && outputPath.endsWith(".html")) {
      const path = `/${relative(outputDir, resolve(outputPath)).split(sep).join("/")}`;
      const file = relative(root, resolve(this.page.inputPath ?? ""))
        .split(sep)
        .join("/");
      pageChecks.check({ path, file, html: content });
    }
    return content;
  });

  eleventyConfig.on("eleventy.after", async ({ outputMode, runMode, results }: BuildEvent) => {
    if (!sources) return;
    const preview = runMode === "serve" || runMode === "watch";
    const written = outputMode === "fs";
    const built = new Map<string, string>();
    for (const result of results ?? []) {
      if (typeof result.outputPath !== "string" || result.outputPath.endsWith(".html")) continue;
      built.set(
        `/${relative(outputDir, resolve(result.outputPath)).split(sep).join("/")}`,
        String(result.content ?? ""),
      );
    }
    const rendered = (results ?? []).flatMap((result) =>
      typeof result.outputPath === "string"
        ? [`/${relative(outputDir, resolve(result.outputPath)).split(sep).join("/")}`]
        : [],
    );
    const planned = written ? new Map<string, string>() : (options.plannedFiles?.() ?? new Map<string, string>());
    const files = written ? listSiteFiles(outputDir) : new Set([...rendered, ...planned.keys()]);
    let problems: Problem[];
    try {
      problems = [
        ...sources.problems,
        ...(await pageChecks.finish(files, written ? outputDir : undefined, built, planned)),
      ];
    } finally {
      if (!preview) await pageChecks.close();
    }
    const pages = [...files].filter((file) => file.endsWith(".html") && !file.startsWith("/admin/")).length;
    await report(problems, pages, runMode);
    if (countErrors(problems) > 0 && !hasListener(eleventyConfig) && !preview) {
      throw new EditorError("The site was not built. Fix these, then try again:", problems);
    }
    if (preview && problems.length > 0) {
      console.warn(`Content checks:\n${problems.map(formatProblem).join("\n")}\n${summarise(problems)}`);
    }
  });
}
