import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // Browser and build tests share one machine's two cores; run files one at a time.
    fileParallelism: false,
    // Eleventy imports .eleventy.ts itself, through Node: tsx teaches Node TypeScript, as in npm run build.
    execArgv: ["--import", "tsx"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
