// Throw-away copies of the project for the benchmark, and timed child processes to build them.
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { BenchFile } from "./pages.js";
import { compileStylesheet } from "../src/output/assets.js";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const benchDir = join(repoRoot, "bench");
/** Git-ignored scratch space: generated projects, usage reports, profiles, results. */
export const outDir = join(benchDir, ".out");

/** Top-level entries of the repository that a throw-away project does not share. */
const notShared = new Set([
  "content",
  "_site",
  ".preview",
  ".git",
  "bench",
  "tests",
  "docs",
  ".build",
  ".cache",
  "test-results",
  "screenshots",
]);

/**
 * A project folder at `dir` whose content is `files` (or a copy of the real
 * `content/`), sharing everything else with the repository by symlink:
 * layouts, src, static, `.eleventy.ts`, package.json, node_modules and
 * whatever else others add at the top level. Builds there never touch the
 * real `_site/` or `content/`.
 */
export function makeProject(dir: string, files: readonly BenchFile[] | "copy-real-content"): string {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const entry of readdirSync(repoRoot)) {
    if (notShared.has(entry) || entry.startsWith(".out") || entry.startsWith("._site") || entry.startsWith(".git"))
      continue;
    symlinkSync(join(repoRoot, entry), join(dir, entry));
  }
  // The configuration finds the project from its own file's folder, so it is copied, not linked.
  rmSync(join(dir, ".eleventy.ts"), { force: true });
  cpSync(join(repoRoot, ".eleventy.ts"), join(dir, ".eleventy.ts"));
  const content = join(dir, "content");
  if (files === "copy-real-content") {
    cpSync(join(repoRoot, "content"), content, { recursive: true });
  } else {
    for (const file of files) {
      const path = join(content, file.path);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, file.contents);
    }
    // The site's search page is its furniture: every layout links to it.
    cpSync(join(repoRoot, "content", "site", "search.md"), join(content, "search.md"));
  }
  return dir;
}

/**
 * Fills a project's stylesheet cache (`.cache/stylesheets/`, see src/output/assets.ts), as every
 * build after a project's first finds it, so no counted build pays for Sass by being the first.
 */
export function warmStylesheetCache(dir: string): string {
  compileStylesheet(join(dir, "src", "styles"), join(dir, ".cache", "stylesheets"));
  return dir;
}

export function packageScript(name: string): string {
  const script = (
    JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { scripts?: Record<string, string> }
  ).scripts?.[name];
  if (!script) throw new Error(`package.json has no "${name}" script`);
  return script;
}

/** The environment npm gives a script: the project's node_modules/.bin first on the PATH. */
export function scriptEnv(cwd: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PATH: `${join(cwd, "node_modules", ".bin")}:${process.env.PATH ?? ""}`,
    ...extra,
  };
  delete env.NLC_OUTPUT; // a stray value from the caller's shell must not redirect the build
  return env;
}

export interface Timed {
  /** From spawning the process to its exit: start-up included. */
  wallMs: number;
  /** Largest peak RSS of any Node process in the run, in MB (when usage was recorded). */
  peakRssMb: number | undefined;
  /** CPU time of all Node processes in the run. */
  cpuMs: number | undefined;
  code: number | null;
  stdout: string;
  stderr: string;
}

let usageRuns = 0;

/**
 * Runs `command` through `sh -c` (as npm runs a script) and times it. With
 * `usage`, every Node process in it reports its peak memory on exit (see
 * report-usage.mjs).
 */
export function timed(
  command: string,
  cwd: string,
  options: { env?: Record<string, string>; usage?: boolean; nodeOptions?: string[] } = {},
): Promise<Timed> {
  const nodeOptions = [...(options.nodeOptions ?? [])];
  let usageDir: string | undefined;
  if (options.usage) {
    usageDir = join(outDir, "usage", String((usageRuns += 1)));
    rmSync(usageDir, { recursive: true, force: true });
    mkdirSync(usageDir, { recursive: true });
    nodeOptions.push(`--import=${pathToFileURL(join(benchDir, "report-usage.mjs")).href}`);
  }
  const extra: Record<string, string> = { ...options.env };
  if (usageDir) extra.BENCH_USAGE_DIR = usageDir;
  if (nodeOptions.length) extra.NODE_OPTIONS = [process.env.NODE_OPTIONS ?? "", ...nodeOptions].join(" ").trim();
  const env = scriptEnv(cwd, extra);
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const child = spawn("sh", ["-c", command], { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      const wallMs = performance.now() - started;
      let peakRssMb: number | undefined;
      let cpuMs: number | undefined;
      if (usageDir && existsSync(usageDir)) {
        for (const file of readdirSync(usageDir)) {
          const usage = JSON.parse(readFileSync(join(usageDir, file), "utf8")) as {
            maxRssKb: number;
            userMs: number;
            systemMs: number;
          };
          peakRssMb = Math.max(peakRssMb ?? 0, usage.maxRssKb / 1024);
          cpuMs = (cpuMs ?? 0) + usage.userMs + usage.systemMs;
        }
        rmSync(usageDir, { recursive: true, force: true });
      }
      resolvePromise({ wallMs, peakRssMb, cpuMs, code, stdout, stderr });
    });
  });
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}
