import { scheduledFor } from "./scheduled.js";

/**
 * Drafts (`draft: true`) and pages dated in the future (scheduled.ts) show in
 * the preview (`npm start`) and not in the published site. Eleventy sets ELEVENTY_RUN_MODE to "build" for a build,
 * "serve" or "watch" for a preview.
 */
function isPublished(
  data: { draft?: unknown; date?: unknown },
  today: string,
  runMode = process.env.ELEVENTY_RUN_MODE,
): boolean {
  return !((data.draft === true || scheduledFor(data, today) !== undefined) && runMode === "build");
}

/** An Eleventy preprocessor: returning false leaves the page out. `today`: YYYY-MM-DD. */
export function dropDraftsFromBuild(data: Record<string, unknown>, today: string): false | undefined {
  return isPublished(data, today) ? undefined : false;
}
