import { pageTitleMaxLength, pageTitleSuffix, summaryLength, type frontMatterSchema } from "../content/schema.js";
import {
  bodyWords,
  cmsFields,
  editorLayouts,
  isOffered,
  layoutValue,
  navLabels,
  type CmsCollection,
  type CmsFieldSpec,
} from "../content/field-words.js";
import { bodyPattern, bodyPatternMessage } from "../content/body-rules.js";
import { editorFileKinds } from "../content/file-kinds.js";
import { reservedAddresses } from "../core/addresses.js";
import type { CmsSettings } from "../core/settings.js";
import type { EditableArea } from "./local-files.js";
import { fieldFacts, type FieldFacts } from "./schema-facts.js";
import { describeMenus, linkablePages, menusOf, type LinkedUploads, type SitePage } from "./site-pages.js";

export type { CmsSettings };

/**
 * The Decap CMS configuration (/admin/config.yml), made when the site is
 * built from the front-matter schema (what each field accepts, through
 * z.toJSONSchema), the table of words (src/content/field-words.ts) and the
 * site as it stands (menus, addresses, pages). The form offers only fields
 * the check knows, requires what it requires, and refuses what it refuses,
 * with the same numbers.
 */

export type CmsWidgetConfig = Record<string, unknown> & {
  name: string;
  label: string;
  widget: string;
  required: boolean;
};

type FieldName = keyof typeof frontMatterSchema.shape;

