import type { PageData } from "../core/types.js";

function text(value: unknown): string | undefined {
  if (typeof value === "string" && value.trim() !== "") return value.trim();
  if (typeof value === "number") return String(value);
  return undefined;
}

/** The short name of a page: its `navtitle`, else its `title`, else its address. */
export function pageLabel(data: PageData | undefined, url: string): string {
  return text(data?.navtitle) ?? text(data?.title) ?? url;
}
