import { scheduledFor } from "./scheduled.js";

/**
 * Drafts (`draft: true`) and pages dated in the future (scheduled.ts) show in
 * the preview (`npm start`) and not in the published site. Eleventy sets ELEVENTY_RUN_MODE to "build" for a build,
 * "serve" or "watch" for a preview.
 */
export function isPublished(data: { draft?: unknown; date?: unknown }, runMode = process.env.ELEVENTY_RUN_MODE): boolean {
  return !((data.draft === true || scheduledFor(data) !== undefined) && runMode === "build");
}

/** An Eleventy preprocessor: returning false leaves the page out. */
export function dropDraftsFromBuild(data: Record<string, unknown>): false | undefined {
  return isPublished(data) ? undefined : false;
}
