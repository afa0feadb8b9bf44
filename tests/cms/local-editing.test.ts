// The local editing path, end to end through Decap CMS's own interface in Chromium: a fixture copy of
// the project built in local mode, served with the headers _headers gives each address, and the local
// editing server writing into the copy (as `npm run cms` runs them). Never the real content/.
// Each save here is then checked with `npm run check`: what the editor saves, the site accepts.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "node-html-parser";
import sharp from "sharp";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchTimeout } from "../browser/site.js";
import { navLinks } from "../support/built-site.js";
import { openCmsSite, runCli, type CmsSite } from "./cms-site.js";
import {
  addComponent,
  formErrors,
  openScreen,
  publishNow,
  screenshot,
  uploadThroughLibrary,
  useRichText,
  waitForFile,
  writeMarkdown,
} from "./editor-actions.js";

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
  // "Leave with unsaved changes?" after a refused save: yes.
  page.on("dialog", (dialog) => void dialog.accept().catch(() => undefined));
}, launchTimeout);

afterAll(async () => {
  await site?.close();
});

const openEditor = (hash: string) => openScreen(page, site.origin, hash);
const read = (path: string) => readFileSync(join(site.project.root, path), "utf8");

async function passesCheck(): Promise<void> {
  const check = await runCli(site.project.root, "src/cli/check.ts");
  expect(check.output).not.toMatch(/: error: /);
  expect(check.code, check.output).toBe(0);
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
    expect(site.refused).toEqual([]);
  }, 120_000);

  it("lists only the editors' pages, the home and News pages apart, each layout shown as it is stored", async () => {
    await openScreen(page, site.origin, "/collections/pages", "The alpha section (/alpha/)");
    const listed = await page.locator("body").innerText();
    for (const title of ["About the fixture", "The alpha section", "Privacy on the fixture"])
      expect(listed).toContain(title);
    // The pages developers lay out are not offered to editors as pages.
    for (const title of ["Search", "Cookies on the fixture", "Fixture Leadership Centre"])
      expect(listed).not.toContain(title);
    await openScreen(page, site.origin, "/collections/sections", "Home page");
    await expect.poll(() => page.locator("body").innerText()).toContain("News page");
    await openEditor("/collections/pages/entries/alpha");
    await expect.poll(() => page.locator("body").innerText()).toContain("Section page");
    // The preview draws the page's title band, with its title and banner sentence, as the site does.
    const preview = page.frameLocator("#preview-pane");
    await expect.poll(() => preview.locator(".hero .hero__title").textContent()).toBe("The alpha section");
    expect(await preview.locator(".hero .hero__leader").textContent()).toBe(
      "The alpha section comes second, and used to be at another address.",
    );
    expect(await preview.locator(".page-body .layout__main").textContent()).toContain(
      "The alpha section used to be at another address.",
    );
    // View Live: the page's own address, on the origin the editor is using.
    const live = page.getByRole("link", { name: /View Live/ });
    await live.waitFor();
    expect(new URL((await live.getAttribute("href")) ?? "", page.url()).href).toBe(`${site.origin}/alpha/`);
    await screenshot(page, "editing-a-page");
  }, 300_000);

  it("refuses to save a news post with a required field left empty, and writes nothing", async () => {
    const before = read("content/news/posts/older-post.md");
    await openEditor("/collections/posts/new");
    await page.getByLabel("Title", { exact: true }).fill("A post with no summary");
    await publishNow(page);
    await expect.poll(() => page.getByText(/is required/).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(existsSync(join(site.project.root, "content/news/posts/a-post-with-no-summary.md"))).toBe(false);
    expect(read("content/news/posts/older-post.md")).toBe(before);
  }, 120_000);

  it("creates a news post with a picture uploaded by the Picture button, previewed as the site draws it; it passes the check and is published", async () => {
    const picture = join(site.project.root, "Leaders Meeting.PNG");
    await sharp({ create: { width: 40, height: 30, channels: 3, background: "#336699" } })
      .png()
      .toFile(picture);
    await openEditor("/collections/posts/new");
    await page.getByLabel("Title", { exact: true }).fill("Leaders meet in Leeds");
    await page
      .getByLabel("Summary for search engines")
      .fill("Public service leaders from every sector met in Leeds to share what they have learned this year.");
    await page.getByLabel("Day").fill("1");
    await page.getByLabel("Month").fill("5");
    await page.getByLabel("Year").fill("2020");
    await writeMarkdown(page, "## What we discussed\n\nLeaders talked about [the alpha section](/alpha/).\n");
    await useRichText(page);
    await addComponent(page, "Picture", page.getByRole("button", { name: "Choose an image" }));
    await uploadThroughLibrary(page, "Choose an image", picture);
    await page.getByLabel("Description").fill("Leaders around a table in Leeds");

    // The preview: the post's layout (title band, kicker, date), in the site's own stylesheet, and the
    // picture just uploaded, shown from the browser before anything is saved.
    const preview = page.frameLocator("#preview-pane");
    await expect
      .poll(() => preview.locator(".hero .hero__title").textContent(), { timeout: 15_000 })
      .toBe("Leaders meet in Leeds");
    expect(await preview.locator(".hero__kicker").textContent()).toBe("News");
    expect(await preview.locator(".hero__meta").textContent()).toContain("Published 1 May 2020");
    expect(await preview.locator('link[rel="stylesheet"][href^="/assets/main."]').count()).toBe(1);
    const shown = preview.locator('img[alt="Leaders around a table in Leeds"]');
    await expect
      .poll(() => shown.evaluate((image: HTMLImageElement) => image.naturalWidth), { timeout: 15_000 })
      .toBe(40);
    await screenshot(page, "new-news-post");

    await publishNow(page);
    const file = "content/news/posts/leaders-meet-in-leeds.md";
    const saved = await waitForFile(site.project.root, file, "title: Leaders meet in Leeds");
    expect(saved).toMatch(/^---\n[\s\S]*title: Leaders meet in Leeds\n[\s\S]*date: 2020-05-01\n[\s\S]*---\n/);
    expect(saved).toContain("![Leaders around a table in Leeds](/static/img/leaders-meeting.png)");
    expect(existsSync(join(site.project.root, "static/img/leaders-meeting.png"))).toBe(true);
    await passesCheck();
    const built = await runCli(site.project.root, "src/cli/build.ts", { NLC_OUTPUT: ".out-cms" });
    expect(built.code, built.output).toBe(0);
    const news = readFileSync(join(site.project.root, ".out-cms/news/index.html"), "utf8");
    expect(news).toContain('href="/news/leaders-meet-in-leeds/"');
    expect(readFileSync(join(site.project.root, ".out-cms/feed.xml"), "utf8")).toContain("Leaders meet in Leeds");
    const post = readFileSync(join(site.project.root, ".out-cms/news/leaders-meet-in-leeds/index.html"), "utf8");
    expect(post).toMatch(/<h2[^>]*>What we discussed<\/h2>/);
    expect(post).toMatch(/alt="Leaders around a table in Leeds"/);
  }, 300_000);

  it("uploads a document by the Document button into static/documents/ under a clean name, linked with its type and size; the library can remove it", async () => {
    const document = join(site.project.root, "Annual Report 2024 FINAL!.pdf");
    writeFileSync(document, `%PDF-1.4\n${"x".repeat(3000)}\n%%EOF\n`);
    await openEditor("/collections/pages/entries/about");
    await useRichText(page);
    await addComponent(page, "Document", page.getByRole("button", { name: "Choose a file" }));
    await uploadThroughLibrary(page, "Choose a file", document);
    await page.getByLabel("Link text").fill("Annual report 2024");
    const preview = page.frameLocator("#preview-pane");
    await expect
      .poll(() => preview.locator('a[href="/static/documents/annual-report-2024-final.pdf"]').textContent())
      .toBe("Annual report 2024 (PDF, 3 KB)");
    await publishNow(page);
    const saved = await waitForFile(site.project.root, "content/about.md", "annual-report-2024-final.pdf");
    expect(saved).toContain("[Annual report 2024 (PDF, 3 KB)](/static/documents/annual-report-2024-final.pdf)");
    expect(existsSync(join(site.project.root, "static/documents/annual-report-2024-final.pdf"))).toBe(true);
    // Nothing but pages under content/.
    expect(existsSync(join(site.project.root, "content/static"))).toBe(false);
    await passesCheck();
    await site.rebuild();
    // The link works on the site: the document is served at its address.
    const served = await page.request.get(`${site.origin}/static/documents/annual-report-2024-final.pdf`);
    expect(served.status()).toBe(200);
    expect((await served.body()).subarray(0, 8).toString()).toBe("%PDF-1.4");

    // The media library lists documents with the pictures. It will not delete one a page links to (the page
    // would then link nowhere); one no page uses, it deletes.
    await openScreen(page, site.origin, "/collections/posts", "Media");
    await page.getByText("Media", { exact: true }).first().click();
    await page.getByText("annual-report-2024-final.pdf", { exact: true }).click();
    await screenshot(page, "media-library");
    await page.getByRole("button", { name: "Delete selected" }).click();
    await expect
      .poll(() => page.getByText(/annual-report-2024-final\.pdf is still used by content\/about\.md/).count(), {
        timeout: 30_000,
      })
      .toBeGreaterThan(0);
    expect(existsSync(join(site.project.root, "static/documents/annual-report-2024-final.pdf"))).toBe(true);
    // The message is on top of the library, read out, and closes by its button.
    const message = page.getByRole("alert").filter({ hasText: "is still used by content/about.md" });
    await message.getByRole("button", { name: "Close" }).click();
    await expect.poll(() => message.count()).toBe(0);
    const spare = join(site.project.root, "Spare notes.csv");
    writeFileSync(spare, "name,count\nleaders,100\n");
    await page.locator('input[type="file"]').first().setInputFiles(spare);
    await waitForFile(site.project.root, "static/documents/spare-notes.csv", "leaders,100");
    // A file just uploaded is selected; choose it if not.
    const remove = page.getByRole("button", { name: "Delete selected" });
    if (!(await remove.isEnabled())) await page.getByText("spare-notes.csv", { exact: true }).click();
    await remove.click();
    await expect
      .poll(() => existsSync(join(site.project.root, "static/documents/spare-notes.csv")), { timeout: 30_000 })
      .toBe(false);
  }, 300_000);

  it("moves a page in its menu with one save, and refuses a number another page of that menu has", async () => {
    const file = "content/gamma.md";
    const before = read(file);
    await openEditor("/collections/pages/entries/gamma");
    // Decap's number input is not tied to its label; it is the form's only number field.
    const position = page.locator('input[type="number"]');
    expect(
      await page.getByText("The menus now: Main menu: Home 10, About 20, News 30.", { exact: false }).count(),
    ).toBe(1);
    await position.fill("20");
    await publishNow(page);
    await expect
      .poll(() => formErrors(page).allTextContents(), { timeout: 15_000 })
      .toEqual([
        expect.stringMatching(
          /^Position 20 is already used in the Section menu by “Alpha”: .* To put this page just before Alpha, give it 15; just after, 30\./,
        ),
      ]);
    expect(read(file)).toBe(before);

    // Between Beta (10) and Alpha (20): one edit, to this page alone.
    await position.fill("15");
    await publishNow(page);
    const saved = await waitForFile(site.project.root, file, "order: 15");
    expect(saved).toBe(before.replace("order: 30\n", "order: 15\n"));
    await passesCheck();
    await site.rebuild();
    const html = parse(readFileSync(join(site.project.root, "_site/alpha/index.html"), "utf8"));
    expect(navLinks(html, ".section-nav").map((link) => link.label)).toEqual(["Beta", "Gamma", "Alpha"]);
  }, 300_000);

  it("writes only the line of the field changed, and writes the same bytes back when it is changed back", async () => {
    for (const [hash, file] of [
      ["/collections/pages/entries/alpha", "content/alpha.md"],
      ["/collections/posts/entries/older-post", "content/news/posts/older-post.md"],
      ["/collections/sections/entries/home", "content/site/index.md"],
      ["/collections/sections/entries/news", "content/news/index.md"],
    ] as const) {
      const original = read(file);
      await openEditor(hash);
      const title = await page.getByLabel("Title", { exact: true }).inputValue();
      await page.getByLabel("Title", { exact: true }).fill(`${title} again`);
      await publishNow(page);
      const changed = await waitForFile(site.project.root, file, `title: ${title} again\n`);
      expect(changed, file).toBe(original.replace(`title: ${title}\n`, `title: ${title} again\n`));
      await openEditor(hash);
      await page.getByLabel("Title", { exact: true }).fill(title);
      await publishNow(page);
      await waitForFile(site.project.root, file, (text) => text === original);
    }
    await passesCheck();
  }, 600_000);
});
