import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { sourceDate } from "../../src/content/source-date.js";
import { commitOn } from "../support/git-commit.js";

describe("the source date", () => {
  it("is the day of the commit the site is built from, whatever today is", () => {
    const dir = mkdtempSync(join(tmpdir(), "nlc-source-date-"));
    try {
      writeFileSync(join(dir, "a.txt"), "a");
      commitOn(dir, "2024-02-03T10:00:00Z");
      expect(sourceDate(dir)).toBe("2024-02-03");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("is undefined outside a git checkout, instead of failing the build", () => {
    const dir = mkdtempSync(join(tmpdir(), "nlc-source-date-"));
    try {
      expect(sourceDate(dir)).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
