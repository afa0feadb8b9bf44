// A throwaway copy of the project with a good site already built, for the tests that attack it as an
// editor's account could (tests/build/untrusted-*.test.ts). Each attack goes through the check
// (npm run check) and the build (npm run build); nothing may run, be read from the machine, be written
// outside the site, or change content/ or the last good site.
import { execFile } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, expect } from "vitest";
import { buildSite, type BuildResult } from "../../src/build/build.js";
import { formatProblem } from "../../src/core/problems.js";
import { snapshot } from "./folder-snapshot.js";
import { fixtureProject, type FixtureProject } from "./fixture-project.js";

const run = promisify(execFile);

export const goodFields = "metadesc: A page made by a test, to check what the build does with an attack in it.";
/** The throwaway project (set up by `useAttackSite`). */
export let project: FixtureProject;
/** Where an attack that ran would leave its mark: the fixture's parent folder, outside the site. */
export let marker: string;
/** The built site as it was after the last good build. */
export let lastGoodSite: Record<string, string>;
let projectFiles: Record<string, string>;

/** Sets up the project and its good site before the file's tests, and removes them after. */
export function useAttackSite(): void {
  beforeAll(async () => {
    project = fixtureProject();
    marker = `${project.root}-ran`;
    const good = await buildSite({ root: project.root, output: "_site" });
    expect(good.problems.map(formatProblem)).toEqual([]);
    lastGoodSite = snapshot(join(project.root, "_site"));
    projectFiles = outsideSite();
  }, 120_000);
  afterAll(() => {
    rmSync(marker, { force: true });
    project.remove();
  });
}

/** After an attack that was published: builds the good site again and remembers it. */
export async function rememberGoodSite(): Promise<void> {
  await attack({});
  lastGoodSite = snapshot(join(project.root, "_site"));
}

/** Runs a command in the fixture; its exit code and everything it printed. */
export async function command(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; output: string }> {
  return run(process.execPath, args, { cwd: project.root, env: { ...process.env, ...env } }).then(
    (done) => ({ code: 0, output: `${done.stdout}${done.stderr}` }),
    (caught: { code: number; stdout: string; stderr: string }) => ({
      code: caught.code,
      output: `${caught.stdout}${caught.stderr}`,
    }),
  );
}

/** JavaScript that, if it ran, would write the marker file. */
export const writeMarker = () => `process.getBuiltinModule("fs").writeFileSync(${JSON.stringify(marker)}, "ran")`;

export interface Outcome {
  check: BuildResult;
  build: BuildResult;
  lines: string[];
}

/** Writes the attack's files, runs the check and the build, then removes them again. */
export async function attack(files: Record<string, string>, setup?: () => void): Promise<Outcome> {
  for (const [path, text] of Object.entries(files)) project.write(path, text);
  setup?.();
  const contentBefore = snapshot(join(project.root, "content"));
  try {
    const check = await buildSite({ root: project.root, write: false });
    const build = await buildSite({ root: project.root, output: "_site" });
    expect(existsSync(marker), "the attack's code ran").toBe(false);
    expect(snapshot(join(project.root, "content")), "content/ changed").toEqual(contentBefore);
    const lines = [...check.problems, ...build.problems].map(formatProblem);
    for (const line of lines) expect(line, "a stack trace in a message").not.toMatch(/\n\s+at |\.ts:\d+:\d+\)/);
    return { check, build, lines };
  } finally {
    for (const path of Object.keys(files)) rmSync(join(project.root, path), { recursive: true, force: true });
  }
}

/** The attack was refused by both, with a message naming `file`, and the last good site is as it was. */
export function expectRefused(outcome: Outcome, file: string, message: RegExp): void {
  expect(outcome.check.ok).toBe(false);
  expect(outcome.build.ok).toBe(false);
  expect(outcome.build.changed).toBe(false);
  const named = outcome.lines.filter((line) => line.startsWith(`${file}:`));
  expect(named.join("\n")).toMatch(message);
  expect(snapshot(join(project.root, "_site"))).toEqual(lastGoodSite);
  expect(outsideSite(), "a file written outside the site").toEqual(projectFiles);
}

/** The project's files other than the built site and the build's own caches (`.cache/`, named by hash). */
export function outsideSite(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(snapshot(project.root)).filter(
      ([path]) => !path.startsWith("_site/") && !path.startsWith(".cache/"),
    ),
  );
}
