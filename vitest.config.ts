import { availableParallelism } from "node:os";
import { defineConfig, type TestProjectInlineConfiguration } from "vitest/config";

/**
 * Four projects, run one after another (sequence.groupOrder), each at least two files at a time:
 * - unit: plain functions;
 * - build: tests that build small fixture sites of their own;
 * - site: the gates over the built site in _site/ that content can break
 *   (links, HTML validity, weight, axe, the invariants): `npm run test:content`;
 * - browser: the browser suite and the browser editor, driving Chromium (each file its own browser,
 *   server and fixture, so two run side by side).
 */

const shared = {
  // Eleventy imports .eleventy.ts itself, through Node: tsx teaches Node TypeScript, as npm run build does.
  execArgv: ["--import", "tsx"],
  // "Today" is fixed for every test, and never the machine's clock or time zone (src/core/settings.ts).
  env: { NLC_NOW: "2030-06-15" },
  // One file per core but one, as vitest does by default, and never fewer than two: on a two-core machine its
  // default ran one file at a time and left a core idle.
  maxWorkers: Math.max(2, availableParallelism() - 1),
  testTimeout: 60_000,
  hookTimeout: 120_000,
};

const site = [
  "tests/gates/**/*.test.ts",
  "tests/build/site.test.ts",
  "tests/output/cdn-output.test.ts",
  "tests/cms/admin-output.test.ts",
  "tests/browser/axe.test.ts",
];
const browser = [
  "tests/browser/**/*.test.ts",
  "tests/cms/local-editing.test.ts",
  "tests/cms/editor-refusals.test.ts",
  "tests/cms/editing-server-browser.test.ts",
  "tests/cms/publishing-workflow.test.ts",
];
const build = [
  "tests/build/**/*.test.ts",
  "tests/cli/check-command.test.ts",
  "tests/checks/editor-mistakes.test.ts",
  "tests/checks/limits.test.ts",
  "tests/cms/scheduled-posts.test.ts",
  "tests/content/new-page.test.ts",
  "tests/output/deterministic-build.test.ts",
  "tests/output/images.test.ts",
  "tests/output/redirects.test.ts",
  "tests/render/statement-dates.test.ts",
];

function project(name: string, order: number, include: string[], exclude: string[]): TestProjectInlineConfiguration {
  return { extends: true, test: { name, include, exclude, sequence: { groupOrder: order } } };
}

export default defineConfig({
  test: {
    ...shared,
    projects: [
      project("unit", 0, ["tests/**/*.test.ts"], [...site, ...browser, ...build]),
      project("build", 1, build, site),
      project("site", 2, site, []),
      project("browser", 3, browser, site),
    ],
  },
});
