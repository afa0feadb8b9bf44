// The editor's form is made from the front-matter schema: it cannot offer a field the check
// rejects, miss one the check requires, or accept a value the check refuses.
import { readSettings } from "../../src/core/settings.js";
import { describe, expect, it } from "vitest";
import { frontMatterSchema, knownFields, pageAddress, sitePath } from "../../src/content/schema.js";
import { addressProblem } from "../../src/core/addresses.js";
import { cmsFields, isOffered } from "../../src/content/field-words.js";
import { layoutNames } from "../../src/content/layouts.js";
import matter from "gray-matter";
import { cmsConfig, cmsConfigYaml, shape, type CmsWidgetConfig, type FieldName } from "../../src/cms/config.js";
import { fieldFacts } from "../../src/cms/schema-facts.js";

const layouts = layoutNames("layouts");
const production = cmsSettingsFrom(
  { NLC_CMS_REPO: "example-org/nlc-site", NLC_CMS_AUTH_URL: "https://auth.example.org/auth" },
  "https://www.example.org",
);
const local = cmsSettingsFrom({ NLC_CMS_LOCAL_BACKEND: "http://127.0.0.1:8081/api/v1" });

type Collection = { name: string; folder: string; fields: CmsWidgetConfig[] };
const collections = (settings = production) => cmsConfig(settings, layouts).collections as Collection[];
const frontMatterFields = (collection: Collection) => collection.fields.filter((field) => field.name !== "body");
const facts = (name: string) => fieldFacts(shape[name as FieldName]);

/** The CMS settings from an environment, as the build reads them. */
function cmsSettingsFrom(env: NodeJS.ProcessEnv, siteUrl?: string) {
  const { settings, problems } = readSettings(siteUrl ? { ...env, SITE_URL: siteUrl } : env);
  if (problems.length) throw new Error(problems.join("\n"));
  return settings.cms;
}

describe("the CMS config, made from the front-matter schema", () => {
  it("offers only fields the check knows, and every field the check requires", () => {
    const required = knownFields.filter((field) => facts(field).required);
    expect(required).toContain("title");
    for (const collection of collections()) {
      const names = frontMatterFields(collection).map((field) => field.name);
      for (const name of names) expect(knownFields, `${collection.name}: ${name}`).toContain(name);
      for (const name of required) {
        expect(names, `${collection.name} misses ${name}`).toContain(name);
        expect(collection.fields.find((field) => field.name === name)?.required).toBe(true);
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

  it("makes optional in the form only what the check allows to be missing", () => {
    for (const collection of collections()) {
      for (const field of frontMatterFields(collection)) {
        if (!field.required) expect(facts(field.name).required, `${collection.name}: ${field.name}`).toBe(false);
      }
    }
  });

  it("uses the check's own pattern for addresses, and every choice it offers passes the check", () => {
    const pages = collections().find((collection) => collection.name === "pages")!;
    const permalink = pages.fields.find((field) => field.name === "permalink")!;
    expect(permalink.pattern).toEqual([pageAddress.source, expect.stringContaining("clean address")]);
    // What the form's pattern lets through, the check accepts; what it stops, the check refuses.
    for (const address of ["/our-programme/", "/news/a-post-2020/", "/", "/research/index.html"])
      expect(new RegExp(pageAddress.source).test(address) && addressProblem(address) === undefined, address).toBe(true);
    for (const address of ["/our-programme", "/Our Programme/", "/news/../x/", "our-programme/"])
      expect(new RegExp(pageAddress.source).test(address) || addressProblem(address) === undefined, address).toBe(
        false,
      );
    const redirect = pages.fields.find((field) => field.name === "redirect_from")!;
    expect((redirect.field as { pattern: string[] }).pattern[0]).toBe(sitePath.source);
    const tags = pages.fields.find((field) => field.name === "tags")!;
    expect(tags.multiple).toBe(true);
    const options = tags.options as Array<{ label: string; value: string }>;
    expect(options).toEqual([
      { label: "Main menu", value: "nav" },
      { label: "Section menu", value: "primary" },
      { label: "Footer", value: "footer" },
    ]);
    expect(frontMatterSchema.shape.tags.safeParse(options.map((option) => option.value)).success).toBe(true);
    const layout = pages.fields.find((field) => field.name === "layout")!;
    const values = (layout.options as Array<{ value: string }>).map((option) => option.value);
    expect(values).toContain("primary.njk");
    expect(values).not.toContain("base.njk");
    for (const value of values) expect(layouts).toContain(value.replace(/\.njk$/, ""));
    const order = pages.fields.find((field) => field.name === "order")!;
    expect(order).toMatchObject({ widget: "number", value_type: "int" });
    expect(frontMatterSchema.shape.order.safeParse(2.5).success).toBe(false);
  });

  it("requires a date, a title and a summary on news posts, kept in content/news/posts", () => {
    const posts = collections().find((collection) => collection.name === "posts")!;
    expect(posts.folder).toBe("content/news/posts");
    for (const name of ["title", "metadesc", "date"])
      expect(posts.fields.find((field) => field.name === name)?.required, name).toBe(true);
    expect(posts.fields.find((field) => field.name === "date")).toMatchObject({
      format: "YYYY-MM-DD",
      time_format: false,
    });
  });

  it("publishes through GitHub pull requests in production, and writes the working copy only under npm run cms", () => {
    const live = cmsConfig(production, layouts);
    expect(live).toMatchObject({
      publish_mode: "editorial_workflow",
      backend: {
        name: "github",
        repo: "example-org/nlc-site",
        base_url: "https://auth.example.org",
        auth_endpoint: "auth",
      },
    });
    expect(live).not.toHaveProperty("local_backend");
    const mine = cmsConfig(local, layouts);
    expect(mine).toMatchObject({ local_backend: { url: "http://127.0.0.1:8081/api/v1" } });
    expect(mine).not.toHaveProperty("publish_mode");
  });

  it("saves uploads under static/ with safe names", () => {
    const config = cmsConfig(production, layouts);
    expect(config).toMatchObject({
      media_folder: "static/img",
      public_folder: "/static/img",
      slug: { encoding: "ascii", clean_accents: true, sanitize_replacement: "-" },
    });
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
    expect(matter(`---\n${cmsConfigYaml(production, layouts)}---\n`).data).toEqual(
      JSON.parse(JSON.stringify(cmsConfig(production, layouts))),
    );
  });
});
