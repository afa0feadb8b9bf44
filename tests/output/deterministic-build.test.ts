// Two builds of the same commit give byte-identical sites, so a deploy changes only what changed.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildSite } from "../../src/build/build.js";

const root = resolve(import.meta.dirname, "..", "..");
const temp = mkdtempSync(join(tmpdir(), "nlc-twice-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function files(dir: string, base = ""): Map<string, Buffer> {
  const found = new Map<string, Buffer>();
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory())
      for (const [file, bytes] of files(path, `${base}${name}/`)) found.set(file, bytes);
    else found.set(`${base}${name}`, readFileSync(path));
  }
  return found;
}

describe("the build", () => {
  it("gives byte-identical output twice over", async () => {
    const first = await buildSite({ root, output: join(temp, "one") });
    const second = await buildSite({ root, output: join(temp, "two") });
    expect([first.ok, second.ok]).toEqual([true, true]);
    const one = files(join(temp, "one"));
    const two = files(join(temp, "two"));
    expect([...two.keys()]).toEqual([...one.keys()]);
    expect([...one.keys()]).toEqual(
      expect.arrayContaining([
        "index.html",
        "sitemap.xml",
        "feed.xml",
        "_headers",
        "_redirects",
        "pagefind/pagefind-entry.json",
      ]),
    );
    const differing = [...one]
      .filter(([file, bytes]) => !bytes.equals(two.get(file) ?? Buffer.alloc(0)))
      .map(([file]) => file);
    expect(differing).toEqual([]);
  });
});
