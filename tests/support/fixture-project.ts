// A throwaway copy of the project (code, layouts, real content) for tests that break things on purpose.
import { cpSync, mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";

export const projectRoot = resolve(import.meta.dirname, "..", "..");

export interface FixtureProject {
  root: string;
  /** Writes (or overwrites) a file, path from the project folder. */
  write(path: string, text: string): void;
  remove(): void;
}

export function fixtureProject(): FixtureProject {
  const root = mkdtempSync(join(tmpdir(), "nlc-fixture-"));
  for (const entry of [".eleventy.ts", ".htmlvalidate.json", "package.json", "tsconfig.json", "src", "layouts", "static", "content"]) {
    cpSync(join(projectRoot, entry), join(root, entry), { recursive: true });
  }
  symlinkSync(join(projectRoot, "node_modules"), join(root, "node_modules"), "dir");
  return {
    root,
    write(path, text) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    },
    remove() {
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** A well-formed page, with front matter fields overridden or added by `fields` (YAML lines). */
export function page(fields: string, body = "Some words about the page, enough to read.\n"): string {
  return `---\n${fields.trim()}\n---\n\n${body}`;
}
