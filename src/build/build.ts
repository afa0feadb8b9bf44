import { existsSync } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import Eleventy from "@11ty/eleventy";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { reportEvent, type ChecksReport } from "../checks/plugin.js";
import { countErrors, error, warning, type Problem } from "../core/problems.js";
import { readSettings } from "../core/settings.js";
import {
  besideOutput,
  markBuild,
  outputFolderProblem,
  realFolder,
  restoreInterruptedSwap,
  swapInto,
  takeLock,
} from "./output-folder.js";
import { SearchIndexer } from "./search-index.js";

/**
 * The one step around Eleventy. Eleventy, with the plugins `.eleventy.ts`
 * adds, is the whole pipeline, checks included; what must happen outside it
 * happens here: the lock on the output folder, the staging folder beside it,
 * the search index over the finished pages, and the swap that puts a new
 * site in place only when every step passed.
 */

export interface BuildOptions {
  /** Project folder holding `.eleventy.ts`, `content/` and `layouts/`. */
  root?: string;
  /** Where the finished site goes. Only replaced when the whole build succeeded. */
  output?: string;
  /** Write the site (build), or only render it in memory and check it (`npm run check`). Default: write. */
  write?: boolean;
  /** Warnings fail the build too. */
  strict?: boolean;
  /** Eleventy's run mode: "build" (the default) leaves out drafts and scheduled posts, as the published site does. */
  runMode?: "build" | "serve" | "watch";
  /** The environment the settings come from. Default: this process's. */
  env?: NodeJS.ProcessEnv;
}

export interface BuildResult {
  ok: boolean;
  /** Every problem found, errors and warnings, for editors. */
  problems: Problem[];
  /** HTML pages built. */
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
    /(content\/[^\s`'")]+\.(?:md|njk|json))/.exec(message)?.[1] ??
    /(layouts\/[^\s`'")]+\.njk)/.exec(message)?.[1] ??
    "content"
  );
}

interface EleventyRun {
  problems: Problem[];
  pages: number;
  /**
   * Whether everything Eleventy started has finished. A run the checks
   * stopped has: they stop it before rendering starts, or after every
   * other step. An unexpected failure mid-render may leave pages still
   * being written, so its folder is left for the next build to clear.
   */
  settled: boolean;
}

/** Builds run in this process so far: Eleventy's in-memory caches are only safe for the first. */
let runsInThisProcess = 0;

/**
 * Eleventy with the project's own configuration, set up as the build runs
 * it: its own messages off (the checks report every problem), the checks'
 * report kept, and, given `search`, the search index started as soon as the
 * last page is written.
 */
export function projectEleventy(
  root: string,
  output: string | undefined,
  runMode: BuildOptions["runMode"] = "build",
  search?: SearchIndexer,
): { eleventy: Eleventy; report: () => ChecksReport | undefined } {
  let report: ChecksReport | undefined;
  // Relative to the working folder, as Eleventy matches folder data files by relative paths.
  const eleventy = new Eleventy(relative(".", join(root, "content")), output ?? join(root, "_site"), {
    configPath: join(root, ".eleventy.ts"),
    quietMode: true,
    runMode,
    config(eleventyConfig: UserConfig) {
      // Eleventy keeps the files it has read and the templates it has compiled in memory, for every run in the
      // process (its watch mode clears what changed). A process's first build (npm run build) has nothing stale
      // and keeps them; a later build in the same process (the tests) reads and compiles everything afresh.
      if (runsInThisProcess > 0) eleventyConfig.setUseTemplateCache(false);
      runsInThisProcess += 1;
      eleventyConfig.on(reportEvent, (received: ChecksReport) => {
        report = received;
      });
      // Added before the project's own plugins, so it starts first once every page is written.
      if (search && output !== undefined) eleventyConfig.on("eleventy.after", () => search.start(output));
    },
  });
  eleventy.disableLogger();
  return { eleventy, report: () => report };
}

/**
 * Eleventy notes how long a slow plugin took ("[11ty] Benchmark …") even in
 * quiet mode; they are for developers profiling a build, not for an editor
 * reading what a build said, so the build leaves them out of its own run.
 */
function withoutTimingNotes(): () => void {
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (typeof args[0] === "string" && /^\S*\[11ty\]\S* \S*Benchmark /.test(args[0])) return;
    warn(...args);
  };
  return () => {
    console.warn = warn;
  };
}

