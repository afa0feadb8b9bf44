// The rendered-page checks on a thread of their own: Eleventy renders on the main thread while this one
// reads each finished page (src/checks/rendered.ts), so the checks cost a build almost no time on a
// machine with two cores or more. See PageChecks in page-checks.ts for the other side.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parentPort } from "node:worker_threads";
import type { Problem } from "../core/problems.js";
import { siteFileReader, type ReadSiteFile } from "./page-weight.js";
import { RenderedChecker } from "./rendered.js";
import type { ToWorker } from "./page-checks.js";

let root = "";
let sources = new Map<string, string>();
let checker: RenderedChecker | undefined;

const readSource = (file: string): string | undefined => {
  if (!sources.has(file) && file.startsWith("content/") && existsSync(join(root, file)))
    sources.set(file, readFileSync(join(root, file), "utf8"));
  return sources.get(file);
};

function finish(message: Extract<ToWorker, { kind: "finish" }>): Problem[] {
  if (!checker) return [];
  const built = new Map(message.built);
  const copies = new Map(message.copies);
  const fromOutput = message.outputDir ? siteFileReader(message.outputDir) : undefined;
  const read: ReadSiteFile = (path) => {
    const copied = copies.get(path);
    return fromOutput?.(path) ?? built.get(path) ?? (copied === undefined ? undefined : readFileSync(copied));
  };
  const files = new Set(message.files);
  checker.keepOnly(new Set(message.files.filter((file) => file.endsWith(".html"))));
  return checker.finish(files, read);
}

parentPort?.on("message", (message: ToWorker) => {
  try {
    switch (message.kind) {
      case "start":
        root = message.root;
        sources = new Map(message.sources);
        if (!checker || !message.incremental) checker = new RenderedChecker(readSource);
        checker.alreadyTold(new Map(message.told));
        break;
      case "page":
        checker?.check(message.page);
        break;
      case "finish":
        parentPort?.postMessage({ kind: "report", problems: finish(message) });
        break;
    }
  } catch (caught) {
    parentPort?.postMessage({ kind: "failed", message: caught instanceof Error ? caught.message : String(caught) });
  }
});
