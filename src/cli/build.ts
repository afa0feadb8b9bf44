// `npm run build [-- --strict]`: checks the content and builds the site into _site/ (or NLC_OUTPUT).
// A failed build leaves the last good site untouched.
import { buildSite } from "../build/build.js";
import { printProblems } from "./report.js";

const started = performance.now();
const output = process.env.NLC_OUTPUT || "_site";
const result = await buildSite({ output, strict: process.argv.includes("--strict") });
printProblems(result.problems);
if (result.ok) {
  console.log(`Built ${result.pages} pages into ${output}/ in ${((performance.now() - started) / 1000).toFixed(2)} s.`);
} else {
  console.error(
    result.changed
      ? `The build stopped: fix the problems above. The site in ${output}/ was changed (see above).`
      : `The build stopped: fix the problems above. The site in ${output}/ has not been changed.`,
  );
  process.exitCode = 1;
}
