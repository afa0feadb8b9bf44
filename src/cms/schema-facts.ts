import { z } from "zod";
import { frontMatterSchema } from "../content/schema.js";

/**
 * What each front-matter field accepts, read from the schema through zod's
 * own JSON Schema (z.toJSONSchema), so the browser editor's form cannot drift
 * from the check: required or not, kinds, patterns, choices, lengths, dates.
 */
export interface FieldFacts {
  /** The check refuses a page without it. */
  required: boolean;
  /** The kinds of value accepted: "string", "number", "int", "boolean", "date", "false", "array", "object". */
  kinds: Set<string>;
  /** Regular expressions (source text) a text value must match (for a list, each item). */
  patterns: string[];
  /** The fixed choices, for an enum (or a list of one). */
  choices: string[];
  /** Length limits of a text, in characters. */
  minLength?: number;
  maxLength?: number;
  /** For a date: the earliest and latest days accepted, YYYY-MM-DD. */
  earliest?: string;
  latest?: string;
}

interface JsonSchema {
  type?: string;
  const?: unknown;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  items?: JsonSchema;
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  formatMinimum?: string;
  formatMaximum?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
}

function walk(schema: JsonSchema, facts: FieldFacts): void {
  for (const option of schema.anyOf ?? []) walk(option, facts);
  if (schema.const === false) {
    facts.kinds.add("false");
    return;
  }
  if (schema.format === "date") {
    facts.kinds.add("date");
    facts.earliest = schema.formatMinimum;
    facts.latest = schema.formatMaximum;
    return;
  }
  switch (schema.type) {
    case "array":
      facts.kinds.add("array");
      if (schema.items) walk(schema.items, facts);
      return;
    case "integer":
      facts.kinds.add("number").add("int");
      return;
    case undefined:
      return;
    default:
      facts.kinds.add(schema.type);
  }
  for (const choice of schema.enum ?? []) if (typeof choice === "string") facts.choices.push(choice);
  if (schema.pattern) facts.patterns.push(schema.pattern);
  if (schema.minLength !== undefined) facts.minLength = schema.minLength;
  if (schema.maxLength !== undefined) facts.maxLength = schema.maxLength;
}

/** The facts of every field, from one JSON Schema of the whole front matter. */
function schemaFacts(schema: z.ZodObject = frontMatterSchema): Record<string, FieldFacts> {
  // Dates are not JSON: the schema describes them with metadata (format "date"), the rest zod writes itself.
  const json = z.toJSONSchema(schema, { unrepresentable: "any", io: "input" }) as JsonSchema;
  const facts: Record<string, FieldFacts> = {};
  for (const [name, property] of Object.entries(json.properties ?? {})) {
    const field: FieldFacts = {
      required: (json.required ?? []).includes(name),
      kinds: new Set(),
      patterns: [],
      choices: [],
    };
    walk(property, field);
    // A union of a choice and a list of the same choices names each twice.
    field.choices = [...new Set(field.choices)];
    facts[name] = field;
  }
  return facts;
}

const cached = schemaFacts();

/** What one field of the front-matter schema accepts. */
export function fieldFacts(name: string): FieldFacts {
  const facts = cached[name];
  if (!facts) throw new Error(`"${name}" is not a field of the front-matter schema`);
  return facts;
}
