// The compiled stylesheet is cached on disk by its Sass sources, so an unchanged build skips the compiler.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";

const temp = mkdtempSync(join(tmpdir(), "nlc-styles-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
const styles = join(temp, "styles");
const cacheDir = join(temp, "cache");
mkdirSync(join(styles, "parts"), { recursive: true });
writeFileSync(join(styles, "main.scss"), '@use "parts/colours";\n.nav-list { color: colours.$ink; }\n');
const setInk = (value: string) => writeFileSync(join(styles, "parts", "_colours.scss"), `$ink: ${value};\n`);

/** A fresh copy of the module, as a new build process would load it (no stylesheet in memory). */
async function freshAssets() {
  vi.resetModules();
  return import("../../src/output/assets.js");
}

describe("compileStylesheet", () => {
  it("recompiles when any Sass file changes, a nested partial included", async () => {
    setInk("#111111");
    const { compileStylesheet } = await freshAssets();
    const first = compileStylesheet(styles, cacheDir);
    expect(first.contents).toContain(".nav-list{color:#111}");
    setInk("#222222");
    const second = compileStylesheet(styles, cacheDir);
    expect(second.contents).toContain(".nav-list{color:#222}");
    expect(second.href).not.toBe(first.href);
    expect(readdirSync(cacheDir).filter((file) => file.endsWith(".css"))).toHaveLength(2);
  });

  it("takes an unchanged stylesheet from the cache in a new process", async () => {
    setInk("#333333");
    const compiled = (await freshAssets()).compileStylesheet(styles, cacheDir);
    const cached = readdirSync(cacheDir).find(
      (file) => readFileSync(join(cacheDir, file), "utf8") === compiled.contents,
    );
    expect(cached).toBeDefined();
    // Marked, so the next result shows where it came from.
    writeFileSync(join(cacheDir, cached as string), `${compiled.contents}/*from the cache*/`);
    const again = (await freshAssets()).compileStylesheet(styles, cacheDir);
    expect(again.contents).toBe(`${compiled.contents}/*from the cache*/`);
  });
});
