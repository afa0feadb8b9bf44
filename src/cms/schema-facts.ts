import type { z } from "zod";

/** What a zod field accepts, read from the schema itself so the CMS form cannot drift from the check. */
export interface FieldFacts {
  /** The check refuses a page without it. */
  required: boolean;
  /** The kinds of value accepted: "string", "number", "int", "boolean", "date", "false", "array", "object". */
  kinds: Set<string>;
  /** Regular expressions a text value must match (for a list, each item). */
  patterns: RegExp[];
  /** The fixed choices, for an enum (or a list of one). */
  choices: string[];
}

type Def = z.core.$ZodTypeDef & {
  innerType?: z.core.$ZodType;
  options?: readonly z.core.$ZodType[];
  element?: z.core.$ZodType;
  entries?: Record<string, string>;
  values?: readonly unknown[];
  checks?: ReadonlyArray<{ _zod: { def: { check: string; format?: string; pattern?: RegExp } } }>;
};

function walk(schema: z.core.$ZodType, facts: FieldFacts): void {
  const def = schema._zod.def as Def;
  switch (def.type) {
    case "optional":
    case "default":
    case "nullable":
    case "readonly":
      if (def.type !== "nullable") facts.required = false;
      if (def.innerType) walk(def.innerType, facts);
      return;
    case "union":
      for (const option of def.options ?? []) walk(option, facts);
      return;
    case "array":
      facts.kinds.add("array");
      if (def.element) walk(def.element, facts);
      return;
    case "enum":
      facts.kinds.add("string");
      facts.choices.push(...Object.values(def.entries ?? {}));
      return;
    case "literal":
      for (const value of def.values ?? []) facts.kinds.add(String(value));
      return;
    default:
      facts.kinds.add(def.type);
      for (const check of def.checks ?? []) {
        const checkDef = check._zod.def;
        if (checkDef.format === "safeint") facts.kinds.add("int");
        if (checkDef.pattern instanceof RegExp && checkDef.format === "regex") facts.patterns.push(checkDef.pattern);
      }
  }
}

export function fieldFacts(schema: z.core.$ZodType): FieldFacts {
  const facts: FieldFacts = { required: true, kinds: new Set(), patterns: [], choices: [] };
  walk(schema, facts);
  // A union of a choice and a list of the same choices names each twice.
  facts.choices = [...new Set(facts.choices)];
  return facts;
}
