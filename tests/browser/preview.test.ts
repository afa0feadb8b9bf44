// `npm start` on a fixture project, in Chromium: the preview writes only its own folder (.preview/), and a
// save that stops the rebuild shows the editor's problems over the page, until the next good save.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixtureProject, fixtureSite, type FixtureProject } from "../support/fixture-project.js";
import { launchBrowser, launchTimeout, screenshotsDir } from "./site.js";

/** A port nothing is listening on. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

let project: FixtureProject;
let preview: ChildProcess;
let log = "";
let origin = "";
let browser: Browser;
let page: Page;
const aboutFile = () => join(project.root, "content/about.md");
let original = "";

const panel = () => page.locator("#nlc-preview-problems");

beforeAll(async () => {
  project = fixtureProject(fixtureSite("small-site"));
  original = readFileSync(aboutFile(), "utf8");
  const port = await freePort();
  // Its own process group, so the test can stop npm and everything it started, and nothing else.
  preview = spawn("npm", ["start", "--silent", "--", `--port=${port}`], {
    cwd: project.root,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  preview.stdout?.on("data", (chunk) => (log += chunk));
  preview.stderr?.on("data", (chunk) => (log += chunk));
  const started = Date.now();
  while (!/Server at http:\/\/\S+?\/?\s/.test(log)) {
    if (Date.now() - started > 120_000 || preview.exitCode !== null)
      throw new Error(`npm start did not start:\n${log}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  origin = /Server at (http:\/\/\S+?)\/?\s/.exec(log)![1]!;
  browser = await launchBrowser();
  page = await browser.newPage();
}, launchTimeout);

afterAll(async () => {
  await browser?.close();
  if (preview?.pid) {
    try {
      process.kill(-preview.pid, "SIGTERM");
    } catch {
      // already stopped
    }
  }
  project?.remove();
});

describe("the preview (npm start)", () => {
  it("builds into .preview/, drafts included, and never writes _site/", () => {
    expect(existsSync(join(project.root, ".preview/about/index.html"))).toBe(true);
    expect(existsSync(join(project.root, ".preview/draft/index.html")), "drafts show in the preview").toBe(true);
    expect(existsSync(join(project.root, "_site"))).toBe(false);
  });

  it("shows a save's problems over the page being previewed, as file:line: message, and clears them on the next good save", async () => {
    await page.goto(`${origin}/about/`);
    expect(await panel().count()).toBe(0);

    const logBefore = log.length;
    writeFileSync(aboutFile(), original.replace("title: About the fixture", "title: About: the fixture"));
    await panel().waitFor({ state: "visible", timeout: 20_000 });
    expect(await panel().getAttribute("role")).toBe("alert");
    expect(await panel().getByRole("heading").textContent()).toBe("The preview was not updated");
    const lines = await panel().locator("li").allTextContents();
    expect(lines).toEqual([
      expect.stringMatching(/^content\/about\.md:2:\d+: error: the front matter is not valid YAML/),
    ]);
    mkdirSync(screenshotsDir, { recursive: true });
    await page.screenshot({ path: join(screenshotsDir, "preview-problems-1280.png") });
    // The terminal shows the same line, and no stack trace.
    await expect.poll(() => log.slice(logBefore)).toContain(lines[0]);
    expect(log.slice(logBefore)).not.toMatch(/^\s+at /m);

    // A reload while the problem stands still shows it.
    await page.reload();
    await panel().waitFor({ state: "visible", timeout: 10_000 });

    writeFileSync(
      aboutFile(),
      original.replace("It comes second in the main nav.", "It comes second in the main nav, and now says kingfisher."),
    );
    await panel().waitFor({ state: "detached", timeout: 20_000 });
    await expect.poll(() => page.locator("main").textContent(), { timeout: 20_000 }).toContain("kingfisher");
    expect(await panel().count()).toBe(0);
    expect(existsSync(join(project.root, "_site"))).toBe(false);
  });
});
