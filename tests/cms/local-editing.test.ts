// The local editing path, end to end through Decap CMS's own interface in Chromium: a fixture copy of
// the project built in local mode, served with the headers _headers gives each address, and decap-server
// writing into the copy (as `npm run cms` runs them). Never the real content/.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import sharp from "sharp";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchTimeout } from "../browser/site.js";
import { readFrontMatterBlock } from "../../src/content/front-matter.js";
import { openCmsSite, runCli, type CmsSite } from "./cms-site.js";

let site: CmsSite;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  site = await openCmsSite();
  page = await site.newPage();
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  // "Leave with unsaved changes?" after the refused save: yes.
  page.on("dialog", (dialog) => void dialog.accept().catch(() => undefined));
}, launchTimeout);

afterAll(async () => {
  await site?.close();
});

/** Opens a screen of the editor afresh (no modal left open), logging in if asked. */
async function open(hash: string, ready: string): Promise<void> {
  await page.goto(`${site.origin}/admin/#${hash}`);
  await page.reload();
  const login = page.getByRole("button", { name: "Login" });
  const shown = page.getByText(ready, { exact: true }).first();
  await login.or(shown).first().waitFor({ timeout: 60_000 });
  if (await login.isVisible()) await login.click();
  await shown.waitFor({ timeout: 60_000 });
}

const openEditor = (hash: string) => open(hash, "Title");

async function publishNow(): Promise<void> {
  await page.getByRole("button", { name: "Publish" }).first().click();
  await page.getByText("Publish now", { exact: true }).click();
}

/** Switches the text field to plain markdown and types into it, a line at a time, as a person would. */
async function writeMarkdown(text: string): Promise<void> {
  // Decap keeps the chosen mode (rich text or markdown) in localStorage for the next entry.
  const mode = () => page.evaluate(() => localStorage.getItem("cms.md-mode"));
  if ((await mode()) !== "raw")
    await page.getByText("Markdown", { exact: true }).first().locator("..").getByRole("switch").click();
  await expect.poll(mode).toBe("raw");
  const editor = page.locator('[contenteditable="true"]').last();
  // Empty the text first: select all and delete, until the editor holds nothing.
  // The entry's text can still be arriving when the field first shows, so wait until it has settled, then clear it.
  const shownText = () => editor.innerText().then((shown) => shown.trim());
  await expect
    .poll(async () => {
      const before = await shownText();
      await page.waitForTimeout(200);
      return before === (await shownText());
    })
    .toBe(true);
  await expect
    .poll(
      async () => {
        await editor.click();
        await editor.press("ControlOrMeta+A");
        await editor.press("Backspace");
        return shownText();
      },
      { timeout: 20_000 },
    )
    .toBe("");
  for (const line of text.split("\n")) {
    await page.keyboard.insertText(line);
    await page.keyboard.press("Enter");
  }
}

