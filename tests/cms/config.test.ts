// The editor's form is made from the front-matter schema and the site as it stands: it cannot offer a
// field the check rejects, miss one the check requires, or save a value the check refuses. Each limit is
// tested here against the check itself, so a change to a number in the schema changes both.
import fc from "fast-check";
import matter from "gray-matter";
import { describe, expect, it } from "vitest";
import { readSettings } from "../../src/core/settings.js";
import {
  frontMatterSchema,
  knownFields,
  pageTitleMaxLength,
  pageTitleSuffix,
  plausibleDays,
  summaryLength,
  titleMaxLength,
} from "../../src/content/schema.js";
import { addressProblem } from "../../src/core/addresses.js";
import { cmsFields, editorLayouts, isOffered, named } from "../../src/content/field-words.js";
import { bodyPattern } from "../../src/content/body-rules.js";
import { layoutNames } from "../../src/content/layouts.js";
import { checkPageSource } from "../../src/checks/page-source.js";
import {
  cmsConfig,
  cmsConfigYaml,
  editableArea,
  editorData,
  formAddressPatterns,
  type CmsWidgetConfig,
  type SiteFacts,
} from "../../src/cms/config.js";
import { fieldFacts } from "../../src/cms/schema-facts.js";
import { readSitePages } from "../../src/cms/site-pages.js";
import { fixtureProject, fixtureSite, projectRoot } from "../support/fixture-project.js";
import { join } from "node:path";
import { readFileSync } from "node:fs";

const layouts = layoutNames("layouts");
const fixture = fixtureProject(fixtureSite("small-site"));
const site: SiteFacts = { layouts, pages: readSitePages(fixture.root) };
fixture.remove();

const production = cmsSettingsFrom(
  { NLC_CMS_REPO: "example-org/nlc-site", NLC_CMS_AUTH_URL: "https://auth.example.org/auth" },
  "https://www.example.org",
);
const local = cmsSettingsFrom({ NLC_CMS_LOCAL_BACKEND: "http://127.0.0.1:8081/api/v1" });

type Collection = {
  name: string;
  folder?: string;
  fields?: CmsWidgetConfig[];
  files?: Array<{ name: string; file: string; fields: CmsWidgetConfig[] }>;
};
const collections = (settings = production) => cmsConfig(settings, site).collections as Collection[];
/** Every form: each folder collection's, and each file's of a files collection. */
const forms = (settings = production) =>
  collections(settings).flatMap((collection) =>
    collection.fields
      ? [{ name: collection.name, fields: collection.fields }]
      : (collection.files ?? []).map((file) => ({ name: file.name, fields: file.fields })),
  );
const shown = (form: { fields: CmsWidgetConfig[] }) =>
  form.fields.filter((field) => field.name !== "body" && field.widget !== "hidden");
const formOf = (name: string) => forms().find((form) => form.name === name)!;
const fieldOf = (form: string, name: string) => formOf(form).fields.find((field) => field.name === name)!;
const matches = (pattern: unknown, value: string) => new RegExp((pattern as string[])[0]!).test(value);

/** The CMS settings from an environment, as the build reads them. */
function cmsSettingsFrom(env: NodeJS.ProcessEnv, siteUrl?: string) {
  const { settings, problems } = readSettings(siteUrl ? { ...env, SITE_URL: siteUrl } : env);
  if (problems.length) throw new Error(problems.join("\n"));
  return settings.cms;
}

/** What the check says of a page whose front matter is `fields` (YAML lines), errors and warnings apart. */
function check(fields: string, file = "content/example.md") {
  const text = `---\n${fields}\n---\n\nSome words.\n`;
  const { problems } = checkPageSource({ file, text }, { layouts: new Set(layouts.map((name) => `${name}.njk`)) });
  return {
    errors: problems.filter((problem) => problem.severity === "error").map((problem) => problem.message),
    warnings: problems.filter((problem) => problem.severity === "warning").map((problem) => problem.message),
  };
}

const summary = "A summary of the page for search engines, long enough to be useful to them.";

