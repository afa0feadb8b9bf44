// Preloaded into every benchmarked Node process (NODE_OPTIONS=--import=…): on exit it writes the
// process's peak memory and CPU time where bench/run.ts can read them, so the figures come from
// the build itself, with nothing but Node needed.
import { writeFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.env.BENCH_USAGE_DIR;
if (dir) {
  process.on("exit", () => {
    const usage = process.resourceUsage();
    writeFileSync(
      join(dir, `${process.pid}.json`),
      JSON.stringify({
        pid: process.pid,
        maxRssKb: usage.maxRSS,
        userMs: usage.userCPUTime / 1000,
        systemMs: usage.systemCPUTime / 1000,
      }),
    );
  });
}
