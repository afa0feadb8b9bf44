import { readFileSync, writeFileSync } from "node:fs";
import { fieldTable } from "../content/schema.js";

const section = /(<!-- fields:start[^>]*-->\n)[\s\S]*?(<!-- fields:end -->)/;

/** docs/editing.md with its field table made anew from the schema. */
export function withFieldTable(guide: string): string {
  if (!section.test(guide))
    throw new Error("docs/editing.md has no <!-- fields:start --> … <!-- fields:end --> section for the field table");
  return guide.replace(section, (_, start: string, end: string) => `${start}${fieldTable()}\n${end}`);
}

export function updateFieldTable(path: string): boolean {
  const guide = readFileSync(path, "utf8");
  const updated = withFieldTable(guide);
  if (updated !== guide) writeFileSync(path, updated);
  return updated !== guide;
}
