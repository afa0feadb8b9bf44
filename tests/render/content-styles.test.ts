import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { listPageFiles } from "../../src/checks/run-checks.js";
import { builtPage, builtUrls, siteDir } from "../support/built-site.js";
import { projectRoot } from "../support/fixture-project.js";

describe("the HTML blocks editors paste", () => {
  it("have a style for every class the content uses", () => {
    const href =
      builtUrls()
        .map((url) => builtPage(url).querySelector('link[rel="stylesheet"]')?.getAttribute("href"))
        .find(Boolean) ?? "";
    const css = readFileSync(join(siteDir, href), "utf8");
    const styled = new Set([...css.matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)].map((match) => match[1]));
    const used = new Map<string, string>();
    for (const file of listPageFiles(projectRoot)) {
      const text = readFileSync(join(projectRoot, file), "utf8");
      for (const match of text.matchAll(/class=["']([^"']+)["']/g)) {
        for (const name of match[1]!.split(/\s+/).filter(Boolean)) used.set(name, file);
      }
    }
    const unstyled = [...used].filter(([name]) => !styled.has(name)).map(([name, file]) => `${name} (${file})`);
    expect(unstyled).toEqual([]);
  });
});