/** Runs Eleventy with the project's own configuration: into `output`, or in memory when `output` is undefined. */
export async function runEleventy(
  root: string,
  output: string | undefined,
  runMode: BuildOptions["runMode"] = "build",
  search?: SearchIndexer,
): Promise<EleventyRun> {
  const { eleventy, report } = projectEleventy(root, output, runMode, search);
  const restoreWarnings = withoutTimingNotes();
  try {
    await (output === undefined ? eleventy.toJSON() : eleventy.write());
  } catch (caught) {
    const received = report();
    if (received) return { problems: received.problems, pages: received.pages, settled: true };
    const message = describeBuildError(caught);
    return {
      problems: [error(fileNamedIn(message), 1, 1, `the site could not be built: ${message}`)],
      pages: 0,
      settled: false,
    };
  } finally {
    restoreWarnings();
  }
  const received = report();
  if (!received) {
    return {
      problems: [
        error(".eleventy.ts", 1, 1, "the build ran without the content checks: add checksPlugin to .eleventy.ts"),
      ],
      pages: 0,
      settled: true,
    };
  }
  return { problems: received.problems, pages: received.pages, settled: true };
}

/**
 * Checks and renders the site. With `write` (the default), it is built into
 * a staging folder beside the output, indexed for search, and swapped in
 * only when every step passed, so a failed build leaves the last good site
 * exactly as it was. Without, nothing is written (`npm run check`).
 */
export async function buildSite(options: BuildOptions = {}): Promise<BuildResult> {
  const root = resolve(options.root ?? ".");
  const env = options.env ?? process.env;
  const strict = options.strict ?? false;
  const { settings, problems: settingProblems } = readSettings(env);
  if (settingProblems.length > 0) {
    return {
      ok: false,
      changed: false,
      pages: 0,
      problems: settingProblems.map((line) => error(line.slice(0, line.indexOf(" ")), 1, 1, line)),
    };
  }
  const verdict = (problems: Problem[]) => countErrors(problems, strict) === 0;

  if (options.write === false) {
    const run = await runEleventy(root, undefined, options.runMode);
    return { ok: verdict(run.problems), changed: false, problems: run.problems, pages: run.pages };
  }

  const shown = options.output ?? settings.output;
  // Every step works on the folder the path really names, the one the safety rules judged.
  const output = realFolder(resolve(root, shown));
  const unusable = outputFolderProblem(root, output, shown);
  if (unusable) return { ok: false, changed: false, problems: [error("NLC_OUTPUT", 1, 1, unusable)], pages: 0 };

  const lock = takeLock(output);
  if ("problem" in lock)
    return { ok: false, changed: false, problems: [error("NLC_OUTPUT", 1, 1, lock.problem)], pages: 0 };
  const problems: Problem[] = [];
  try {
    const restored = await restoreInterruptedSwap(output);
    if (restored) {
      problems.push(
        warning(
          "NLC_OUTPUT",
          1,
          1,
          `the last good site was found beside ${output} after an interrupted build, and was put back first`,
        ),
      );
    }
    // A sibling of the output, so the final rename stays on one file system. A folder a build left is cleared first.
    const { staging } = besideOutput(output);
    await rm(staging, { recursive: true, force: true });
    await mkdir(dirname(staging), { recursive: true });

    const search = new SearchIndexer();
    let pages = 0;
    try {
      const run = await runEleventy(root, staging, options.runMode, search);
      pages = run.pages;
      problems.push(...run.problems);
      if (!run.settled) {
        await search.settled();
        return { ok: false, changed: restored, problems, pages: 0 };
      }
      if (!verdict(problems)) {
        // Pagefind may be indexing the folder: it must stop before the folder goes.
        await search.settled();
        await rm(staging, { recursive: true, force: true });
        return { ok: false, changed: restored, problems, pages: run.pages };
      }
      try {
        await search.writeInto(staging);
      } catch (caught) {
        await rm(staging, { recursive: true, force: true });
        problems.push(error("content", 1, 1, `the site could not be built: ${describeBuildError(caught)}`));
        return { ok: false, changed: restored, problems, pages: 0 };
      }
    } finally {
      await search.settled();
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
    return { ok: true, changed: true, problems, pages };
  } catch (caught) {
    problems.push(error("NLC_OUTPUT", 1, 1, `the site could not be put in place: ${describeBuildError(caught)}`));
    return { ok: false, changed: !existsSync(output), problems, pages: 0 };
  } finally {
    lock.release();
  }
}
