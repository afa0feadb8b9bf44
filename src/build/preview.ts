import { readFileSync } from "node:fs";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { formatProblem, type Problem } from "../core/problems.js";

/**
 * The preview (`npm start`): Eleventy's own server, watching the files. A
 * page's problems show in the browser in the words the terminal prints,
 * over the page being previewed, until a save puts them right. The server
 * answers two addresses of its own for it (nothing of this reaches a
 * production build): the lines, as JSON, and the small script every
 * previewed page loads.
 */
export const problemsAddress = "/.nlc-preview/problems.json";
export const scriptAddress = "/.nlc-preview/problems.js";

let current: string[] = [];

/** The errors of the last rebuild, as the lines the browser shows; [] once a rebuild passes. */
export function recordPreviewProblems(problems: readonly Problem[]): void {
  current = problems.filter((problem) => problem.severity === "error").map(formatProblem);
}

export function previewProblems(): string[] {
  return [...current];
}

/** Loads the overlay script in a previewed page, before `</head>`. */
export function withProblemsScript(html: string): string {
  const tag = `<script type="module" src="${scriptAddress}"></script>`;
  return html.includes("</head>") ? html.replace("</head>", `${tag}</head>`) : html;
}

export function previewPlugin(eleventyConfig: UserConfig): void {
  const script = new URL("../scripts/preview-problems.js", import.meta.url);
  eleventyConfig.setServerOptions({
    onRequest: {
      [problemsAddress]: () => ({
        status: 200,
        headers: { "content-type": "application/json", "cache-control": "no-store" },
        body: JSON.stringify({ problems: previewProblems() }),
      }),
      [scriptAddress]: () => ({
        status: 200,
        headers: { "content-type": "text/javascript", "cache-control": "no-store" },
        body: readFileSync(script, "utf8"),
      }),
    },
  });
  eleventyConfig.addTransform("preview-problems", function (content) {
    if (process.env.ELEVENTY_RUN_MODE !== "serve") return content;
    const output = this.page.outputPath;
    return typeof output === "string" && output.endsWith(".html") ? withProblemsScript(content) : content;
  });
  // The preview rebuilds once a save has settled for 40 ms; Eleventy's default wait, 150 ms, was half of a one-page rebuild.
  eleventyConfig.setChokidarConfig({ awaitWriteFinish: { stabilityThreshold: 40, pollInterval: 10 } });
}
