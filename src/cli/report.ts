import { formatProblem, sortProblems, summarise, type Problem } from "../core/problems.js";

/** A workflow command's message, escaped as GitHub documents: % and line breaks. */
export function escapeAnnotationData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** A workflow command's property value (file=…): the message's escapes, plus : and , which end a property. */
export function escapeAnnotationProperty(text: string): string {
  return escapeAnnotationData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/** `::error file=…,line=…,col=…::message`: GitHub Actions shows it on the pull request, at that line of the file. */
export function formatAnnotation(problem: Problem): string {
  const command = problem.severity === "error" ? "error" : "warning";
  return `::${command} file=${escapeAnnotationProperty(problem.file)},line=${problem.line},col=${problem.column}::${escapeAnnotationData(problem.message)}`;
}

/** Whether this run is a GitHub Actions job, where annotations reach the pull request. */
export function inGitHubActions(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.GITHUB_ACTIONS === "true";
}

/** Prints every problem, one clickable line each, then the count; in GitHub Actions, each also as an annotation. */
export function printProblems(problems: readonly Problem[], env: NodeJS.ProcessEnv = process.env): void {
  const sorted = sortProblems(problems);
  for (const problem of sorted) console.error(formatProblem(problem));
  if (problems.length > 0) console.error(`\n${summarise(problems)}`);
  // Workflow commands are read from standard output.
  if (inGitHubActions(env)) for (const problem of sorted) console.log(formatAnnotation(problem));
}
