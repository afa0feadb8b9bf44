// Preloaded (`node --import`) into a build under test: on exit it adds the npm packages the
// process loaded, one a line, to the file named by NLC_LOADED_PACKAGES.
import module, { createRequire } from "node:module";
import { appendFileSync } from "node:fs";

const file = process.env.NLC_LOADED_PACKAGES;
const packageOf = (url) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
const seen = new Set();

if (typeof module.registerHooks === "function") {
  // Node 22.15 and later: one in-thread hook sees every module, imported or required.
  module.registerHooks({
    load(url, context, nextLoad) {
      const name = packageOf(url);
      if (name) seen.add(name);
      return nextLoad(url, context);
    },
  });
} else {
  // Node 20: ES modules through an off-thread hook, which writes them itself; CommonJS from require's cache at exit.
  module.register(new URL("./record-loaded-packages-hook.mjs", import.meta.url));
}

process.on("exit", () => {
  for (const path of Object.keys(createRequire(import.meta.url).cache)) {
    const name = packageOf(path);
    if (name) seen.add(name);
  }
  if (file) appendFileSync(file, [...seen].map((name) => `${name}\n`).join(""));
});
