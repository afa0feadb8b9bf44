import { existsSync } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import Eleventy from "@11ty/eleventy";

export interface BuildOptions {
  /** Project folder holding `.eleventy.ts`, `content/` and `layouts/`. */
  root?: string;
  /** Where the finished site goes. Only replaced when the whole build succeeded. */
  output?: string;
  /** Eleventy's run mode: "build" leaves out drafts. */
  runMode?: "build" | "serve" | "watch";
}

export interface BuildResult {
  ok: boolean;
  /** Plain-language problems, one a line, for editors. */
  messages: string[];
  pages: number;
}

/** Eleventy's errors wrap the one an editor can act on; show that one's words, never a stack. */
export function describeBuildError(error: unknown): string {
  const seen = new Set<unknown>();
  const lines: string[] = [];
  let current: unknown = error;
  while (current && typeof current === "object" && !seen.has(current)) {
    seen.add(current);
    const message = String((current as { message?: unknown }).message ?? "").trim();
    if (message && !lines.includes(message)) lines.push(message);
    current = (current as { originalError?: unknown; cause?: unknown }).originalError ?? (current as { cause?: unknown }).cause;
  }
  return lines.join("\n  ") || String(error);
}

/** Renders the site into `staging` with Eleventy. */
export async function renderSite(root: string, staging: string, runMode: BuildOptions["runMode"] = "build"): Promise<number> {
  const cwd = process.cwd();
  process.chdir(root);
  try {
    const eleventy = new Eleventy("content", staging, { configPath: ".eleventy.ts", quietMode: true, runMode });
    const written = (await eleventy.write()) as unknown;
    return Array.isArray(written) ? written.flat(3).filter((entry) => entry && typeof entry === "object" && "url" in entry).length : 0;
  } finally {
    process.chdir(cwd);
  }
}

/**
 * Swaps a finished build into place. The old site is moved aside first and
 * only deleted once the new one is in, so `output` is never half-written.
 */
export async function swapInto(staging: string, output: string): Promise<void> {
  const previous = `${staging}-previous`;
  await rm(previous, { recursive: true, force: true });
  if (existsSync(output)) await rename(output, previous);
  await rename(staging, output);
  await rm(previous, { recursive: true, force: true });
}

/**
 * Builds the site somewhere else and swaps it in only when every step
 * passed: a failed build leaves the last good site exactly as it was.
 */
export async function buildSite(options: BuildOptions = {}): Promise<BuildResult> {
  const root = resolve(options.root ?? ".");
  const output = resolve(root, options.output ?? "_site");
  // A sibling of the output, so the final rename stays on one file system.
  const staging = join(dirname(output), `.${output.split("/").pop()}-staging`);
  await rm(staging, { recursive: true, force: true });
  await mkdir(dirname(staging), { recursive: true });
  try {
    const pages = await renderSite(root, staging, options.runMode);
    await swapInto(staging, output);
    return { ok: true, messages: [], pages };
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    return { ok: false, messages: [`The site could not be built:\n  ${describeBuildError(error)}`], pages: 0 };
  }
}
