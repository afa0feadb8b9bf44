// A throwaway site in a temporary folder, for tests that feed a gate a known-bad page.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/** A site of the given pages ({ "/bad/index.html": html }) in a temporary folder, for tests that must fail. */
export function temporarySite(files: Record<string, string>): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), "nlc-bad-site-"));
  for (const [path, contents] of Object.entries(files)) {
    const file = join(dir, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, contents);
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
