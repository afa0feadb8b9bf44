import { scheduledFor } from "../content/scheduled.js";
import { readableDate } from "../render/dates.js";
import { fieldLine } from "./page-source.js";
import { warning, type Problem } from "../core/problems.js";

/** A notice for each page dated in the future: it is left out of the build until its day (src/content/scheduled.ts). */
export function scheduledNotices(
  pages: ReadonlyArray<{ file: string; data: Record<string, unknown> | undefined; text: string }>,
  now: string,
): Problem[] {
  const notices: Problem[] = [];
  for (const page of pages) {
    const day = page.data ? scheduledFor(page.data, now) : undefined;
    if (day) notices.push(warning(page.file, fieldLine(page.text, "date"), 1, scheduledMessage(day)));
  }
  return notices;
}

/** The editor's notice for a scheduled page: when it will appear. */
function scheduledMessage(day: string): string {
  return `this post is dated ${readableDate(new Date(`${day}T00:00:00Z`))}, so it will be published on that day by the daily rebuild, not before; change date: to publish it sooner`;
}
