// `npm start [-- --port=8080] [-- --incremental]`: the preview. Eleventy's own development server, watching
// the files, with the site's plugins (.eleventy.ts: the same checks and headers as a build, and the
// preview's own rules, src/build/preview.ts), written into .preview/ (never _site/). Run here rather than by
// Eleventy's command line for one reason: Eleventy 3 notices a deleted file but does not rebuild, so a
// deleted page stayed in the preview and in every list that showed it. Here a deletion rebuilds as a save does.
import { join, relative } from "node:path";
import Eleventy from "@11ty/eleventy";

// The project is the working folder (npm runs scripts there), as for npm run build and npm run check.
const root = process.cwd();
const option = (name: string) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
const port = Number(option("port") ?? 8080);

/** The innermost message of an error Eleventy wrapped: the one that says what to fix (a bad setting is one line). */
function innermost(caught: unknown): string {
  let current = caught;
  const seen = new Set<unknown>();
  while (current && typeof current === "object" && !seen.has(current)) {
    seen.add(current);
    const inner =
      (current as { originalError?: unknown; cause?: unknown }).originalError ?? (current as { cause?: unknown }).cause;
    if (!inner) break;
    current = inner;
  }
  return current instanceof Error ? current.message : String(current);
}

try {
  // Relative to the working folder, as Eleventy matches folder data files by relative paths.
  const eleventy = new Eleventy(relative(".", join(root, "content")), relative(".", join(root, ".preview")), {
    source: "cli",
    configPath: join(root, ".eleventy.ts"),
    runMode: "serve",
    quietMode: true,
  });
  await eleventy.init();
  if (process.argv.includes("--incremental")) eleventy.setIncrementalBuild(true);
  await eleventy.watch();
  const watcher = eleventy.watcher;
  // Eleventy forgets the file on its own; telling it the file changed makes it build again without it.
  for (const event of ["unlink", "unlinkDir"]) watcher?.on(event, (path) => void watcher.emit("change", path));
  await eleventy.serve(port);
  process.on("SIGINT", async () => {
    await eleventy.stopWatch();
    process.exit(0);
  });
} catch (caught) {
  console.error(`The preview could not start: ${innermost(caught)}`);
  process.exitCode = 1;
}
