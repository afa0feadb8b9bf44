import yaml from "js-yaml";

/**
 * The one YAML reader, for the checker and for Eleventy alike: `.eleventy.ts`
 * hands `parseYaml` to Eleventy as its front-matter engine, so a page the
 * check accepts is a page the build reads the same way (js-yaml 4, the
 * version Eleventy 3 ships with). It refuses what an editor never needs and
 * an attacker would use: alias bombs and keys that reach JavaScript's
 * object machinery.
 */

/** How many values the data may hold once aliases (`*name`) are expanded: far above any real page. */
const maxExpandedValues = 10_000;
/** How many aliases a block may use. */
const maxAliases = 50;
const refusedKeys = new Set(["__proto__", "constructor", "prototype"]);

/** A problem in a YAML block: `line` counts from the block's first line (0), as js-yaml does. */
export class YamlProblem extends Error {
  readonly line: number;

  constructor(message: string, line: number) {
    super(message);
    this.line = line;
  }
}

/** Aliases in the text (`*name` outside quotes is close enough: this only caps their number). */
function countAliases(text: string): number {
  let count = 0;
  for (const match of text.matchAll(/(?:^|[\s,[{:-])\*[^\s,[\]{}]/g)) if (match) count += 1;
  return count;
}

/** Walks the data as a reader would see it with aliases expanded, stopping at the budget or at a refused key. */
function inspect(value: unknown, text: string): void {
  let budget = maxExpandedValues;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const current = stack.pop();
    budget -= 1;
    if (budget < 0) throw new YamlProblem("the front matter repeats itself too many times through aliases (*name); write each value out instead", 0);
    if (current === null || typeof current !== "object" || current instanceof Date) continue;
    for (const key of Object.keys(current)) {
      if (refusedKeys.has(key)) {
        throw new YamlProblem(`"${key}" cannot be used as a field name; remove that line`, lineOfKey(text, key));
      }
      stack.push((current as Record<string, unknown>)[key]);
    }
  }
}

function lineOfKey(text: string, key: string): number {
  const lines = text.split("\n");
  const index = lines.findIndex((line) => line.trimStart().replace(/^- /, "").replace(/^["']/, "").startsWith(key));
  return Math.max(0, index);
}

/**
 * Blocks already read, so a build reads each page's YAML once: the check
 * reads it, then Eleventy gets a copy (copies, because Eleventy adds to the
 * data it is given). Bounded, as the preview runs for hours.
 */
const cache = new Map<string, unknown>();
const cacheSize = 20_000;

/** Reads a YAML block. Throws YamlProblem with an editor's sentence and the block line at fault. */
export function parseYaml(text: string): unknown {
  if (cache.has(text)) return structuredClone(cache.get(text));
  const data = readYaml(text);
  if (cache.size >= cacheSize) cache.clear();
  cache.set(text, data);
  return structuredClone(data);
}

function readYaml(text: string): unknown {
  if (countAliases(text) > maxAliases) throw new YamlProblem(`the front matter uses more than ${maxAliases} aliases (*name); write each value out instead`, 0);
  let data: unknown;
  try {
    data = yaml.load(text, { schema: yaml.DEFAULT_SCHEMA, json: false });
  } catch (caught) {
    const failure = caught as { reason?: unknown; mark?: { line?: unknown } };
    const line = typeof failure.mark?.line === "number" ? failure.mark.line : 0;
    const reason = typeof failure.reason === "string" ? failure.reason : "it could not be read";
    throw new YamlProblem(reason, line);
  }
  inspect(data, text);
  return data;
}
