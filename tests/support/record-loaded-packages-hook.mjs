// The off-thread half of record-loaded-packages.mjs, for Node without module.registerHooks.
import { appendFileSync } from "node:fs";

export async function load(url, context, nextLoad) {
  const name = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
  if (name && process.env.NLC_LOADED_PACKAGES) appendFileSync(process.env.NLC_LOADED_PACKAGES, `${name}\n`);
  return nextLoad(url, context);
}
