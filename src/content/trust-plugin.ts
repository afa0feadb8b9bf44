import type UserConfig from "@11ty/eleventy/UserConfig";
import { addressProblem, insideOutput, outputFileFor, pagePermalink } from "../core/addresses.js";
import { parseYaml } from "./yaml.js";

class CodeRefused extends Error {
  readonly skipOriginalStack = true;
}

function refuseCode(): never {
  throw new CodeRefused("front matter is YAML only: the first line must be exactly ---");
}

/**
 * Eleventy's side of the trust line (src/content/trust.ts): editors' files
 * are read as data by the same YAML reader the check uses, never as code;
 * pages without a permalink get the address the check expects; and no page
 * is written at an address the check refuses or outside the output folder.
 * The checks (src/checks/plugin.ts) refuse such content before rendering
 * starts; the guards here hold even if they did not, and they never throw
 * mid-render: a page they stop is simply not written.
 */
export function trustPlugin(eleventyConfig: UserConfig, options: { root: string }): void {
  eleventyConfig.setFrontMatterParsingOptions({
    engines: {
      yaml: (text: string) => parseYaml(text),
      javascript: refuseCode,
      js: refuseCode,
      jsLegacy: refuseCode,
      json: refuseCode,
    },
  });

  // A second lock on the same door: Eleventy skips any template file in content/ other than markdown.
  eleventyConfig.ignores.add(`${options.root}/content/**/*.njk`);

  // Lowest in the data cascade: a page's own permalink wins.
  eleventyConfig.addGlobalData("permalink", () => (data: Parameters<typeof pagePermalink>[0]) => pagePermalink(data, options.root));

  // The last guard on where a page goes: a permalink the address rule refuses is not written at all.
  let outputDir: string | undefined;
  eleventyConfig.on("eleventy.before", ({ directories }: { directories?: { output?: string } }) => {
    outputDir = directories?.output;
  });
  eleventyConfig.addGlobalData("eleventyComputed", {
    permalink: (data: { permalink?: unknown; page?: { inputPath?: unknown } }) => {
      const permalink = data.permalink;
      if (typeof permalink !== "string") return permalink;
      // Developers' virtual templates (feed, sitemap, assets, stubs) are not in content/: their addresses are the code's.
      const fromContent = /(?:^|\/)content\/[\s\S]*\.md$/.test(String(data.page?.inputPath ?? ""));
      if (fromContent && addressProblem(permalink) !== undefined) return false;
      if (outputDir && !insideOutput(outputDir, `${outputDir}/${outputFileFor(permalink)}`)) return false;
      return permalink;
    },
  });
}
