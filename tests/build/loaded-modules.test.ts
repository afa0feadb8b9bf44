// A build loads only what it uses: no test tools, no minifier, no image library without images to
// process, no HTML validator without an editor's own HTML to validate, and no Sass compiler when the
// stylesheet has not changed since the last build.
import { execFile } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { fixtureProject, fixtureSite, page } from "../support/fixture-project.js";

const run = promisify(execFile);
const project = fixtureProject(fixtureSite("small-site"));
afterAll(() => project.remove());
const recorder = join(import.meta.dirname, "..", "support", "record-loaded-packages.mjs");

/** `npm run build`'s command in the fixture project; the npm packages its process loaded. */
async function packagesLoadedByBuild(): Promise<Set<string>> {
  const list = join(project.root, "loaded-packages.txt");
  rmSync(list, { force: true });
  const script = (
    JSON.parse(readFileSync(join(project.root, "package.json"), "utf8")) as { scripts: { build: string } }
  ).scripts.build;
  const [node, ...args] = script.split(" ");
  expect(node).toBe("node");
  await run(process.execPath, ["--import", recorder, ...args], {
    cwd: project.root,
    env: { ...process.env, NLC_OUTPUT: "_site", NLC_LOADED_PACKAGES: list },
  });
  return new Set(readFileSync(list, "utf8").split("\n").filter(Boolean));
}

describe("what a build loads", () => {
  it("leaves out test tools, the image library when no page has a raster image, the HTML validator when no page has an editor's HTML, and Sass when the styles did not change", async () => {
    const first = await packagesLoadedByBuild();
    expect(first).toContain("@11ty/eleventy");
    expect(first).toContain("sass"); // a first build compiles the stylesheet
    const second = await packagesLoadedByBuild();
    expect(second).toContain("@11ty/eleventy");
    expect(second).not.toContain("sass");
    const neverLoaded = [
      "sharp",
      "@11ty/eleventy-img",
      "html-minifier-terser",
      "html-validate",
      "playwright-core",
      "@axe-core/playwright",
      "axe-core",
      "fast-check",
      "fast-xml-parser",
      "vitest",
      "typescript",
    ];
    for (const loaded of [first, second]) expect(neverLoaded.filter((name) => loaded.has(name))).toEqual([]);
  });

  it("loads the HTML validator once a page holds HTML an editor wrote, and checks it", async () => {
    project.write(
      "content/panel.md",
      page(
        "title: A panel\nmetadesc: A page with a box of HTML written by an editor, so that the HTML validator checks it.",
        '<div class="content-block">\n\nWords in a box.\n\n</div>\n',
      ),
    );
    expect(await packagesLoadedByBuild()).toContain("html-validate");
  });
});
