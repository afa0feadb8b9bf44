// Where a build of a small site spends its time, step by step, in one fresh process. Run by
// bench/run.ts (its real-site section) as `node --import tsx/esm bench/startup-breakdown.ts`
// in a copy of the project; prints one JSON line: [step, milliseconds][].
//
// The steps are buildSite's (src/build/build.ts), taken apart so each can be timed alone: the packages
// the build loads, one at a time in the order it needs them (a package shared with an earlier one
// counts there), then our own modules, the content checks, Eleventy reading .eleventy.ts, loading
// Sass and compiling the stylesheet (as a first build does), the render, the checks on the rendered pages and the search index. In a real build the
// page checks and Pagefind overlap (Pagefind runs on the second core); here they run one after the
// other so each is seen alone.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

/** The packages a build loads at start-up, in the order it first needs them. */
export const buildPackages = [
  "@11ty/eleventy",
  "gray-matter",
  "zod",
  "markdown-it",
  "@11ty/eleventy-plugin-rss",
  "node-html-parser",
];

const steps: Array<[string, number]> = [];
// performance.now() counts from the process's start: Node's own start-up and registering tsx.
steps.push(["Node start-up and the TypeScript loader", performance.now()]);

async function step<T>(label: string, run: () => T | Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await run();
  steps.push([label, performance.now() - started]);
  return result;
}

for (const name of buildPackages) await step(`load ${name}`, () => import(name));
const ours = await step("load our modules (src/)", async () => ({
  build: await import("../src/build/build.js"),
  assets: await import("../src/output/assets.js"),
  search: await import("../src/build/search-index.js"),
}));

const root = resolve(".");
const staging = join(root, "._site-breakdown");
rmSync(staging, { recursive: true, force: true });
const search = new ours.search.SearchIndexer();
const { eleventy } = ours.build.projectEleventy(root, staging, "build", search);
// init() is public but missing from Eleventy's types; write() would call it first otherwise.
await step("Eleventy: read .eleventy.ts and set up", () => (eleventy as unknown as { init(): Promise<void> }).init());
// With an empty cache, as a first build or one after a style change: loads Sass and compiles. The
// result stays in memory, so the render below does not compile it again. A build whose styles did
// not change reads the cached stylesheet instead and never loads Sass.
const emptyCache = mkdtempSync(join(tmpdir(), "nlc-breakdown-"));
await step("Sass: load and compile (only when the styles changed)", () =>
  ours.assets.compileStylesheet("src/styles", emptyCache),
);
rmSync(emptyCache, { recursive: true, force: true });
await step("Eleventy: check, render and write the pages, index and check them as written", () => eleventy.write());
await step("Pagefind: write the search index (its own process)", () => search.writeInto(staging));
rmSync(staging, { recursive: true, force: true });
steps.push(["total, from the process's start", performance.now()]);
console.log(JSON.stringify(steps));
