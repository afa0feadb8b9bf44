// `npm run build`: builds the site into _site/, or leaves the last good one untouched.
import { buildSite } from "../build.js";

const started = performance.now();
const result = await buildSite({ output: process.env.NLC_OUTPUT || "_site" });
for (const message of result.messages) console.error(message);
if (result.ok) {
  console.log(`Built ${result.pages} files into ${process.env.NLC_OUTPUT || "_site"}/ in ${((performance.now() - started) / 1000).toFixed(2)} s.`);
} else {
  console.error("The build stopped. The site in _site/ has not been changed.");
  process.exitCode = 1;
}
