// `node --import ./src/cli/load-typescript.mjs …`: runs the project's TypeScript as cheaply as the Node in use allows.
// Plain JavaScript, because it is what makes TypeScript loadable.
//
// Node 22.18 and later strip types themselves; all they lack is our import style, which names a
// module `./x.js` (as TypeScript's NodeNext resolution wants) while the file is `./x.ts`. A
// synchronous, in-thread resolve hook maps one to the other, so no compiler or loader thread is
// started. Older Node (20 here) registers tsx's ES-module loader instead. On Node 24 this saves
// about 0.15 s of start-up a build (docs/performance.md).
import module from "node:module";

if (process.features.typescript && typeof module.registerHooks === "function") {
  module.registerHooks({
    resolve(specifier, context, nextResolve) {
      const relativeJs = specifier.endsWith(".js") && (specifier.startsWith("./") || specifier.startsWith("../"));
      if (relativeJs && context.parentURL?.endsWith(".ts")) {
        try {
          return nextResolve(`${specifier.slice(0, -3)}.ts`, context);
        } catch {
          // not a TypeScript file: resolve the name as written
        }
      }
      return nextResolve(specifier, context);
    },
  });
} else {
  await import("tsx/esm");
}
