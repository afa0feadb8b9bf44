import { readableDate } from "../render/dates.js";

/**
 * Scheduled posts: a page dated after today is left out of the published
 * site until its day comes; the deploy workflow rebuilds every morning so it
 * appears on time. "Today" is the build's day in UTC, or NLC_NOW (YYYY-MM-DD)
 * when set, so tests and a rebuild of an old commit are reproducible.
 */
export function today(env: NodeJS.ProcessEnv = process.env): string {
  const override = (env.NLC_NOW ?? "").trim();
  if (override) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(override) || Number.isNaN(Date.parse(override))) throw new Error(`NLC_NOW must be a date written as YYYY-MM-DD (it is "${override}")`);
    return override;
  }
  return new Date().toISOString().slice(0, 10);
}

/** The page's date as YYYY-MM-DD, when it has one. */
function dayOf(date: unknown): string | undefined {
  return date instanceof Date && !Number.isNaN(date.getTime()) ? date.toISOString().slice(0, 10) : undefined;
}

/** The day a page dated in the future will be published, or undefined for a page that is due (or has no date). */
export function scheduledFor(data: { date?: unknown }, now = today()): string | undefined {
  const day = dayOf(data.date);
  return day !== undefined && day > now ? day : undefined;
}

/** The editor's notice for a scheduled page: when it will appear. */
export function scheduledMessage(day: string): string {
  return `this post is dated ${readableDate(new Date(`${day}T00:00:00Z`))}, so it will be published on that day by the daily rebuild, not before; change date: to publish it sooner`;
}
