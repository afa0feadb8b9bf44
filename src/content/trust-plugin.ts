import type UserConfig from "@11ty/eleventy/UserConfig";
import { formatProblem } from "../core/problems.js";
import { assertInsideOutput, pagePermalink } from "../core/addresses.js";
import { listContentFiles, staticLinks } from "./trust.js";
import { parseYaml } from "./yaml.js";

/** An error Eleventy logs by its message alone, without a stack trace. */
class EditorError extends Error {
  skipOriginalStack = true;
}

function refuseCode(): never {
  throw new EditorError("front matter is YAML only: the first line must be exactly ---");
}

/**
 * Eleventy's side of the trust line (src/content/trust.ts): editors' files
 * are read as data by the same YAML reader the check uses, never as code;
 * content/ holding anything but pages and JSON stops every build and preview
 * before Eleventy reads a file; pages without a permalink get the address
 * the check expects; and no file is written outside the output folder.
 */
export function trustPlugin(eleventyConfig: UserConfig): void {
  eleventyConfig.setFrontMatterParsingOptions({
    engines: { yaml: (text: string) => parseYaml(text), javascript: refuseCode, js: refuseCode, jsLegacy: refuseCode, json: refuseCode },
  });

  // A second lock on the same door: Eleventy skips any template file in content/ other than markdown.
  eleventyConfig.ignores.add("content/**/*.njk");

  let outputDir: string | undefined;
  eleventyConfig.on("eleventy.before", ({ directories }: { directories?: { output?: string } }) => {
    outputDir = directories?.output;
    const problems = [...listContentFiles(".").problems, ...staticLinks(".")];
    if (problems.length > 0) throw new EditorError(`The site was not built. Fix these, then try again:\n${problems.map(formatProblem).join("\n")}`);
  });

  // Lowest in the data cascade: a page's own permalink wins.
  eleventyConfig.addGlobalData("permalink", () => pagePermalink);

  eleventyConfig.addTransform("stay-inside-output", function (content) {
    const outputPath = this.page.outputPath;
    if (outputDir && typeof outputPath === "string") assertInsideOutput(outputDir, outputPath);
    return content;
  });
}
