import { formatProblem, sortProblems, summarise, type Problem } from "../checks/problems.js";

/** Prints every problem, one clickable line each, then the count. */
export function printProblems(problems: readonly Problem[]): void {
  for (const problem of sortProblems(problems)) console.error(formatProblem(problem));
  if (problems.length > 0) console.error(`\n${summarise(problems)}`);
}
