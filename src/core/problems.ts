/**
 * The Eleventy event a step of the build other than the checks emits with
 * problems it found in editors' files (a picture that cannot be made), so
 * the checks' report lists them with every other problem of the run.
 */
export const buildProblemsEvent = "nlc:build-problems";

/** One thing wrong with the content, located so an editor's tools can jump to it. */
export interface Problem {
  /** Path from the project folder, e.g. "content/contact.md". */
  file: string;
  line: number;
  column: number;
  severity: "error" | "warning";
  /** What is wrong and how to fix it, in plain words. */
  message: string;
  /** The site cannot be rendered until this is fixed (bad YAML, a missing layout, two pages at one address). */
  blocksRender?: boolean;
}

export function error(file: string, line: number, column: number, message: string, blocksRender = false): Problem {
  return { file, line, column, severity: "error", message, ...(blocksRender ? { blocksRender } : {}) };
}

export function warning(file: string, line: number, column: number, message: string): Problem {
  return { file, line, column, severity: "warning", message };
}

/** Problems in file, line and column order, so a report reads top to bottom. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort((a, b) =>
    a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column,
  );
}

/** `path:line:column: error: message` — the form editors' tools make clickable. */
export function formatProblem(problem: Problem): string {
  return `${problem.file}:${problem.line}:${problem.column}: ${problem.severity}: ${problem.message}`;
}

export function countErrors(problems: readonly Problem[], strict = false): number {
  return problems.filter((problem) => problem.severity === "error" || strict).length;
}

/** The summary line under a report: "2 errors, 1 warning". */
export function summarise(problems: readonly Problem[]): string {
  const errors = problems.filter((problem) => problem.severity === "error").length;
  const warnings = problems.length - errors;
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;
  return `${plural(errors, "error")}, ${plural(warnings, "warning")}`;
}

/** Where each line of the last text asked about starts: asking again about the same text costs a binary search. */
let indexed: { text: string; starts: number[] } | undefined;

function lineStarts(text: string): number[] {
  if (indexed?.text !== text) {
    const starts = [0];
    for (let at = text.indexOf("\n"); at >= 0; at = text.indexOf("\n", at + 1)) starts.push(at + 1);
    indexed = { text, starts };
  }
  return indexed.starts;
}

/** Line and column (both from 1) of a character offset in a text. Many offsets in one text read it once. */
export function positionAt(text: string, offset: number): { line: number; column: number } {
  const at = Math.max(0, Math.min(offset, text.length));
  const starts = lineStarts(text);
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((starts[middle] ?? 0) <= at) low = middle;
    else high = middle - 1;
  }
  return { line: low + 1, column: at - (starts[low] ?? 0) + 1 };
}

/**
 * Problems that stop a build, as an error Eleventy shows by its message
 * alone (no stack trace): `skipOriginalStack` is Eleventy's documented way
 * to say so. `problems` keeps them whole for whoever runs the build.
 */
export class EditorError extends Error {
  readonly skipOriginalStack = true;
  readonly problems: readonly Problem[];

  constructor(heading: string, problems: readonly Problem[]) {
    const sorted = sortProblems(problems);
    super(`${heading}\n${sorted.map(formatProblem).join("\n")}\n${summarise(sorted)}`);
    this.problems = sorted;
  }
}
