// `npm ci`'s postinstall: puts Decap CMS's pinned bundle into node_modules/.cache/ (src/cms/decap-bundle.ts).
// Offline, it says so in one line and lets the install finish: the build fetches the bundle when it first
// needs it. A tarball that is not the pinned one stops the install.
import { relative } from "node:path";
import { DecapBundleError, decapRelease, ensureDecapBundle } from "../cms/decap-bundle.js";

try {
  const dir = await ensureDecapBundle();
  console.log(`Decap CMS ${decapRelease.version}'s bundle for /admin/ is in ${relative(process.cwd(), dir) || dir}/.`);
} catch (caught) {
  const message = caught instanceof Error ? caught.message : String(caught);
  if (caught instanceof DecapBundleError && caught.unreachable) {
    console.warn(`${message} (The install goes on; the build will try again.)`);
  } else {
    console.error(message);
    process.exitCode = 1;
  }
}