describe("the browser editor in local mode", () => {
  it("loads /admin/ under its own _headers with no console error and no request leaving 127.0.0.1", async () => {
    const response = await page.goto(`${site.origin}/admin/`);
    const policies = (response?.headers()["content-security-policy"] ?? "").split(/,\s*(?=default-src)/);
    expect(policies).toHaveLength(1);
    expect(policies[0]).toContain("https://api.github.com");
    expect(response?.headers()["x-robots-tag"]).toContain("noindex");
    await page.getByRole("button", { name: "Login" }).waitFor({ timeout: 60_000 });
    await page.getByRole("button", { name: "Login" }).click();
    await page.getByText("News posts").first().waitFor({ timeout: 60_000 });
    expect(errors).toEqual([]);
    expect(site.outside).toEqual([]);
  }, 120_000);

  it("refuses to save a news post with a required field left empty, and writes nothing", async () => {
    const before = readdirSync(join(site.project.root, "content/news/posts")).sort();
    await openEditor("/collections/posts/new");
    await page.getByLabel("Title").fill("A post with no summary");
    await publishNow();
    await expect.poll(() => page.getByText(/is required/).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(readdirSync(join(site.project.root, "content/news/posts")).sort()).toEqual(before);
  }, 120_000);

  it("creates a news post with a heading, a link and an uploaded picture with its description; it passes the check and is published on /news/ and in the feed", async () => {
    const picture = join(site.project.root, "Leaders Meeting.PNG");
    await sharp({ create: { width: 40, height: 30, channels: 3, background: "#336699" } })
      .png()
      .toFile(picture);
    // The picture through the editor's media library: uploaded under a messy name, saved under a clean one.
    await open("/collections/posts", "Media");
    await page.getByText("Media", { exact: true }).first().click();
    await page.locator('input[type="file"]').first().setInputFiles(picture);
    await expect
      .poll(() => existsSync(join(site.project.root, "static/img/leaders-meeting.png")), { timeout: 30_000 })
      .toBe(true);

    await openEditor("/collections/posts/new");
    await page.getByLabel("Title").fill("Leaders meet in Leeds");
    await page
      .getByLabel("Summary for search engines")
      .fill("Public service leaders from every sector met in Leeds to share what they have learned this year.");
    await page.getByLabel("Publication date").fill("2020-05-01");
    // The preview: the post's layout, in the site's own stylesheet.
    const preview = page.frameLocator("#preview-pane");
    await expect
      .poll(() => preview.locator("h1.page-title").textContent(), { timeout: 15_000 })
      .toBe("Leaders meet in Leeds");
    expect(await preview.locator('link[rel="stylesheet"][href^="/assets/main."]').count()).toBe(1);
    expect(await preview.locator(".post__meta").textContent()).toContain("1 May 2020");

    await writeMarkdown(
      "## What we discussed\n\nLeaders talked about [the alpha section](/alpha/).\n\n![Leaders around a table in Leeds](/static/img/leaders-meeting.png)\n",
    );
    await publishNow();
    const file = join(site.project.root, "content/news/posts/leaders-meet-in-leeds.md");
    await expect.poll(() => existsSync(file), { timeout: 30_000 }).toBe(true);
    const saved = readFileSync(file, "utf8");
    expect(saved).toMatch(/^---\n[\s\S]*title: Leaders meet in Leeds\n[\s\S]*date: 2020-05-01\n[\s\S]*---\n/);
    expect(saved).toContain("![Leaders around a table in Leeds](/static/img/leaders-meeting.png)");

    const check = await runCli(site.project.root, "src/cli/check.ts");
    expect(check.output).not.toMatch(/leaders-meet-in-leeds\.md:\d+:\d+: error/);
    expect(check.code, check.output).toBe(0);
    const built = await runCli(site.project.root, "src/cli/build.ts", { NLC_OUTPUT: ".out-cms" });
    expect(built.code, built.output).toBe(0);
    const news = readFileSync(join(site.project.root, ".out-cms/news/index.html"), "utf8");
    expect(news).toContain('href="/news/leaders-meet-in-leeds/"');
    expect(readFileSync(join(site.project.root, ".out-cms/feed.xml"), "utf8")).toContain("Leaders meet in Leeds");
    const post = readFileSync(join(site.project.root, ".out-cms/news/leaders-meet-in-leeds/index.html"), "utf8");
    expect(post).toMatch(/<h2[^>]*>What we discussed<\/h2>/);
    expect(post).toMatch(/alt="Leaders around a table in Leeds"/);
  }, 300_000);

  it("changes a page's section-menu position and its words", async () => {
    const file = join(site.project.root, "content/gamma.md");
    // Fields the editor did not touch (the hero's leader) keep their values.
    const leaderBefore = readFrontMatterBlock(readFileSync(file, "utf8")).data?.leader;
    await openEditor("/collections/pages/entries/gamma");
    // Decap's number input is not tied to its label; it is the form's only number field.
    const order = page.locator('input[type="number"]');
    await order.fill("7");
    await writeMarkdown("## Our gamma work\n\nNew words written in the browser editor.\n");
    await publishNow();
    await expect
      .poll(() => readFileSync(file, "utf8"), { timeout: 30_000 })
      .toContain("New words written in the browser editor.");
    const saved = readFileSync(file, "utf8");
    expect(saved).toMatch(/\norder: 7\n/);
    expect(saved).toMatch(/\n---\n+## Our gamma work\n+New words written in the browser editor\.\n/);
    expect(leaderBefore).toBeTypeOf("string");
    expect(readFrontMatterBlock(saved).data?.leader).toBe(leaderBefore);
    const check = await runCli(site.project.root, "src/cli/check.ts");
    expect(check.code, check.output).toBe(0);
  }, 300_000);
});
