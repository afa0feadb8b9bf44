// `npm start` on a fixture project, in Chromium: the preview writes only its own folder (.preview/), sends the
// site's security headers (so a page's script cannot run there either) while its own live reload and problems
// panel still work, shows no page whose check failed (its problems instead), follows deletions, and a save that
// stops the rebuild shows the editor's problems over the page, until the next good save.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contentSecurityPolicy } from "../../src/output/headers.js";
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
  // What the policy refused; a reload cutting short a request, or a socket closing, is not the policy's doing.
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text()))
      policyViolations.push(message.text());
  });
  page.on("requestfailed", (request) => {
    if (request.failure()?.errorText !== "net::ERR_ABORTED") failedRequests.push(request.url());
  });
}, launchTimeout);

/** What the browser said the policy refused: a violation by the preview's own scripts would show here. */
const policyViolations: string[] = [];
const failedRequests: string[] = [];

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
  it("sends the site's Content-Security-Policy with every page and file, under which its own live reload and problems panel run and a script put into the page does not", async () => {
    policyViolations.length = 0;
    failedRequests.length = 0;
    const response = await page.goto(`${origin}/about/`);
    expect(response?.headers()["content-security-policy"]).toBe(contentSecurityPolicy());
    expect(response?.headers()["x-content-type-options"]).toBe("nosniff");
    for (const path of ["/favicon.ico", "/brand/wordmark.svg", "/static/img/report-cover.svg"]) {
      const file = await fetch(`${origin}${path}`);
      expect(file.headers.get("content-security-policy"), path).toBe(contentSecurityPolicy());
    }
    // The page's own scripts are files on the preview's origin: the live-reload client is connected.
    const html = await page.content();
    expect(html).toContain('<script type="module" src="/.11ty/reload-client.js"></script>');
    // Nothing inline that would run (JSON-LD is data).
    expect(await page.locator('script:not([src]):not([type="application/ld+json"])').count(), "an inline script").toBe(
      0,
    );
    // A script that finds its way into the page is refused by the policy.
    const blocked = await page.evaluate(
      () =>
        new Promise<{ ran: boolean; violation: string }>((resolve) => {
          document.addEventListener("securitypolicyviolation", (event) =>
            resolve({ ran: "ranHere" in window, violation: event.violatedDirective }),
          );
          const script = document.createElement("script");
          script.textContent = "window.ranHere = true";
          // An inline script allowed to run runs as it is inserted; one the policy refuses raises the event.
          document.head.append(script);
          if ("ranHere" in window) resolve({ ran: true, violation: "" });
        }),
    );
    expect(blocked).toEqual({ ran: false, violation: expect.stringMatching(/^script-src/) });
    // The live reload still reloads the page on a save, under the policy.
    writeFileSync(
      aboutFile(),
      original.replace("It comes second in the main nav.", "It comes second, says the heron."),
    );
    await expect.poll(() => page.locator("main").textContent(), { timeout: 20_000 }).toContain("heron");
    writeFileSync(aboutFile(), original);
    await expect.poll(() => page.locator("main").textContent(), { timeout: 20_000 }).not.toContain("heron");
    expect(failedRequests).toEqual([]);
    // The one violation is the script put in above: the preview's own scripts raise none.
    expect(policyViolations).toEqual([
      expect.stringMatching(/inline script violates the following Content Security Policy/),
    ]);
  });

  it("shows no page whose check failed, but its problems, until a save fixes it", async () => {
    await page.goto(`${origin}/about/`);
    writeFileSync(aboutFile(), `${original}\n<script>window.pageScriptRan = true</script>\n`);
    await expect
      .poll(() => page.locator("h1").textContent(), { timeout: 20_000 })
      .toBe("This page is not shown until its problems are fixed");
    const lines = await page.locator("#nlc-preview-page-problems li").allTextContents();
    expect(lines).toEqual([expect.stringMatching(/^content\/about\.md:\d+:1: error: .*<script>/)]);
    expect(await page.evaluate(() => "pageScriptRan" in window)).toBe(false);
    // A reload, or the address typed again, still shows only the problems.
    await page.goto(`${origin}/about/index.html`);
    expect(await page.locator("h1").textContent()).toBe("This page is not shown until its problems are fixed");
    expect(await page.evaluate(() => "pageScriptRan" in window)).toBe(false);
    await page.screenshot({ path: join(screenshotsDir, "preview-refused-page-1280.png") });

    writeFileSync(aboutFile(), original);
    await expect.poll(() => page.locator("h1").textContent(), { timeout: 20_000 }).toBe("About the fixture");
    expect(await page.evaluate(() => "pageScriptRan" in window)).toBe(false);
  });

  it("serves no file from static/ that the check refused, and says why over every page", async () => {
    const svg = join(project.root, "static/img/tracker.svg");
    writeFileSync(svg, '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    try {
      await expect
        .poll(async () => (await fetch(`${origin}/static/img/tracker.svg`)).status, { timeout: 20_000 })
        .toBe(404);
      await page.goto(`${origin}/about/`);
      await panel().waitFor({ state: "visible", timeout: 20_000 });
      expect(await panel().getByRole("heading").textContent()).toBe("The site has problems");
      expect(await panel().locator("li").allTextContents()).toEqual([
        expect.stringMatching(
          /^static\/img\/tracker\.svg:1:\d+: error: static\/img\/tracker\.svg cannot be published: it has a <script> element/,
        ),
      ]);
    } finally {
      rmSync(svg);
    }
    await panel().waitFor({ state: "detached", timeout: 20_000 });
    expect((await fetch(`${origin}/static/img/tracker.svg`)).status).toBe(404);
  });

  it("follows deletions: a deleted post leaves the preview and the news list, without a restart", async () => {
    const post = join(project.root, "content/news/posts/older-post.md");
    const text = readFileSync(post, "utf8");
    await page.goto(`${origin}/news/`);
    expect(await page.locator('main a[href="/news/older-post/"]').count()).toBeGreaterThan(0);
    rmSync(post);
    try {
      await expect.poll(() => page.locator('main a[href="/news/older-post/"]').count(), { timeout: 20_000 }).toBe(0);
      expect((await fetch(`${origin}/news/older-post/`)).status).toBe(404);
      expect(existsSync(join(project.root, ".preview/news/older-post/index.html"))).toBe(false);
    } finally {
      writeFileSync(post, text);
    }
    await expect
      .poll(() => page.locator('main a[href="/news/older-post/"]').count(), { timeout: 20_000 })
      .toBeGreaterThan(0);
    expect((await fetch(`${origin}/news/older-post/`)).status).toBe(200);
  });
});
