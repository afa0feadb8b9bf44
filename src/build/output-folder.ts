import { existsSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { basename, dirname, join, relative, resolve, sep } from "node:path";

/**
 * The folder a build writes (`NLC_OUTPUT`, `_site` by default) is replaced
 * as a whole, so it must be a folder that only ever held a build: never the
 * project, a source folder, anything holding them, or someone's files. Each
 * build leaves a marker file to say "this folder is a build, replace it";
 * a lock keeps two builds out of one folder; and a swap cut short (the old
 * site moved aside, the new one not yet in) is put back before a build starts.
 */

/** Marks a folder as a finished build. A dotfile holding one harmless sentence, so publishing it does no harm. */
export const buildMarker = ".nlc-build";
const markerText = "This folder is a build of the NLC website (npm run build), which replaces it as a whole.\n";

/** Folders of the project that hold its sources or history. */
const sourceFolders = [
  "content",
  "layouts",
  "static",
  "src",
  "tests",
  "docs",
  "bench",
  ".git",
  ".github",
  ".ci",
  "node_modules",
];

/** The folders the build uses beside the output: staging, the previous site during a swap, and the lock. */
export function besideOutput(output: string): { staging: string; previous: string; lock: string } {
  const name = basename(output);
  const staging = join(dirname(output), `.${name}-staging`);
  return { staging, previous: `${staging}-previous`, lock: join(dirname(output), `.${name}.lock`) };
}

function isInside(parent: string, child: string): boolean {
  const path = relative(parent, child);
  return path === "" || (!path.startsWith(`..${sep}`) && path !== ".." && resolve(parent, path) === child);
}

/** A build from before markers existed: the files only a build writes. */
function looksLikeBuild(folder: string): boolean {
  return ["index.html", "_headers", "sitemap.xml"].every((file) => existsSync(join(folder, file)));
}

/**
 * The folder a path really names: symbolic links anywhere on the way
 * followed ("/proc/self/cwd/.git" is the project's .git), for the part that
 * exists; the rest, not yet made, added as written. Paths are compared only
 * in this form, so no spelling of a folder gets past the rules below.
 */
export function realFolder(path: string): string {
  const absolute = resolve(path);
  let existing = absolute;
  const rest: string[] = [];
  for (;;) {
    try {
      return join(realpathSync(existing), ...rest.reverse());
    } catch {
      const parent = dirname(existing);
      if (parent === existing) return absolute;
      rest.push(basename(existing));
      existing = parent;
    }
  }
}

/** Why `output` cannot be a build's folder, in words for whoever set NLC_OUTPUT, or undefined when it can. */
/** `shown`: the folder as the person wrote it, for the message. */
export function outputFolderProblem(root: string, output: string, shown = output): string | undefined {
  const project = realFolder(root);
  const folder = realFolder(resolve(root, output));
  if (isInside(folder, project))
    return `${shown} holds the project itself: the build replaces its output folder, so set NLC_OUTPUT to a new folder such as _site`;
  const source = sourceFolders.find((name) => isInside(join(project, name), folder));
  if (source)
    return `${shown} is inside the project's ${source}/ folder: the build replaces its output folder, so set NLC_OUTPUT to a folder of its own such as _site`;
  if (!existsSync(folder)) return undefined;
  if (!statSync(folder).isDirectory())
    return `${shown} is a file, not a folder: set NLC_OUTPUT to a folder such as _site`;
  if (readdirSync(folder).length === 0 || existsSync(join(folder, buildMarker)) || looksLikeBuild(folder))
    return undefined;
  return `${shown} already holds files that are not a build of this site, and a build would replace them: empty it, or set NLC_OUTPUT to a new folder`;
}

/** Writes the marker into a finished build. */
export function markBuild(folder: string): void {
  writeFileSync(join(folder, buildMarker), markerText);
}

function processRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (caught) {
    return (caught as { code?: string }).code === "EPERM";
  }
}

/**
 * Takes the output's lock (a file created only if it does not exist), or
 * returns why not. A lock left by a build that is no longer running is taken over.
 */
export function takeLock(output: string): { release: () => void } | { problem: string } {
  const { lock } = besideOutput(resolve(output));
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      writeFileSync(lock, `${process.pid}\n`, { flag: "wx" });
      return { release: () => rmSync(lock, { force: true }) };
    } catch (caught) {
      if ((caught as { code?: string }).code !== "EEXIST")
        return { problem: `could not lock ${output} for the build (${(caught as Error).message})` };
      const pid = Number.parseInt(readFileSync(lock, "utf8").trim(), 10);
      if (Number.isInteger(pid) && pid > 0 && processRunning(pid)) {
        return {
          problem: `another build (process ${pid}) is writing ${output} now: wait for it to finish, then build again`,
        };
      }
      rmSync(lock, { force: true });
    }
  }
  return { problem: `could not lock ${output} for the build: remove ${lock} if no build is running` };
}

/** A swap cut short leaves the last good site in the `-previous` folder and none at `output`: put it back. */
export async function restoreInterruptedSwap(output: string): Promise<boolean> {
  const { previous } = besideOutput(resolve(output));
  if (existsSync(output) || !existsSync(join(previous, buildMarker))) return false;
  await rename(previous, output);
  return true;
}

async function removeFolder(folder: string): Promise<void> {
  await rm(folder, { recursive: true, force: true });
}

export interface SwapResult {
  /** Set when the new site is in place but the old one could not be deleted. */
  leftover?: string;
}

/**
 * Swaps a finished build into place. The old site is moved aside first and
 * only deleted once the new one is in, so `output` is never half-written.
 */
export async function swapInto(
  staging: string,
  output: string,
  remove: (folder: string) => Promise<void> = removeFolder,
): Promise<SwapResult> {
  const { previous } = besideOutput(resolve(output));
  await remove(previous);
  if (existsSync(output)) await rename(output, previous);
  try {
    await rename(staging, output);
  } catch (caught) {
    if (existsSync(previous) && !existsSync(output)) await rename(previous, output);
    throw caught;
  }
  try {
    await remove(previous);
  } catch {
    return { leftover: previous };
  }
  return existsSync(previous) ? { leftover: previous } : {};
}
