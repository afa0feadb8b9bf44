// A throwaway copy of the project (code, layouts, real content) for tests that break things on purpose.
import {
  cpSync,
  existsSync,
  mkdtempSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { execFile } from "node:child_process";
import { dirname, join, relative, resolve, sep } from "node:path";
import { promisify } from "node:util";
import { buildSite } from "../../src/build/build.js";
import { formatProblem } from "../../src/core/problems.js";

const run = promisify(execFile);

export const projectRoot = resolve(import.meta.dirname, "..", "..");

export interface FixtureProject {
  root: string;
  /** Writes (or overwrites) a file, path from the project folder. */
  write(path: string, text: string): void;
  remove(): void;
}

export interface FixtureFiles {
  /** Paths under content/ to their text. */
  content: Record<string, string>;
  /** Paths under static/ to their bytes. */
  static?: Record<string, string | Buffer>;
}

/**
 * A copy of the project in a temporary folder: the code and layouts, with
 * only the pages and files given (the tests' small site by default), so a
 * test states everything its site has and never depends on the real content.
 */
export function fixtureProject(files: FixtureFiles = fixtureSite("small-site")): FixtureProject {
  const root = mkdtempSync(join(tmpdir(), "nlc-fixture-"));
  for (const entry of [".eleventy.ts", "package.json", "tsconfig.json", ".htmlvalidate.json", "src", "layouts"]) {
    if (existsSync(join(projectRoot, entry))) cpSync(join(projectRoot, entry), join(root, entry), { recursive: true });
  }
  mkdirSync(join(root, "static"), { recursive: true });
  // The layouts link the site's own icons and wordmark from every page, so a fixture site has them too.
  for (const brand of ["static/root", "static/img/brand"])
    cpSync(join(projectRoot, brand), join(root, brand), { recursive: true });
  for (const [folder, contents] of [
    ["content", files.content],
    ["static", files.static],
  ] as const) {
    for (const [path, data] of Object.entries(contents ?? {})) {
      mkdirSync(dirname(join(root, folder, path)), { recursive: true });
      writeFileSync(join(root, folder, path), data);
    }
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

/** Builds a fixture project into its own `_site/` as `npm run build` does; throws with the problems if it fails. */
export async function buildFixture(project: FixtureProject): Promise<string> {
  const output = join(project.root, "_site");
  const result = await buildSite({ root: project.root, output });
  if (!result.ok) throw new Error(`The fixture site did not build:\n${result.problems.map(formatProblem).join("\n")}`);
  return output;
}

export interface CommandResult {
  code: number;
  output: string;
}

/** Runs one of the project's npm scripts (`check`, `build`) in a fixture project, as an editor would. */
export async function runScript(project: FixtureProject, script: string, args: string[] = []): Promise<CommandResult> {
  try {
    const { stdout, stderr } = await run("npm", ["run", "--silent", script, ...(args.length ? ["--", ...args] : [])], {
      cwd: project.root,
      env: { ...process.env, NLC_OUTPUT: "" },
    });
    return { code: 0, output: `${stdout}${stderr}` };
  } catch (caught) {
    const failed = caught as { code?: number; stdout?: string; stderr?: string };
    return {
      code: typeof failed.code === "number" ? failed.code : 1,
      output: `${failed.stdout ?? ""}${failed.stderr ?? ""}`,
    };
  }
}

function filesUnder(base: string): Record<string, string> {
  const files: Record<string, string> = {};
  if (!existsSync(base)) return files;
  for (const entry of readdirSync(base, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files[relative(base, path).split(sep).join("/")] = readFileSync(path, "utf8");
  }
  return files;
}

/** A fixture site (tests/fixtures/NAME/: its content/ and static/), as `fixtureProject` takes it. */
export function fixtureSite(name: string): FixtureFiles {
  const base = join(projectRoot, "tests", "fixtures", name);
  return { content: filesUnder(join(base, "content")), static: filesUnder(join(base, "static")) };
}
