import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { previewChecksPlugin } from "../../src/checks/preview-checks.js";
import { previewProblems, withProblemsScript } from "../../src/checks/preview-problems.js";
import { fixtureProject, fixtureSite, page, type FixtureProject } from "../support/fixture-project.js";

/** The plugin's eleventy.before handler, as Eleventy would call it. */
function beforeHandler(): (event: { runMode?: string }) => void {
  let handler: ((event: { runMode?: string }) => void) | undefined;
  previewChecksPlugin({
    on: (name: string, callback: (event: { runMode?: string }) => void) =>
      name === "eleventy.before" && (handler = callback),
  } as unknown as UserConfig);
  if (!handler) throw new Error("the plugin did not listen for eleventy.before");
  return handler;
}

describe("content checks in the preview (npm start)", () => {
  let project: FixtureProject;
  const cwd = process.cwd();
  beforeEach(() => {
    project = fixtureProject(fixtureSite("small-site"));
    process.chdir(project.root);
  });
  afterEach(() => {
    process.chdir(cwd);
    project.remove();
    vi.restoreAllMocks();
  });

  it("stops a rebuild on bad YAML with the editor's one-line message, no stack trace", () => {
    project.write(
      "content/colon.md",
      page(
        "title: Leading: a guide\nmetadesc: A guide to leading, written for the most senior public service leaders.",
      ),
    );
    const run = () => beforeHandler()({ runMode: "serve" });
    expect(run).toThrow(
      /The preview was not updated\. Fix these, then save again:\ncontent\/colon\.md:2:\d+: error: the front matter is not valid YAML/,
    );
    try {
      run();
    } catch (caught) {
      expect((caught as { skipOriginalStack?: boolean }).skipOriginalStack).toBe(true);
    }
  });

  it("keeps the lines that stopped the rebuild for the browser's overlay, and clears them once a save gets past the checks", () => {
    project.write(
      "content/colon.md",
      page(
        "title: Leading: a guide\nmetadesc: A guide to leading, written for the most senior public service leaders.",
      ),
    );
    expect(() => beforeHandler()({ runMode: "serve" })).toThrow();
    expect(previewProblems()).toEqual([
      expect.stringMatching(/^content\/colon\.md:2:\d+: error: the front matter is not valid YAML/),
    ]);
    project.write(
      "content/colon.md",
      page(
        'title: "Leading: a guide"\nmetadesc: A guide to leading, written for the most senior public service leaders.',
      ),
    );
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    expect(() => beforeHandler()({ runMode: "serve" })).not.toThrow();
    expect(previewProblems()).toEqual([]);
  });

  it("loads the overlay script in a previewed page's head", () => {
    expect(withProblemsScript("<html><head><title>A</title></head><body></body></html>")).toBe(
      '<html><head><title>A</title><script type="module" src="/.nlc-preview/problems.js"></script></head><body></body></html>',
    );
  });

  it("prints other problems and lets the preview update", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    project.write(
      "content/typo.md",
      page(
        "title: Typo\nmetadesc: A page with a misspelt field, to see what the preview says about it.\nnavtile: Typo",
      ),
    );
    expect(() => beforeHandler()({ runMode: "serve" })).not.toThrow();
    expect(warn.mock.calls.flat().join("\n")).toContain(
      'content/typo.md:4:1: error: unknown field "navtile": did you mean "navtitle"?',
    );
  });

  it("leaves builds to the build's own checks", () => {
    project.write("content/colon.md", page("title: Leading: a guide"));
    expect(() => beforeHandler()({ runMode: "build" })).not.toThrow();
  });
});
