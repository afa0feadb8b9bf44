// The build's output folder: no data lost whatever NLC_OUTPUT says, one build at a time, an interrupted swap put back,
// a search index cut short never published, and no page written outside the folder.
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { buildSite, runEleventy } from "../../src/build/build.js";
import { trustPlugin } from "../../src/content/trust-plugin.js";
import {
  besideOutput,
  buildMarker,
  outputFolderProblem,
  realFolder,
  swapInto,
  takeLock,
} from "../../src/build/output-folder.js";
import { formatProblem } from "../../src/core/problems.js";
import { verifySearchIndex } from "../../src/build/search-index.js";
import { snapshot } from "../support/folder-snapshot.js";
import { fixtureProject, page, type FixtureProject } from "../support/fixture-project.js";

describe("the build's output folder", () => {
  let project: FixtureProject;
  beforeAll(() => {
    project = fixtureProject();
  });
  /** A folder beside the fixture, removed with it. */
  const siblings: string[] = [];
  const sibling = (suffix: string) => {
    const path = `${project.root}-${suffix}`;
    siblings.push(path);
    return path;
  };
  afterAll(() => {
    for (const path of siblings) rmSync(path, { recursive: true, force: true });
    project.remove();
  });

  it.each([".", "content", "layouts", "static", "src", "content/built", ".git", ".."])(
    "refuses NLC_OUTPUT=%s and deletes nothing",
    async (output) => {
      mkdirSync(join(project.root, ".git"), { recursive: true });
      writeFileSync(join(project.root, ".git", "config"), "[core]\n");
      const before = snapshot(project.root);
      const result = await buildSite({ root: project.root, output });
      expect(result.ok).toBe(false);
      expect(result.changed).toBe(false);
      expect(result.problems.map(formatProblem)).toEqual([
        expect.stringMatching(/^NLC_OUTPUT:1:1: error: .*(holds the project|inside the project's).*set NLC_OUTPUT to/),
      ]);
      expect(snapshot(project.root)).toEqual(before);
    },
  );

  it("judges the folder a path really names: a link into the project is the project", () => {
    const link = sibling("link");
    symlinkSync(project.root, link, "dir");
    mkdirSync(join(project.root, ".git", "refs", "tags"), { recursive: true });
    mkdirSync(join(project.root, "static", "img"), { recursive: true });
    writeFileSync(join(project.root, "static", "img", buildMarker), "");
    try {
      expect(realFolder(join(link, ".git", "refs", "tags"))).toBe(
        join(realFolder(project.root), ".git", "refs", "tags"),
      );
      expect(realFolder(join(link, "not", "made", "yet"))).toBe(join(realFolder(project.root), "not", "made", "yet"));
      expect(outputFolderProblem(project.root, join(link, ".git", "refs", "tags"))).toMatch(
        /inside the project's \.git\/ folder/,
      );
      // A build's marker committed into a source folder does not make it a build's folder.
      expect(outputFolderProblem(project.root, join(link, "static", "img"))).toMatch(
        /inside the project's static\/ folder/,
      );
      expect(outputFolderProblem(project.root, link)).toMatch(/holds the project itself/);
      expect(outputFolderProblem(link, join(project.root, "content"))).toMatch(/inside the project's content\/ folder/);
    } finally {
      rmSync(join(project.root, "static", "img", buildMarker), { force: true });
    }
  });

  it("refuses a folder of someone's files, and accepts an empty or missing one", () => {
    const folder = sibling("notes");
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, "notes.txt"), "mine");
    expect(outputFolderProblem(project.root, folder)).toMatch(/already holds files that are not a build of this site/);
    writeFileSync(join(folder, buildMarker), "");
    expect(outputFolderProblem(project.root, folder)).toBeUndefined();
    expect(outputFolderProblem(project.root, join(folder, "new"))).toBeUndefined();
  });

  it("marks each build, stops a second build while one holds the lock, and takes over a stale lock", async () => {
    const first = await buildSite({ root: project.root, output: "_site" });
    expect(first.problems.map(formatProblem)).toEqual([]);
    expect(first.changed).toBe(true);
    expect(existsSync(join(project.root, "_site", buildMarker))).toBe(true);
    const site = snapshot(join(project.root, "_site"));

    const held = takeLock(join(project.root, "_site"));
    expect("release" in held).toBe(true);
    const second = await buildSite({ root: project.root, output: "_site" });
    expect(second.ok).toBe(false);
    expect(second.changed).toBe(false);
    expect(second.problems.map(formatProblem)).toContain(
      `NLC_OUTPUT:1:1: error: another build (process ${process.pid}) is writing ${join(project.root, "_site")} now: wait for it to finish, then build again`,
    );
    expect(snapshot(join(project.root, "_site"))).toEqual(site);
    if ("release" in held) held.release();

    // A lock left by a process that has ended does not stop the next build.
    writeFileSync(besideOutput(join(project.root, "_site")).lock, "999999999\n");
    const afterStale = takeLock(join(project.root, "_site"));
    expect("release" in afterStale).toBe(true);
    if ("release" in afterStale) afterStale.release();
  }, 120_000);

  it("puts back the last good site when a swap was cut short, and reports the folder changed only when it was", async () => {
    const output = join(project.root, "_site");
    const site = snapshot(output);
    // Killed between the two renames: the old site moved aside, the new one never moved in.
    renameSync(output, besideOutput(output).previous);
    project.write(
      "content/broken.md",
      page(
        "title: Broken\nmetadesc: A page whose link leads nowhere, so that the build stops after rendering.",
        "[Nowhere](/nowhere/)\n",
      ),
    );
    const result = await buildSite({ root: project.root, output: "_site" });
    expect(result.ok).toBe(false);
    expect(result.changed).toBe(true);
    expect(result.problems.map(formatProblem)).toContain(
      `NLC_OUTPUT:1:1: warning: the last good site was found beside ${output} after an interrupted build, and was put back first`,
    );
    expect(snapshot(output)).toEqual(site);
  }, 120_000);

  it("fails on a search index cut short or missing", () => {
    const copy = sibling("index");
    cpSync(join(project.root, "_site", "pagefind"), copy, { recursive: true });
    expect(verifySearchIndex(copy).pages).toBeGreaterThan(0);
    const fragment = readdirSync(join(copy, "fragment"))[0] ?? "";
    const bytes = readFileSync(join(copy, "fragment", fragment));
    writeFileSync(join(copy, "fragment", fragment), bytes.subarray(0, Math.floor(bytes.length / 2)));
    expect(() => verifySearchIndex(copy)).toThrow(/fragment\/.* is cut short/);
    writeFileSync(join(copy, "pagefind-entry.json"), "");
    expect(() => verifySearchIndex(copy)).toThrow(/pagefind-entry\.json is missing or unreadable/);
  });

  it("never writes a page outside its output folder: Eleventy itself stops before rendering", async () => {
    project.write(
      "content/escape.md",
      page(
        "title: Escape\nmetadesc: A page that tries to write itself outside the site's folder, two levels up.\npermalink: ../../escaped-by-test/",
      ),
    );
    const staging = join(project.root, "out", "site");
    const run = await runEleventy(project.root, staging);
    expect(run.settled).toBe(true);
    expect(run.problems.map(formatProblem)).toContainEqual(
      expect.stringMatching(/^content\/escape\.md:4:1: error: Address \(permalink\) must be a clean site address/),
    );
    expect(existsSync(join(project.root, "escaped-by-test"))).toBe(false);
    expect(existsSync(join(project.root, "out", "escaped-by-test"))).toBe(false);
    expect(existsSync(staging)).toBe(false);
    rmSync(join(project.root, "content/escape.md"));
  }, 120_000);

  it("and the last guard, under the checks, writes no page whose address the rule refuses or that leads outside", () => {
    const data: Record<string, unknown> = {};
    const handlers: Record<string, (event: unknown) => void> = {};
    trustPlugin(
      {
        setFrontMatterParsingOptions: () => undefined,
        ignores: { add: () => undefined },
        addGlobalData: (name: string, value: unknown) => (data[name] = value),
        on: (name: string, handler: (event: unknown) => void) => (handlers[name] = handler),
      } as unknown as UserConfig,
      { root: project.root },
    );
    handlers["eleventy.before"]?.({ directories: { output: join(project.root, "out", "site") } });
    const { permalink } = data.eleventyComputed as { permalink: (page: unknown) => unknown };
    const from = (value: unknown, inputPath = "./content/escape.md") =>
      permalink({ permalink: value, page: { inputPath } });
    expect(from("../../escaped-by-test/")).toBe(false);
    expect(from("/Not Clean/")).toBe(false);
    expect(from("/assets/x/")).toBe(false);
    expect(from("/fine/")).toBe("/fine/");
    expect(from(false)).toBe(false);
    // The developers' own templates choose their own addresses, but never outside the site either.
    expect(from("/assets/main.abc.css", "./content/assets/main.css.njk")).toBe("/assets/main.abc.css");
    expect(from("../../x.css", "./content/assets/main.css.njk")).toBe(false);
  });

  it("says so when the new site is in but the old one could not be deleted", async () => {
    const base = sibling("swap");
    const output = join(base, "site");
    const { staging, previous } = besideOutput(output);
    mkdirSync(output, { recursive: true });
    writeFileSync(join(output, "old.html"), "old");
    mkdirSync(staging, { recursive: true });
    writeFileSync(join(staging, "new.html"), "new");
    let calls = 0;
    const failSecondRemoval = async () => {
      calls += 1;
      if (calls === 2) throw new Error("EBUSY");
    };
    expect(await swapInto(staging, output, failSecondRemoval)).toEqual({ leftover: previous });
    expect(readFileSync(join(output, "new.html"), "utf8")).toBe("new");
    expect(existsSync(join(previous, "old.html"))).toBe(true);
  });
});