describe("the CMS config, made from the front-matter schema", () => {
  it("reads the schema through zod's own JSON Schema, not zod's internals", () => {
    expect(fieldFacts("title")).toMatchObject({ required: true, maxLength: titleMaxLength });
    expect(fieldFacts("metadesc")).toMatchObject({ minLength: summaryLength.min, maxLength: summaryLength.max });
    expect(fieldFacts("date")).toMatchObject({ earliest: plausibleDays.earliest, latest: plausibleDays.latest });
    expect([...fieldFacts("tags").kinds].sort()).toEqual(["array", "string"]);
    expect(fieldFacts("order").kinds.has("int")).toBe(true);
    expect(() => fieldFacts("nonsense")).toThrow(/not a field/);
  });

  it("offers only fields the check knows, and every field the check requires", () => {
    const required = knownFields.filter((field) => fieldFacts(field).required);
    expect(required).toContain("title");
    for (const form of forms()) {
      const names = form.fields.filter((field) => field.name !== "body").map((field) => field.name);
      // Every field of the schema is in every form, shown or kept unseen, so Decap writes them in one order.
      expect(names.sort(), form.name).toEqual([...knownFields].sort());
      for (const name of required) expect(shown(form).find((field) => field.name === name)?.required).toBe(true);
      for (const field of shown(form)) {
        if (!field.required) expect(fieldFacts(field.name).required, `${form.name}: ${field.name}`).toBe(false);
      }
    }
  });

  it("has a row in the table of words for every schema field, offered or left out with a reason", () => {
    expect(Object.keys(cmsFields).sort()).toEqual([...knownFields].sort());
    for (const [name, spec] of Object.entries(cmsFields)) {
      if (isOffered(spec)) expect(spec.hint.length, name).toBeGreaterThan(10);
      else expect(spec.leftOut.length, name).toBeGreaterThan(5);
    }
  });

  it("limits a title to what the check allows, counting the site's name the page <title> adds", () => {
    expect(titleMaxLength).toBe(pageTitleMaxLength - pageTitleSuffix.length);
    // html-validate's long-title rule, which the check runs on every page, uses the same limit.
    const htmlValidate = JSON.parse(readFileSync(join(projectRoot, ".htmlvalidate.json"), "utf8")) as {
      rules: Record<string, [string, { maxlength: number }]>;
    };
    expect(htmlValidate.rules["long-title"]?.[1].maxlength).toBe(pageTitleMaxLength);
    for (const form of ["posts", "pages", "home", "news"]) {
      const title = fieldOf(form, "title");
      expect(title.hint).toContain(`Up to ${titleMaxLength} characters`);
      for (const length of [1, titleMaxLength - 1, titleMaxLength, titleMaxLength + 1, 200]) {
        const value = "T".repeat(length);
        const accepted = matches(title.pattern, value);
        expect(accepted, `${length} characters`).toBe(length <= titleMaxLength);
        expect(check(`title: ${value}\nmetadesc: ${summary}`).errors.length === 0, `${length} characters`).toBe(
          accepted,
        );
      }
    }
    expect(check(`title: ${"T".repeat(titleMaxLength + 1)}\nmetadesc: ${summary}`).errors[0]).toMatch(
      new RegExp(
        `^Title \\(title\\) is ${titleMaxLength + 1} characters long: a title can have up to ${titleMaxLength}`,
      ),
    );
  });

  it("limits a summary to the lengths the check warns about, and names the field as the form does", () => {
    const field = fieldOf("pages", "metadesc");
    expect(field.required).toBe(true);
    for (const length of [summaryLength.min - 1, summaryLength.min, summaryLength.max, summaryLength.max + 1]) {
      const value = `${"s".repeat(length - 1)}.`;
      const fine = length >= summaryLength.min && length <= summaryLength.max;
      expect(matches(field.pattern, value), `${length} characters`).toBe(fine);
      expect(check(`title: A page\nmetadesc: ${value}`).warnings.length === 0, `${length} characters`).toBe(fine);
    }
    expect(check(`title: A page\nmetadesc: Too short.`).warnings[0]).toMatch(
      /^Summary for search engines \(metadesc\) is only 10 characters long/,
    );
    expect(check("title: A page").errors[0]).toMatch(/^Summary for search engines \(metadesc\) is missing/);
    expect(named("metadesc")).toBe("Summary for search engines (metadesc)");
    expect(named("strands")).toBe("strands");
  });

  it("lets through only addresses the address rule accepts, on any text", () => {
    const permalink = fieldOf("pages", "permalink");
    expect(permalink).toMatchObject({ widget: "nlc-address", required: true });
    const redirect = fieldOf("pages", "redirect_from").field as { pattern: string[] };
    const address = fc.stringMatching(/^\/[\w.\-/ %]{0,30}$/);
    fc.assert(
      fc.property(address, (value) => {
        if (new RegExp(formAddressPatterns.permalink).test(value)) expect(addressProblem(value)).toBeUndefined();
        if (new RegExp(redirect.pattern[0]!).test(value))
          expect(addressProblem(value, "redirect_from")).toBeUndefined();
      }),
      { numRuns: 2000 },
    );
    for (const good of ["/our-programme/", "/news/a-post-2020/", "/"])
      expect(matches(permalink.pattern, good)).toBe(true);
    for (const bad of ["/our-programme", "/Our Programme/", "/news/../x/", "our-programme/", "/static/x/", "/admin/"])
      expect(matches(permalink.pattern, bad), bad).toBe(false);
    for (const good of ["/network/", "/report.pdf"]) expect(matches(redirect.pattern, good), good).toBe(true);
    for (const bad of ["/feed.xml", "/sitemap.xml/", "/network", "//x/"])
      expect(matches(redirect.pattern, bad), bad).toBe(false);
    // The addresses other pages have, so the form can refuse one already taken.
    expect(permalink.taken).toEqual(
      expect.arrayContaining([{ address: "/alpha/", file: "content/alpha.md", title: "The alpha section" }]),
    );
    expect(permalink.taken).toEqual(expect.arrayContaining([expect.objectContaining({ address: "/old-alpha/" })]));
  });

  it("types a date as day, month and year, refusing the years the check refuses", () => {
    const date = fieldOf("posts", "date");
    expect(date).toMatchObject({ widget: "nlc-date", required: true, earliest_year: 2000, latest_year: 2099 });
    expect(Number(plausibleDays.earliest.slice(0, 4))).toBe(date.earliest_year);
    expect(check(`title: A post\nmetadesc: ${summary}\ndate: 1905-12-03`).errors[0]).toMatch(
      /^Publication date \(date\) is too early: the year must be from 2000 to 2099/,
    );
    expect(check(`title: A post\nmetadesc: ${summary}\ndate: 2100-01-01`).errors[0]).toMatch(/is too late/);
    expect(check(`title: A post\nmetadesc: ${summary}\ndate: 2020-05-01`).errors).toEqual([]);
    expect(fieldOf("pages", "last_reviewed")).toMatchObject({ widget: "nlc-date", earliest_year: 2000 });
  });

  it("refuses a picture without a description and a heading 1 in the text, as the check does", () => {
    const body = fieldOf("posts", "body");
    expect(body.pattern).toEqual([bodyPattern(), expect.stringContaining("description")]);
    expect(body.buttons).not.toContain("heading-one");
    expect(body.editor_components).toEqual(["image", "document", "page-link", "video"]);
    const fine = '## A heading\n\n![Leaders at the forum](/static/img/forum.jpg)\n\n<img src="/x.png" alt="">\n';
    expect(matches(body.pattern, fine)).toBe(true);
    for (const refused of ["![](/static/img/forum.jpg)", "Text\n\n# A second main heading\n", '<IMG src="/x.png">'])
      expect(matches(body.pattern, refused), refused).toBe(false);
    expect(check(`title: A page\nmetadesc: ${summary}`).errors).toEqual([]);
    const { problems } = checkPageSource(
      { file: "content/x.md", text: `---\ntitle: A page\nmetadesc: ${summary}\n---\n\n![](/static/img/forum.jpg)\n` },
      { layouts: new Set() },
    );
    expect(problems.map((problem) => problem.message)).toEqual([expect.stringMatching(/^image without alt text/)]);
    // A banner picture's description is needed whenever there is a banner picture.
    expect(fieldOf("pages", "image_alt")).toMatchObject({ widget: "nlc-description", needed_with: "image" });
  });

  it("shows each Position field the menus as they stand, and offers only the layouts editors use, stored as chosen", () => {
    const order = fieldOf("pages", "order");
    expect(order).toMatchObject({ widget: "nlc-position", value_type: "int" });
    expect(order.hint).toContain("give it a number between theirs");
    expect(order.hint).toContain("Section menu: Beta 10, Alpha 20, Gamma 30.");
    expect(order.hint).toContain("Main menu: Home 10, About 20, News 30.");
    expect(order.hint).not.toContain("draft");
    expect((order.menus as Record<string, unknown[]>).primary).toEqual([
      { file: "content/beta.md", label: "Beta", order: 10 },
      { file: "content/alpha.md", label: "Alpha", order: 20 },
      { file: "content/gamma.md", label: "Gamma", order: 30 },
    ]);
    // The News page's and the home page's menu fields are in the editor.
    for (const form of ["news", "home"]) {
      expect(shown(formOf(form)).map((field) => field.name)).toEqual(expect.arrayContaining(["tags", "order"]));
    }
    const layout = fieldOf("pages", "layout");
    const options = layout.options as Array<{ label: string; value: string }>;
    expect(options.map((option) => option.value)).toEqual(editorLayouts.map((each) => `${each.name}.njk`));
    for (const value of ["home.njk", "404.njk", "search.njk", "news-index.njk", "post.njk", "base.njk"])
      expect(options.map((option) => option.value)).not.toContain(value);
    const tags = fieldOf("pages", "tags");
    expect(tags.options).toEqual([
      { label: "Main menu", value: "nav" },
      { label: "Section menu", value: "primary" },
      { label: "Footer", value: "footer" },
    ]);
    expect(frontMatterSchema.shape.tags.safeParse(["nav", "primary", "footer"]).success).toBe(true);
  });

  it("keeps the developers' pages out of the editors' collections", () => {
    const [posts, pages, sections] = collections();
    expect(posts).toMatchObject({ name: "posts", folder: "content/news/posts" });
    expect(pages).toMatchObject({ name: "pages", folder: "content" });
    expect(sections?.files?.map((file) => file.file)).toEqual(["content/site/index.md", "content/news/index.md"]);
    expect(editableArea.pageFolders).toEqual(["content", "content/news/posts"]);
    // content/site/ (404, search, cookies, the home page) is not a folder the Pages collection lists.
    expect(editableArea.pageFolders).not.toContain("content/site");
  });

  it("publishes through GitHub pull requests in production, asking GitHub for no more than a public repository", () => {
    const live = cmsConfig(production, site);
    expect(live).toMatchObject({
      publish_mode: "editorial_workflow",
      site_url: "https://www.example.org",
      backend: {
        name: "github",
        repo: "example-org/nlc-site",
        base_url: "https://auth.example.org",
        auth_endpoint: "auth",
        auth_scope: "public_repo",
      },
    });
    expect(live).not.toHaveProperty("local_backend");
    expect(cmsConfig(cmsSettingsFrom({ NLC_CMS_AUTH_SCOPE: "repo" }), site)).toMatchObject({
      backend: { auth_scope: "repo" },
    });
    expect(() => cmsSettingsFrom({ NLC_CMS_AUTH_SCOPE: "admin:org" })).toThrow(/NLC_CMS_AUTH_SCOPE/);
    const mine = cmsConfig(local, site);
    expect(mine).toMatchObject({ local_backend: { url: "http://127.0.0.1:8081/api/v1" }, site_url: "/" });
    expect(mine).not.toHaveProperty("publish_mode");
  });

  it("links each entry's View Live to its own address", () => {
    const [posts, pages, sections] = collections();
    expect(posts).toMatchObject({ preview_path: "news/{{slug}}/" });
    expect(pages).toMatchObject({ preview_path: "{{permalink}}/", preview_path_preserve_slashes: true });
    expect(sections?.files?.map((file) => (file as { preview_path?: string }).preview_path)).toEqual(["", "news/"]);
  });

  it("saves uploads under static/ with safe names, and tells the editor's script the kinds it may upload", () => {
    const config = cmsConfig(production, site);
    expect(config).toMatchObject({
      media_folder: "static/img",
      public_folder: "/static/img",
      slug: { encoding: "ascii", clean_accents: true, sanitize_replacement: "-" },
    });
    const data = editorData(site, "Fixture");
    expect(data.uploads).toEqual(
      expect.arrayContaining([
        { extensions: ["pdf"], label: "PDF", folder: "static/documents" },
        { extensions: ["png"], label: "PNG picture", folder: "static/img" },
      ]),
    );
    expect(data.uploads.flatMap((kind) => kind.extensions)).not.toContain("html");
    expect(data.pages).toEqual(expect.arrayContaining([{ title: "The alpha section", address: "/alpha/" }]));
    expect(data.pages.map((page) => page.address)).not.toContain("/draft/");
  });

  it("refuses malformed settings with a sentence naming the variable", () => {
    expect(() => cmsSettingsFrom({ NLC_CMS_REPO: "not a repo" })).toThrow(/NLC_CMS_REPO/);
    expect(() => cmsSettingsFrom({ NLC_CMS_AUTH_URL: "http://insecure.example.org" })).toThrow(/NLC_CMS_AUTH_URL/);
    expect(() => cmsSettingsFrom({ NLC_CMS_LOCAL_BACKEND: "http://example.org:8081/api/v1" })).toThrow(
      /NLC_CMS_LOCAL_BACKEND/,
    );
  });

  it("writes config.yml as YAML that reads back as the same config", () => {
    // gray-matter reads YAML with js-yaml, as Decap reads config.yml with a YAML parser.
    expect(matter(`---\n${cmsConfigYaml(production, site)}---\n`).data).toEqual(
      JSON.parse(JSON.stringify(cmsConfig(production, site))),
    );
  });
});
