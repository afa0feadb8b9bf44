// The editors' HTML validity answers kept in .cache/: a build whose pages did not change gives the
// same problems without html-validate, a changed or damaged entry is checked again.
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { formatProblem } from "../../src/core/problems.js";
import { fixturePage } from "../support/rendered-fixture.js";

const projectRoot = join(import.meta.dirname, "..", "..");
let root: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "nlc-validity-cache-"));
  copyFileSync(join(projectRoot, ".htmlvalidate.json"), join(root, ".htmlvalidate.json"));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** The problems a fresh build process reports (no answers kept in memory from an earlier call). */
async function freshCheck(body: string): Promise<string[]> {
  vi.resetModules();
  const { checkEditorHtmlValidity } = await import("../../src/checks/editor-html-validity.js");
  const { page, source } = fixturePage("page", body);
  return (await checkEditorHtmlValidity(root, [page], new Map([[page.file, source]]))).map(formatProblem);
}

const cached = () => readdirSync(join(root, ".cache", "html-validity"));
const embed = 'Watch: <iframe src="https://player.vimeo.com/video/1" title="Our film" frameborder="0"></iframe>\n';

describe("the editors' HTML validity cache", () => {
  it("gives a later build the same problems, from the cache alone", async () => {
    const first = await freshCheck(embed);
    expect(first).toEqual([expect.stringContaining("frameborder")]);
    expect(cached()).toHaveLength(1);
    // The answer on disk is what a later build reports: replace it and the later build says what it says.
    const [entry] = cached();
    writeFileSync(join(root, ".cache", "html-validity", entry!), "[]");
    expect(await freshCheck(embed)).toEqual([]);
  });

  it("checks a changed page again", async () => {
    await freshCheck(embed);
    expect(await freshCheck(embed.replace(' frameborder="0"', ""))).toEqual([]);
    expect(cached()).toHaveLength(2);
  });

  it("checks again when an entry is damaged, rather than failing the build", async () => {
    await freshCheck(embed);
    for (const entry of cached()) writeFileSync(join(root, ".cache", "html-validity", entry), '{"not": "a list"');
    expect(await freshCheck(embed)).toEqual([expect.stringContaining("frameborder")]);
    writeFileSync(join(root, ".cache", "html-validity", cached()[0]!), '{"not": "a list"}');
    expect(await freshCheck(embed)).toEqual([expect.stringContaining("frameborder")]);
  });
});
