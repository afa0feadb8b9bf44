// The page checks' thread starts here, in plain JavaScript, and loads their TypeScript as the build's
// own process does: Node's type stripping where it has it (22.18 and later), else tsx's loader.
import module from "node:module";

if (process.features.typescript && typeof module.registerHooks === "function") {
  await import("../cli/load-typescript.mjs");
  await import("./page-checks-worker.ts");
} else {
  const { tsImport } = await import("tsx/esm/api");
  await tsImport("./page-checks-worker.ts", import.meta.url);
}
