// What an editor reads: one clickable line a problem, and in GitHub Actions also an annotation on the change.
import { afterEach, describe, expect, it, vi } from "vitest";
import { error, warning } from "../../src/core/problems.js";
import {
  escapeAnnotationData,
  escapeAnnotationProperty,
  formatAnnotation,
  printProblems,
} from "../../src/cli/report.js";

describe("GitHub annotations", () => {
  afterEach(() => vi.restoreAllMocks());

  it("formats an error and a warning at the file, line and column", () => {
    expect(formatAnnotation(error("content/news/a.md", 12, 3, "image /a.png has no alt text"))).toBe(
      "::error file=content/news/a.md,line=12,col=3::image /a.png has no alt text",
    );
    expect(formatAnnotation(warning("content/a.md", 1, 1, "short description"))).toBe(
      "::warning file=content/a.md,line=1,col=1::short description",
    );
  });

  it("escapes %, carriage returns and newlines in the message, and : and , in properties", () => {
    expect(escapeAnnotationData("100% sure\r\nnext: a, b")).toBe("100%25 sure%0D%0Anext: a, b");
    expect(escapeAnnotationProperty("content/a:b,c%.md")).toBe("content/a%3Ab%2Cc%25.md");
    expect(formatAnnotation(error("content/a,b.md", 2, 1, "line one\nline two: 50%"))).toBe(
      "::error file=content/a%2Cb.md,line=2,col=1::line one%0Aline two: 50%25",
    );
  });

  it("prints annotations only in a GitHub Actions run, after the editor's lines", () => {
    const out: string[] = [];
    const err: string[] = [];
    vi.spyOn(console, "log").mockImplementation((line: string) => void out.push(line));
    vi.spyOn(console, "error").mockImplementation((line: string) => void err.push(line));
    const problems = [error("content/b.md", 4, 1, "second"), error("content/a.md", 2, 1, "first")];

    printProblems(problems, {});
    expect(out).toEqual([]);
    expect(err.slice(0, 2)).toEqual(["content/a.md:2:1: error: first", "content/b.md:4:1: error: second"]);

    printProblems(problems, { GITHUB_ACTIONS: "true" });
    expect(out).toEqual([
      "::error file=content/a.md,line=2,col=1::first",
      "::error file=content/b.md,line=4,col=1::second",
    ]);
  });
});
