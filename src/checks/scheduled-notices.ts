import { scheduledFor, scheduledMessage, today } from "../content/scheduled.js";
import { fieldLine } from "./page-source.js";
import { warning, type Problem } from "../core/problems.js";

/** A notice for each page dated in the future: it is left out of the build until its day (src/content/scheduled.ts). */
export function scheduledNotices(
  pages: ReadonlyArray<{ file: string; data: Record<string, unknown> | undefined; text: string }>,
  now = today(),
): Problem[] {
  const notices: Problem[] = [];
  for (const page of pages) {
    const day = page.data ? scheduledFor(page.data, now) : undefined;
    if (day) notices.push(warning(page.file, fieldLine(page.text, "date"), 1, scheduledMessage(day)));
  }
  return notices;
}
