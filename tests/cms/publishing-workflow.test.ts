// The production path's screens, in Decap's own interface in Chromium: the editor configured as in
// production (publish_mode editorial_workflow, the generated fields) but with Decap's in-memory
// test backend standing in for GitHub, holding the fixture site's pages. A change is saved (in
// production: a pull request), set In review, then Ready, and published (in production: merged).
// The screenshots of these screens are the ones docs/editing.md shows.
import { readFileSync, readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchTimeout } from "../browser/site.js";
import { cmsConfig, type SiteFacts } from "../../src/cms/config.js";
import { readSitePages } from "../../src/cms/site-pages.js";
import { layoutNames } from "../../src/content/layouts.js";
import { readSettings } from "../../src/core/settings.js";
import { openCmsSite, type CmsSite } from "./cms-site.js";
import { openScreen, retype, screenshot } from "./editor-actions.js";

let site: CmsSite;
let page: Page;

/** The fixture's content/ as Decap's test backend holds a repository: folders of { content } files. */
function repoFiles(root: string): Record<string, unknown> {
  const tree: Record<string, unknown> = {};
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".md")) {
        const parts = relative(root, path).split(sep);
        let node = tree;
        for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
        node[parts.at(-1)!] = { content: readFileSync(path, "utf8") };
      }
    }
  };
  walk(join(root, "content"));
  return tree;
}

beforeAll(async () => {
  site = await openCmsSite();
  page = await site.newPage();
  page.on("dialog", (dialog) => void dialog.accept().catch(() => undefined));
  // The production config (as the build makes it for GitHub), with the test backend in GitHub's place.
  const { settings } = readSettings({ NLC_CMS_REPO: "example-org/nlc-site" });
  const facts: SiteFacts = {
    layouts: layoutNames(join(site.project.root, "layouts")),
    pages: readSitePages(site.project.root),
  };
  const config = cmsConfig(settings.cms, facts);
  config.backend = { ...(config.backend as object), name: "test-repo" };
  delete config.site_url;
  delete config.display_url;
  await page.route("**/admin/config.yml", (route) =>
    route.fulfill({ contentType: "text/yaml", body: JSON.stringify(config) }),
  );
  await page.addInitScript((files) => {
    (window as unknown as { repoFiles: unknown }).repoFiles = files;
  }, repoFiles(site.project.root));
}, launchTimeout);

afterAll(async () => {
  await site?.close();
});

describe("publishing through the editorial workflow", () => {
  it("saves a change for review, moves it through In review and Ready, and publishes it", async () => {
    await openScreen(page, site.origin, "/collections/pages/entries/alpha");
    const leader = page.getByLabel("Banner sentence");
    await retype(leader, "The alpha section, changed for review.");
    await page.getByRole("button", { name: "Save" }).click();
    const status = page.getByRole("button", { name: /Status:/ });
    await status.waitFor({ timeout: 30_000 });
    // The preview in the site's stylesheet: its title band is drawn dark.
    const band = page.frameLocator("#preview-pane").locator(".hero");
    await expect
      .poll(() => band.evaluate((element) => getComputedStyle(element).backgroundColor), { timeout: 15_000 })
      .not.toMatch(/rgba\(0, 0, 0, 0\)|transparent/);
    await screenshot(page, "workflow-saved");

    await status.click();
    await page.getByRole("menuitem", { name: "In review" }).click();
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toMatch(/In review/i);

    // Within the editor, as an editor moves between its screens (the test backend keeps its changes in the page).
    await page.evaluate(() => (location.hash = "#/workflow"));
    await page.getByText("In Review", { exact: true }).waitFor();
    await expect.poll(() => page.getByText("The alpha section").count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await screenshot(page, "workflow-board");

    await page.getByText("The alpha section").first().click();
    await page.getByRole("button", { name: /Status:/ }).click();
    await page.getByRole("menuitem", { name: "Ready" }).click();
    await page.getByRole("button", { name: "Publish" }).first().click();
    await screenshot(page, "workflow-publish");
    await page.getByRole("menuitem", { name: "Publish now" }).click();
    await expect
      .poll(
        () =>
          page.evaluate(
            () =>
              (window as unknown as { repoFiles: { content: Record<string, { content: string }> } }).repoFiles.content[
                "alpha.md"
              ]?.content ?? "",
          ),
        { timeout: 30_000 },
      )
      .toContain("leader: The alpha section, changed for review.");
  }, 300_000);
});
