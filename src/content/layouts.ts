import { readdirSync } from "node:fs";

/**
 * Layout names editors may write. The NLC's pages say `layouts/primary.njk`;
 * newer ones say `primary.njk` or `primary`. Each layout file answers to all three.
 */
export function layoutAliases(layoutsDir: string): Record<string, string> {
  const aliases: Record<string, string> = {};
  for (const file of readdirSync(layoutsDir)) {
    if (!file.endsWith(".njk")) continue;
    aliases[`layouts/${file}`] = file;
    aliases[`layouts/${file.slice(0, -4)}`] = file;
    aliases[file.slice(0, -4)] = file;
  }
  return aliases;
}

export function layoutNames(layoutsDir: string): string[] {
  return readdirSync(layoutsDir).filter((file) => file.endsWith(".njk")).map((file) => file.slice(0, -4)).sort();
}
