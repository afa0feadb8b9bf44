import { existsSync } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import Eleventy from "@11ty/eleventy";
import {
  besideOutput,
  markBuild,
  outputFolderProblem,
  restoreInterruptedSwap,
  swapInto,
  takeLock,
} from "./build/output-folder.js";
import { countErrors, error, warning, type Problem } from "./checks/problems.js";
import {
  checkRendered,
  checkRenderedInDepth,
  checkSources,
  renderedPages,
  type EleventyOutput,
} from "./checks/run-checks.js";
import { listSiteFiles } from "./checks/link-check.js";
import { buildSearchIndex } from "./output/search-index.js";
import { fontSiteFiles } from "./output/fonts.js";

export interface BuildOptions {
  /** Project folder holding `.eleventy.ts`, `content/` and `layouts/`. */
  root?: string;
  /** Where the finished site goes. Only replaced when the whole build succeeded. */
  output?: string;
  /** Eleventy's run mode: "build" leaves out drafts. */
  runMode?: "build" | "serve" | "watch";
  /** Warnings fail the build too. */
  strict?: boolean;
  /** Also check HTML validity and page weight (slower; `npm run check` does, and CI runs it before the build). Default: when not writing. */
  inDepth?: boolean;
}

export interface BuildResult {
  ok: boolean;
  /** Every problem found, errors and warnings, for editors. */
  problems: Problem[];
  /** HTML pages written. */
  pages: number;
  /** Whether the output folder was changed (only a successful build, or putting back an interrupted one, changes it). */
  changed: boolean;
}

/** Eleventy's errors wrap the one an editor can act on; show that one's words, never a stack. */
export function describeBuildError(caught: unknown): string {
  const seen = new Set<unknown>();
  const lines: string[] = [];
  let current: unknown = caught;
  while (current && typeof current === "object" && !seen.has(current)) {
    seen.add(current);
    const message = String((current as { message?: unknown }).message ?? "").trim();
    if (message && !lines.some((line) => line.includes(message))) lines.push(message);
    current =
      (current as { originalError?: unknown; cause?: unknown }).originalError ?? (current as { cause?: unknown }).cause;
  }
  return lines.join(": ") || String(caught);
}

