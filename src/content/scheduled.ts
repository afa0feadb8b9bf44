/**
 * Scheduled posts: a page dated after today is left out of the published
 * site until its day comes; the deploy workflow rebuilds every morning so it
 * appears on time. "Today" is a setting (src/core/settings.ts: the build's
 * day in UTC, or NLC_NOW), so tests and a rebuild of an old commit are reproducible.
 */

/** The page's date as YYYY-MM-DD, when it has one. */
function dayOf(date: unknown): string | undefined {
  return date instanceof Date && !Number.isNaN(date.getTime()) ? date.toISOString().slice(0, 10) : undefined;
}

/** The day a page dated in the future will be published, or undefined for a page that is due (or has no date). */
export function scheduledFor(data: { date?: unknown }, now: string): string | undefined {
  const day = dayOf(data.date);
  return day !== undefined && day > now ? day : undefined;
}
