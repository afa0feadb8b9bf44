import type UserConfig from "@11ty/eleventy/UserConfig";
import { formatProblem, sortProblems, summarise } from "../core/problems.js";
import { recordPreviewProblems } from "./preview-problems.js";
import { checkSources } from "./run-checks.js";

/** An error Eleventy logs by its message alone, without a stack trace. */
class EditorError extends Error {
  skipOriginalStack = true;
}

/**
 * In the preview (`npm start`), the content checks run before each rebuild
 * and print their one-line messages, as `npm run check` does. A mistake that
 * stops the render (bad YAML, a missing layout) stops the rebuild with those
 * lines instead of Eleventy's stack trace; the preview keeps watching, and
 * the next save that fixes it rebuilds. The browser shows the same lines
 * over the previewed page until then. `npm run build` runs the full checks
 * itself, so this is for the preview only.
 */
export function previewChecksPlugin(eleventyConfig: UserConfig): void {
  eleventyConfig.on("eleventy.before", ({ runMode }: { runMode?: string }) => {
    if (runMode !== "serve") return;
    const problems = sortProblems(checkSources(".").problems);
    const stops = problems.some((problem) => problem.blocksRender && problem.severity === "error");
    // The browser shows the same lines over the page (see preview-problems.ts), until a save gets past them.
    recordPreviewProblems(stops ? problems.map(formatProblem) : []);
    if (problems.length === 0) return;
    const report = `${problems.map(formatProblem).join("\n")}\n${summarise(problems)}`;
    if (stops) {
      throw new EditorError(`The preview was not updated. Fix these, then save again:\n${report}`);
    }
    console.warn(`Content checks:\n${report}`);
  });
}
