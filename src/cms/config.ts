import { frontMatterSchema, pageAddress, sitePath } from "../content/schema.js";
import {
  cmsFields,
  isOffered,
  layoutsNotForPages,
  navLabels,
  type CmsCollection,
  type CmsFieldSpec,
} from "../content/field-words.js";
import { fieldFacts } from "./schema-facts.js";
import type { CmsSettings } from "../core/settings.js";

export type { CmsSettings };

/**
 * The Decap CMS configuration (/admin/config.yml), made from the front-matter
 * schema: the form offers only fields the check knows, requires what it
 * requires, and uses its patterns and choices.
 */

export type CmsWidgetConfig = Record<string, unknown> & {
  name: string;
  label: string;
  widget: string;
  required: boolean;
};

export const shape = frontMatterSchema.shape;
export type FieldName = keyof typeof shape;

function title(name: string): string {
  const words = name.replace(/[-_]+/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** One field of one collection's form, from the schema's facts and the table of words. */
/** The address rule's patterns, for the fields that hold addresses. */
const addressPatterns: Partial<Record<FieldName, RegExp>> = { permalink: pageAddress, redirect_from: sitePath };

export function cmsField(
  name: FieldName,
  spec: CmsFieldSpec,
  collection: CmsCollection,
  layouts: readonly string[],
): CmsWidgetConfig {
  const facts = fieldFacts(shape[name]);
  const field: CmsWidgetConfig = {
    name,
    label: spec.label,
    hint: spec.hint,
    widget: spec.widget,
    required: facts.required || (spec.requiredIn ?? []).includes(collection),
  };
  // Addresses are checked by the address rule (src/core/addresses.ts), not by a pattern in the schema: the form uses that rule's own patterns.
  const pattern = addressPatterns[name] ?? facts.patterns[0];
  const patternRule = pattern ? [pattern.source, `Not a clean address: ${spec.hint}`] : undefined;
  switch (spec.widget) {
    case "string":
    case "text":
      if (patternRule) field.pattern = patternRule;
      break;
    case "number":
      field.value_type = facts.kinds.has("int") ? "int" : "float";
      field.step = 1;
      break;
    case "select":
      if (name === "layout") {
        field.options = layouts
          .filter((layout) => !(layoutsNotForPages as readonly string[]).includes(layout))
          .map((layout) => ({ label: title(layout), value: `${layout}.njk` }));
      } else {
        field.multiple = facts.kinds.has("array");
        field.options = facts.choices
          .filter((choice) => choice in navLabels)
          .map((choice) => ({ label: navLabels[choice], value: choice }));
      }
      break;
    case "datetime":
      Object.assign(field, { format: "YYYY-MM-DD", date_format: "D MMMM YYYY", time_format: false, picker_utc: true });
      break;
    case "boolean":
      field.default = false;
      break;
    case "list":
      field.field = {
        name: "address",
        label: "Address",
        widget: "string",
        ...(patternRule ? { pattern: patternRule } : {}),
      };
      break;
    case "image":
      field.choose_url = false;
      break;
  }
  return field;
}

export function collectionFields(collection: CmsCollection, layouts: readonly string[]): CmsWidgetConfig[] {
  const fields: CmsWidgetConfig[] = [];
  for (const name of Object.keys(cmsFields) as FieldName[]) {
    const spec = cmsFields[name];
    if (isOffered(spec) && spec.in.includes(collection)) fields.push(cmsField(name, spec, collection, layouts));
  }
  fields.push({
    name: "body",
    label: "Text",
    widget: "markdown",
    required: true,
    hint: "Headings start at level 2. Use the Picture button for images (each needs a description) and Video for a Vimeo video.",
    editor_components: ["picture", "video", "document"],
    modes: ["rich_text", "raw"],
    sanitize_preview: true,
  });
  return fields;
}

/** Safe file names for pages and uploads: ASCII, no accents, hyphens for anything else. */
export const slugOptions = { encoding: "ascii", clean_accents: true, sanitize_replacement: "-" } as const;

export const mediaFolders = {
  images: { folder: "static/img", public: "/static/img" },
  documents: { folder: "static/documents", public: "/static/documents" },
} as const;

export function cmsConfig(settings: CmsSettings, layouts: readonly string[]): Record<string, unknown> {
  const auth = settings.authUrl ? new URL(settings.authUrl) : undefined;
  const backend: Record<string, unknown> = {
    name: "github",
    branch: settings.branch,
    ...(settings.repo ? { repo: settings.repo } : {}),
    ...(auth ? { base_url: auth.origin, auth_endpoint: auth.pathname.replace(/^\/+/, "") || "auth" } : {}),
    squash_merges: true,
    // The commit status .github/workflows/pull-request.yml posts with the preview's address: "View preview".
    preview_context: "deploy/netlify-preview",
    commit_messages: {
      create: "Create {{collection}} “{{slug}}”",
      update: "Update {{collection}} “{{slug}}”",
      delete: "Delete {{collection}} “{{slug}}”",
      uploadMedia: "Upload “{{path}}”",
      deleteMedia: "Delete “{{path}}”",
    },
  };
  const local = settings.localBackend
    ? { local_backend: { url: settings.localBackend, allowed_hosts: ["127.0.0.1", "localhost"] } }
    : { publish_mode: "editorial_workflow" };
  return {
    backend,
    ...local,
    locale: "en",
    ...(settings.siteUrl ? { site_url: settings.siteUrl, display_url: settings.siteUrl } : {}),
    media_folder: mediaFolders.images.folder,
    public_folder: mediaFolders.images.public,
    slug: slugOptions,
    collections: [
      {
        name: "posts",
        label: "News posts",
        label_singular: "News post",
        description:
          "News posts appear on /news/ and in the feed, newest first. A post dated in the future is published on that day.",
        folder: "content/news/posts",
        create: true,
        extension: "md",
        format: "frontmatter",
        slug: "{{slug}}",
        identifier_field: "title",
        summary: "{{title}} ({{date}})",
        sortable_fields: ["date", "title"],
        preview_path: "news/{{slug}}/",
        fields: collectionFields("posts", layouts),
      },
      {
        name: "pages",
        label: "Pages",
        label_singular: "Page",
        description: "The site's pages. Menus are made from each page's Menus and Position fields.",
        folder: "content",
        create: true,
        extension: "md",
        format: "frontmatter",
        slug: "{{slug}}",
        identifier_field: "title",
        fields: collectionFields("pages", layouts),
      },
    ],
  };
}

/** config.yml's text. JSON is YAML, and needs no YAML writer. */
export function cmsConfigYaml(settings: CmsSettings, layouts: readonly string[]): string {
  return `# Made by src/cms/config.ts from src/content/schema.ts at build time: edit those, not this.\n${JSON.stringify(cmsConfig(settings, layouts), null, 2)}\n`;
}
