// The rendered-page checks on a thread of their own: Eleventy renders on the main thread while this one
// reads each finished page (src/checks/rendered.ts). See PageChecks in page-checks.ts for the other side.
import { parentPort } from "node:worker_threads";
import type { ToWorker } from "./page-checks.js";
import { PageChecksSession } from "./page-checks-session.js";

const session = new PageChecksSession();

parentPort?.on("message", (message: ToWorker) => {
  try {
    const problems = session.handle(message);
    if (problems) parentPort?.postMessage({ kind: "report", problems });
  } catch (caught) {
    parentPort?.postMessage({ kind: "failed", message: caught instanceof Error ? caught.message : String(caught) });
  }
});
