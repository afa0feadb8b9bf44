// `npm run check [-- --strict]`: every content check the build makes, without writing _site/.
import { buildSite } from "../build/build.js";
import { printProblems } from "./report.js";

const started = performance.now();
const result = await buildSite({ write: false, strict: process.argv.includes("--strict") });
printProblems(result.problems);
const seconds = ((performance.now() - started) / 1000).toFixed(2);
if (result.ok)
  console.log(
    `Checked ${result.pages} pages in ${seconds} s: ${result.problems.length === 0 ? "no problems" : "no errors"}.`,
  );
else process.exitCode = 1;