/** What the form knows about the site when it is built: its pages and the layouts that exist. */
export interface SiteFacts {
  layouts: readonly string[];
  pages: readonly SitePage[];
  /** The uploads pages use (optional: only the editor's script needs them). */
  linked?: LinkedUploads;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

/** Nothing at or under an address the site's own files use (src/core/addresses.ts). */
const notReserved = reservedAddresses
  .map((taken) => (taken.endsWith("/") ? `(?!${escapeRegExp(taken)})` : `(?!${escapeRegExp(taken)}/?$)`))
  .join("");

/**
 * The form's patterns for addresses. Each is narrower than the address rule
 * (src/core/addresses.ts), so what the form lets through the check accepts
 * (tests/cms/config.test.ts proves it on random addresses): a page's address
 * is a folder ("/our-programme/"), an old address a folder or a file name.
 */
export const formAddressPatterns = {
  permalink: `^${notReserved}/(?:[a-z0-9][a-z0-9._-]*/)*$`,
  redirect_from: `^${notReserved}/(?:[a-z0-9][a-z0-9._-]*/)*(?:[a-z0-9][a-z0-9._-]*\\.[a-z0-9._-]*)?$`,
} as const;

/** Text whose length, leading and trailing spaces aside, is from `min` to `max` characters. */
function lengthPattern(min: number, max: number): string {
  return `^\\s*(?=\\S)[\\s\\S]{${Math.max(min, 1)},${max}}(?<=\\S)\\s*$`;
}

/** The form's rule for a text's length: its pattern, the refusal's words, and the words for its hint. */
function lengthRule(
  name: FieldName,
  facts: FieldFacts,
): { pattern: string; refusal: string; hint: string } | undefined {
  if (facts.maxLength === undefined) return undefined;
  const min = facts.minLength ?? 1;
  const max = facts.maxLength;
  const pattern = lengthPattern(min, max);
  if (name === "title") {
    const why = `the site adds "${pageTitleSuffix}" to make the ${pageTitleMaxLength} characters browser tabs and search results show.`;
    return {
      pattern,
      refusal: `Shorten the title to ${max} characters or fewer: ${why}`,
      hint: `Up to ${max} characters: ${why}`,
    };
  }
  const why = `search engines cut a longer one off${min === summaryLength.min ? ", and a shorter one says too little" : ""}.`;
  return {
    pattern,
    refusal: `Write ${min} to ${max} characters: ${why}`,
    hint: `Between ${min} and ${max} characters: ${why}`,
  };
}

/** The year of a day written YYYY-MM-DD. */
function year(day: string | undefined): number | undefined {
  return day ? Number(day.slice(0, 4)) : undefined;
}

/** One field of one collection's form, from the schema's facts, the table of words and the site as it stands. */
function cmsField(name: FieldName, spec: CmsFieldSpec, collection: CmsCollection, site: SiteFacts): CmsWidgetConfig {
  const facts = fieldFacts(name);
  const required = facts.required || (spec.requiredIn ?? []).includes(collection);
  const field: CmsWidgetConfig = { name, label: spec.label, hint: spec.hint, widget: spec.widget, required };
  switch (spec.widget) {
    case "string":
    case "text": {
      const rule = lengthRule(name, facts);
      if (rule) {
        field.pattern = [rule.pattern, rule.refusal];
        field.hint = `${spec.hint} ${rule.hint}`;
      }
      if (name === "image_alt") Object.assign(field, { widget: "nlc-description", needed_with: "image" });
      break;
    }
    case "address":
      Object.assign(field, {
        widget: "nlc-address",
        pattern: [formAddressPatterns.permalink, `Not a clean address: ${spec.hint}`],
        // Addresses other pages have, so the form refuses one already taken (the check refuses it too).
        taken: site.pages.flatMap((page) =>
          page.draft
            ? []
            : [
                ...(page.address ? [{ address: page.address, file: page.file, title: page.title }] : []),
                ...page.oldAddresses.map((address) => ({ address, file: page.file, title: page.title })),
              ],
        ),
      });
      break;
    case "position": {
      const menus = menusOf(site.pages);
      Object.assign(field, {
        widget: "nlc-position",
        value_type: "int",
        step: 1,
        hint: `${spec.hint} To put a page between two others, give it a number between theirs. The menus now: ${describeMenus(menus) || "none yet."}`,
        menus,
        menu_labels: navLabels,
      });
      break;
    }
    case "select":
      if (name === "layout") {
        field.options = editorLayouts
          .filter((layout) => site.layouts.includes(layout.name))
          .map((layout) => ({ label: layout.label, value: layoutValue(layout.name) }));
      } else {
        field.multiple = facts.kinds.has("array");
        field.options = facts.choices
          .filter((choice) => choice in navLabels)
          .map((choice) => ({ label: navLabels[choice], value: choice }));
      }
      break;
    case "date":
      Object.assign(field, {
        widget: "nlc-date",
        earliest_year: year(facts.earliest),
        latest_year: year(facts.latest),
      });
      break;
    case "boolean":
      field.default = false;
      break;
    case "list":
      field.field = {
        name: "address",
        label: "Address",
        widget: "string",
        pattern: [formAddressPatterns.redirect_from, `Not a clean address: ${spec.hint}`],
      };
      break;
    case "image":
      field.choose_url = false;
      break;
    case "number":
      field.value_type = facts.kinds.has("int") ? "int" : "float";
      field.step = 1;
      break;
  }
  return field;
}

/** The markdown toolbar: no Heading 1 (the title is the page's heading 1). */
const markdownButtons = [
  "bold",
  "italic",
  "link",
  "heading-two",
  "heading-three",
  "heading-four",
  "quote",
  "bulleted-list",
  "numbered-list",
];

function collectionFields(collection: CmsCollection, site: SiteFacts): CmsWidgetConfig[] {
  const fields: CmsWidgetConfig[] = [];
  for (const name of Object.keys(cmsFields) as FieldName[]) {
    const spec = cmsFields[name];
    if (isOffered(spec) && spec.in.includes(collection)) fields.push(cmsField(name, spec, collection, site));
    // Every other field of the schema is in the form unseen: its value is kept as it is, and Decap
    // writes every field in this one order, so saving a page changes only the lines edited.
    else fields.push({ name, label: name, widget: "hidden", required: false });
  }
  fields.push({
    name: "body",
    label: bodyWords.label,
    widget: "markdown",
    required: collection !== "home" && collection !== "news",
    hint: bodyWords.hint,
    buttons: markdownButtons,
    editor_components: ["image", "document", "page-link", "video"],
    modes: ["rich_text", "raw"],
    sanitize_preview: true,
    pattern: [bodyPattern(), bodyPatternMessage],
  });
  return fields;
}

/** Safe file names for pages and uploads: ASCII, no accents, hyphens for anything else. */
const slugOptions = { encoding: "ascii", clean_accents: true, sanitize_replacement: "-" } as const;

/**
 * Where uploads go. Decap has one media folder; the editor (src/cms/admin-setup.js)
 * moves each upload into its kind's folder (src/content/file-kinds.ts) as it saves.
 */
const mediaFolders = {
  images: { folder: "static/img", public: "/static/img" },
  documents: { folder: "static/documents", public: "/static/documents" },
} as const;

/** The upload rules the editor's browser script enforces: each extension a kind may have, and its folder. */
export function uploadKinds(): Array<{ extensions: readonly string[]; label: string; folder: string }> {
  return editorFileKinds.map((kind) => ({
    extensions: kind.extensions,
    label: kind.label,
    folder: kind.folder === "img" ? mediaFolders.images.folder : mediaFolders.documents.folder,
  }));
}

/** Pages laid out by developers (404, search, cookies, the home page): out of the Pages collection's folder. */
const developerPagesFolder = "content/site";

/** The pages and uploads the editor edits: its collections' folders and files, and the upload folders. */
export const editableArea: EditableArea = {
  pageFolders: ["content", "content/news/posts"],
  pageFiles: [`${developerPagesFolder}/index.md`, "content/news/index.md"],
  uploadFolders: { img: mediaFolders.images.folder, documents: mediaFolders.documents.folder },
};

export function cmsConfig(settings: CmsSettings, site: SiteFacts): Record<string, unknown> {
  const auth = settings.authUrl ? new URL(settings.authUrl) : undefined;
  const backend: Record<string, unknown> = {
    name: "github",
    branch: settings.branch,
    ...(settings.repo ? { repo: settings.repo } : {}),
    ...(auth ? { base_url: auth.origin, auth_endpoint: auth.pathname.replace(/^\/+/, "") || "auth" } : {}),
    // What the editor's GitHub login may reach: docs/cms.md.
    auth_scope: settings.authScope,
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
  // Locally the site is previewed on the editor's own origin: "/" makes every "View Live" link an address on it.
  const local = settings.localBackend
    ? { local_backend: { url: settings.localBackend, allowed_hosts: ["127.0.0.1", "localhost"] }, site_url: "/" }
    : {
        publish_mode: "editorial_workflow",
        ...(settings.siteUrl ? { site_url: settings.siteUrl, display_url: settings.siteUrl } : {}),
      };
  const frontMatter = { extension: "md", format: "frontmatter" };
  return {
    backend,
    ...local,
    locale: "en",
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
        folder: editableArea.pageFolders[1],
        create: true,
        ...frontMatter,
        slug: "{{slug}}",
        identifier_field: "title",
        summary: "{{title}} ({{date}})",
        sortable_fields: ["date", "title"],
        preview_path: "news/{{slug}}/",
        fields: collectionFields("posts", site),
      },
      {
        name: "pages",
        label: "Pages",
        label_singular: "Page",
        description:
          "The site's pages. Menus are made from each page's Menus and Position fields. The home page and the News page are under Home and News.",
        folder: editableArea.pageFolders[0],
        create: true,
        ...frontMatter,
        slug: "{{slug}}",
        identifier_field: "title",
        summary: "{{title}} ({{permalink}})",
        preview_path: "{{permalink}}/",
        preview_path_preserve_slashes: true,
        fields: collectionFields("pages", site),
      },
      {
        name: "sections",
        label: "Home and News",
        description:
          "The home page and the News page: their words and their place in the menus. A developer lays them out.",
        delete: false,
        ...frontMatter,
        files: [
          {
            name: "home",
            label: "Home page",
            file: editableArea.pageFiles[0],
            preview_path: "",
            fields: collectionFields("home", site),
          },
          {
            name: "news",
            label: "News page",
            file: editableArea.pageFiles[1],
            preview_path: "news/",
            fields: collectionFields("news", site),
          },
        ],
      },
    ],
  };
}

/**
 * What the editor's own script (src/cms/admin-setup.js) needs that is not Decap's: the site's name,
 * the pages to link to, the kinds of file to upload, and the uploads pages use (which it will not delete).
 */
export function editorData(
  site: SiteFacts,
  siteName: string,
): {
  siteName: string;
  pages: Array<{ title: string; address: string }>;
  uploads: ReturnType<typeof uploadKinds>;
  linked: LinkedUploads;
} {
  return { siteName, pages: linkablePages(site.pages), uploads: uploadKinds(), linked: site.linked ?? {} };
}

/** config.yml's text. JSON is YAML, and needs no YAML writer. */
export function cmsConfigYaml(settings: CmsSettings, site: SiteFacts): string {
  return `# Made by src/cms/config.ts from src/content/schema.ts and content/ at build time: edit those, not this.\n${JSON.stringify(cmsConfig(settings, site), null, 2)}\n`;
}
