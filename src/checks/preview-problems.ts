import { readFileSync } from "node:fs";
import type UserConfig from "@11ty/eleventy/UserConfig";

/**
 * What the preview (`npm start`) shows in the browser when a save stops the
 * rebuild: the same `file:line: message` lines the terminal prints, over the
 * page being previewed, until the next good save. The preview's own server
 * answers two addresses for it (nothing of this reaches a production build):
 * the lines, as JSON, and the small script every previewed page loads.
 */
export const problemsAddress = "/.nlc-preview/problems.json";
export const scriptAddress = "/.nlc-preview/problems.js";

let current: string[] = [];

/** The lines that stopped the last rebuild; [] once a rebuild gets past the checks. */
export function recordPreviewProblems(lines: readonly string[]): void {
  current = [...lines];
}

export function previewProblems(): string[] {
  return [...current];
}

/** Loads the overlay script in a previewed page, before `</head>`. */
export function withProblemsScript(html: string): string {
  const tag = `<script type="module" src="${scriptAddress}"></script>`;
  return html.includes("</head>") ? html.replace("</head>", `${tag}</head>`) : html;
}

export function previewProblemsPlugin(eleventyConfig: UserConfig): void {
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
  eleventyConfig.addTransform(
    "preview-problems",
    function (this: { page: { outputPath?: string | false } }, content: string) {
      if (process.env.ELEVENTY_RUN_MODE !== "serve") return content;
      const output = this.page.outputPath;
      return typeof output === "string" && output.endsWith(".html") ? withProblemsScript(content) : content;
    },
  );
}
