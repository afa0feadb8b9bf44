// What an editor does in Decap's own interface, for the CMS tests: open a screen, type, press Publish.
// Every step waits for a condition (an element shown, a file written), never for a fixed time.
import { mkdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";

/** Opens a screen of the editor afresh (no modal left open), logging in if asked, and waits for `ready`. */
export async function openScreen(page: Page, origin: string, hash: string, ready = "Title"): Promise<void> {
  await page.goto(`${origin}/admin/#${hash}`);
  await page.reload();
  const login = page.getByRole("button", { name: "Login" });
  const shown = page.getByText(ready, { exact: true }).first();
  await login.or(shown).first().waitFor({ timeout: 60_000 });
  if (await login.isVisible()) await login.click();
  await shown.waitFor({ timeout: 60_000 });
}

/** Replaces what a text box holds, as a person does: select it all, then type over it. */
export async function retype(box: Locator, value: string): Promise<void> {
  await box.click();
  await box.press("ControlOrMeta+A");
  await box.press("Backspace");
  await box.pressSequentially(value);
  await expect.poll(() => box.inputValue()).toBe(value);
}

/** Presses Publish, then Publish now (local mode publishes straight to the working copy). */
export async function publishNow(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Publish" }).first().click();
  await page.getByText("Publish now", { exact: true }).click();
}

/** Waits until a file of the project holds `expected` (a string it contains, or a test of its text). */
export async function waitForFile(
  root: string,
  path: string,
  expected: string | ((text: string) => boolean),
): Promise<string> {
  const read = () => {
    try {
      return readFileSync(join(root, path), "utf8");
    } catch {
      return "";
    }
  };
  await expect
    .poll(() => (typeof expected === "string" ? read().includes(expected) : expected(read())), { timeout: 30_000 })
    .toBe(true);
  return read();
}

/** The form's error messages on screen (Decap lists them above each field). */
export function formErrors(page: Page) {
  return page.locator('[class*="ControlErrorsList"] li');
}

/** Switches the text field to plain markdown and types into it, a line at a time, as a person would. */
export async function writeMarkdown(page: Page, text: string): Promise<void> {
  // Decap keeps the chosen mode (rich text or markdown) in localStorage for the next entry.
  const mode = () => page.evaluate(() => localStorage.getItem("cms.md-mode"));
  if ((await mode()) !== "raw")
    await page.getByText("Markdown", { exact: true }).first().locator("..").getByRole("switch").click();
  await expect.poll(mode).toBe("raw");
  const editor = page.locator('[contenteditable="true"]').last();
  // The entry's text can still be arriving when the field first shows: clear it until it stays empty.
  const shownText = () => editor.innerText().then((shown) => shown.trim());
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

/** Switches the text field back to rich text, where the toolbar's buttons are. */
export async function useRichText(page: Page): Promise<void> {
  const mode = () => page.evaluate(() => localStorage.getItem("cms.md-mode"));
  if ((await mode()) === "raw")
    await page.getByText("Rich Text", { exact: true }).first().locator("..").getByRole("switch").click();
  await expect.poll(mode).not.toBe("raw");
}

/**
 * Adds one of the text's components (Picture, Document, Link to a page, Video) from the toolbar's "+",
 * and waits for one more of what choosing it `shows` (its dialog, or its button). By keyboard, as the menu button's
 * own keys work: Enter opens the menu, Enter on an item chooses it. The menu is opened only while it is
 * closed (a second Enter on a busy machine would close it again) and never again once an item is chosen.
 */
export async function addComponent(page: Page, label: string, shows: Locator): Promise<void> {
  // Into the text at its end (a click in the middle could land on a link, which opens its own dialog).
  await page.locator('[contenteditable="true"]').last().focus();
  await page.keyboard.press("ControlOrMeta+End");
  // Decap's "+" (add component) is the toolbar's last button; it has no accessible name of its own.
  const plus = page.locator('button[class*="StyledToolbarButton"]').last();
  const item = page.getByRole("menuitem", { name: label });
  // The menu button (react-aria-menubutton) says whether its menu is open: on the button or around it.
  const menuOpen = () => plus.evaluate((button) => button.closest("[aria-expanded]")?.getAttribute("aria-expanded"));
  const before = await shows.count();
  const shown = async () => (await shows.count()) > before;
  let chosen = false;
  await expect
    .poll(
      async () => {
        if (await shown()) return true;
        if (await item.isVisible()) {
          // Should the menu close between seeing the item and focusing it, the next try opens it again.
          const focused = await item.focus({ timeout: 2_000 }).then(
            () => true,
            () => false,
          );
          // Pressed on the page, not the item: choosing it closes the menu (and may open a dialog) at once.
          if (focused) {
            await page.keyboard.press("Enter");
            chosen = true;
          }
        } else if (!chosen && (await menuOpen()) !== "true") {
          await plus.focus();
          await plus.press("Enter");
        }
        return shown();
      },
      { timeout: 30_000 },
    )
    .toBe(true);
}

/** Uploads a file through Decap's media library, opened by `opener`, and chooses it. */
export async function uploadThroughLibrary(page: Page, opener: string, file: string): Promise<void> {
  await page.getByRole("button", { name: opener }).last().click();
  await page.getByRole("button", { name: "Choose selected" }).waitFor();
  await page.locator('input[type="file"]').first().setInputFiles(file);
  const chosen = page.getByRole("button", { name: "Choose selected" });
  await expect.poll(() => chosen.isEnabled(), { timeout: 30_000 }).toBe(true);
  await chosen.click();
}

/** Where the CMS tests leave screenshots (gitignored); docs/images/ holds the ones the guide shows. */
const cmsScreenshots = resolve(import.meta.dirname, "..", "..", "screenshots", "cms");

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(cmsScreenshots, { recursive: true });
  await page.screenshot({ path: join(cmsScreenshots, `${name}.png`) });
}