/** The file an Eleventy error names, if any ("./content/x.md"), so the message can start with it. */
function fileNamedIn(message: string): string {
  return (
    /\.\/(content\/[^\s`'")]+\.(?:md|njk|json))/.exec(message)?.[1] ??
    /(layouts\/[^\s`'")]+\.njk)/.exec(message)?.[1] ??
    "content"
  );
}

/** Renders the site with Eleventy: into `output` (write), or in memory when `output` is undefined. */
export async function renderSite(
  root: string,
  output: string | undefined,
  runMode: BuildOptions["runMode"] = "build",
): Promise<EleventyOutput[]> {
  const cwd = process.cwd();
  process.chdir(root);
  try {
    const eleventy = new Eleventy("content", output ?? join(root, "_site"), {
      configPath: ".eleventy.ts",
      quietMode: true,
      runMode,
    });
    if (output === undefined) return (await eleventy.toJSON()) as EleventyOutput[];
    const written = (await eleventy.write()) as unknown[];
    return (written[1] ?? []) as EleventyOutput[];
  } finally {
    process.chdir(cwd);
  }
}

/**
 * Site paths of every built file, for the link check: the written folder's
 * names, or, for a site rendered in memory, what Eleventy would write plus
 * the static files. The pages' HTML comes from Eleventy's results (final,
 * after every transform), so nothing is read back from disk.
 */
export function builtFiles(
  root: string,
  results: readonly EleventyOutput[],
  output: string,
  written: boolean,
): Set<string> {
  const files = new Set<string>();
  if (written) return listSiteFiles(output, "/", files);
  const base = resolve(root, output);
  for (const result of results) if (result.outputPath) files.add(resolve(root, result.outputPath).slice(base.length));
  listSiteFiles(join(root, "static", "root"), "/", files);
  for (const font of fontSiteFiles().keys()) files.add(font);
  return listSiteFiles(join(root, "static"), "/static/", files);
}

/**
 * Checks the content, then renders it and checks the pages. With `output`,
 * the site is built into a staging folder beside it and swapped in only when
 * every step passed, so a failed build leaves the last good site exactly as
 * it was. Without, nothing is written (`npm run check`).
 */
export async function buildSite(options: BuildOptions & { write?: boolean } = {}): Promise<BuildResult> {
  const root = resolve(options.root ?? ".");
  const write = options.write ?? true;
  const output = resolve(root, options.output ?? "_site");
  if (write) {
    const problem = outputFolderProblem(root, output, options.output ?? "_site");
    if (problem) return { ok: false, changed: false, problems: [error("NLC_OUTPUT", 1, 1, problem)], pages: 0 };
  }
  const { problems, sources } = checkSources(root);
  if (problems.some((problem) => problem.blocksRender && problem.severity === "error"))
    return { ok: false, changed: false, problems, pages: 0 };
  if (!write) return renderAndCheck(root, undefined, output, problems, sources, options);

  const lock = takeLock(output);
  if ("problem" in lock)
    return { ok: false, changed: false, problems: [...problems, error("NLC_OUTPUT", 1, 1, lock.problem)], pages: 0 };
  try {
    const restored = await restoreInterruptedSwap(output);
    if (restored)
      problems.push(
        warning(
          "NLC_OUTPUT",
          1,
          1,
          `the last good site was found beside ${output} after an interrupted build, and was put back first`,
        ),
      );
    // A sibling of the output, so the final rename stays on one file system.
    const { staging } = besideOutput(output);
    await rm(staging, { recursive: true, force: true });
    await mkdir(dirname(staging), { recursive: true });
    const result = await renderAndCheck(root, staging, output, problems, sources, options);
    if (!result.ok) {
      await rm(staging, { recursive: true, force: true });
      return { ...result, changed: restored };
    }
    markBuild(staging);
    const swapped = await swapInto(staging, output);
    if (swapped.leftover) {
      problems.push(
        warning(
          "NLC_OUTPUT",
          1,
          1,
          `the new site is in ${output}, but the old one could not be deleted from ${swapped.leftover}: delete that folder`,
        ),
      );
    }
    return { ...result, problems, changed: true };
  } catch (caught) {
    await rm(besideOutput(output).staging, { recursive: true, force: true });
    const message = describeBuildError(caught);
    problems.push(error(fileNamedIn(message), 1, 1, `the site could not be built: ${message}`));
    return { ok: false, changed: !existsSync(output), problems, pages: 0 };
  } finally {
    lock.release();
  }
}

/** Renders into `staging` (or in memory), indexes for search, and runs the checks on the pages. Writes nothing else. */
async function renderAndCheck(
  root: string,
  staging: string | undefined,
  output: string,
  problems: Problem[],
  sources: Map<string, string>,
  options: BuildOptions,
): Promise<BuildResult> {
  const strict = options.strict ?? false;
  try {
    const results = await renderSite(root, staging, options.runMode);
    const pages = renderedPages(root, staging ?? output, results);
    const files = builtFiles(root, results, staging ?? output, staging !== undefined);
    // Pagefind reads the finished pages in a process of its own, so it indexes while the checks run here.
    const indexing = staging
      ? buildSearchIndex(staging).then(
          () => undefined,
          (caught: unknown) => caught,
        )
      : Promise.resolve(undefined);
    problems.push(...checkRendered(root, pages, files, sources));
    if (options.inDepth ?? staging === undefined)
      problems.push(...(await checkRenderedInDepth(root, pages, results, staging ?? output, sources)));
    const indexError = await indexing;
    if (indexError) throw indexError;
    return { ok: countErrors(problems, strict) === 0, changed: false, problems, pages: pages.length };
  } catch (caught) {
    const message = describeBuildError(caught);
    problems.push(error(fileNamedIn(message), 1, 1, `the site could not be built: ${message}`));
    return { ok: false, changed: false, problems, pages: 0 };
  }
}
