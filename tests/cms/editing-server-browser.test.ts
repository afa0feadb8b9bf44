// The local editing server against pages in Chromium, as `npm run cms` runs it: a script in a page of
// the previewed site, a page of another site, and a page reaching it by DNS rebinding each try to write
// a page and a file the build would run. None of them writes anything.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, launchTimeout } from "../browser/site.js";
import { snapshot } from "../support/folder-snapshot.js";
import { serveSite, type StaticServer } from "../support/static-server.js";
import { openCmsSite, type CmsSite } from "./cms-site.js";

let site: CmsSite;
let elsewhere: StaticServer;
let elsewhereDir: string;
let rebinding: Browser;

/** What a hostile script does: asks the editing server to write a page, and a file the build would run. */
function attack(url: string): string {
  return `
    window.attempts = Promise.all([
      ["content/taken-over.md", "---\\ntitle: Taken over\\n---\\n"],
      ["src/taken-over.ts", "process.exit(1)"],
    ].map(([path, raw]) =>
      fetch(${JSON.stringify(url)}, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ action: "persistEntry", params: { dataFiles: [{ path, raw }], assets: [] } }),
      }).then((response) => "answered " + response.status, (error) => "failed: " + error.message),
    ));
  `;
}

const project = () => ({
  content: snapshot(join(site.project.root, "content")),
  src: snapshot(join(site.project.root, "src")),
});

beforeAll(async () => {
  site = await openCmsSite();
  elsewhereDir = mkdtempSync(join(tmpdir(), "nlc-elsewhere-"));
  elsewhere = await serveSite(elsewhereDir);
  // Chromium told that evil.test is this machine: a rebinding attacker's name, now pointing here.
  rebinding = await launchBrowser([
    "--host-resolver-rules=MAP evil.test 127.0.0.1",
    // Chromium's own guard for pages reaching this machine (Private/Local Network Access) is off here:
    // other browsers have none, so the server must refuse on its own.
    "--disable-features=BlockInsecurePrivateNetworkRequests,PrivateNetworkAccessSendPreflights,PrivateNetworkAccessRespectPreflightResults,LocalNetworkAccessChecks",
  ]);
}, launchTimeout);

afterAll(async () => {
  await rebinding?.close();
  await elsewhere?.close();
  if (elsewhereDir) rmSync(elsewhereDir, { recursive: true, force: true });
  await site?.close();
});

async function attempts(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { attempts: Promise<string[]> }).attempts);
}

describe("the local editing server, from pages in Chromium", () => {
  it("cannot be reached by a script in a page of the preview: the site's policy allows it no other origin", async () => {
    const before = project();
    // A previewed page that runs a script (the check refuses such a page; the preview may still show it).
    writeFileSync(join(site.project.root, "_site", "preview-attack.js"), attack(site.server.url));
    const alpha = join(site.project.root, "_site", "alpha", "index.html");
    writeFileSync(
      alpha,
      readFileSync(alpha, "utf8").replace("</body>", '<script src="/preview-attack.js"></script></body>'),
    );
    const page = await site.newPage();
    const refusedByPolicy: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/.test(message.text())) refusedByPolicy.push(message.text());
    });
    await page.goto(`${site.origin}/alpha/`);
    expect(await attempts(page)).toEqual([expect.stringMatching(/^failed/), expect.stringMatching(/^failed/)]);
    expect(refusedByPolicy.join("\n")).toContain("connect-src");
    expect(project()).toEqual(before);
    await page.context().close();
  }, 120_000);

  it("refuses a page of another site, so nothing is written and nothing is read", async () => {
    const before = project();
    const refusedBefore = site.refused.length;
    writeFileSync(
      join(elsewhereDir, "index.html"),
      `<!doctype html><title>Elsewhere</title><script>${attack(site.server.url)}</script>`,
    );
    const page = await (await site.browser.newContext()).newPage();
    await page.goto(`${elsewhere.origin}/`);
    expect(await attempts(page)).toEqual([expect.stringMatching(/^failed/), expect.stringMatching(/^failed/)]);
    expect(project()).toEqual(before);
    expect(site.refused.slice(refusedBefore).join("\n")).toContain(`Origin "${elsewhere.origin}"`);
    await page.context().close();
  }, 120_000);

  it("refuses a page that reaches it by DNS rebinding (its own name, now this machine's), and writes nothing", async () => {
    const before = project();
    const refusedBefore = site.refused.length;
    const attacker = `http://evil.test:${site.server.port}`;
    const page = await (await rebinding.newContext()).newPage();
    // The attacker's page, first served from the attacker's own machine under that name and port…
    await page.route(`${attacker}/`, (route) =>
      route.fulfill({
        contentType: "text/html",
        body: `<!doctype html><title>Evil</title><script>${attack(`${attacker}/api/v1`)}</script>`,
      }),
    );
    await page.goto(`${attacker}/`);
    // …then its requests to its own origin reach this machine: same-origin for the browser, so only the
    // server's check of Host (and of Origin) stands in the way.
    expect(await attempts(page)).toEqual(["answered 403", "answered 403"]);
    expect(project()).toEqual(before);
    expect(site.refused.slice(refusedBefore).join("\n")).toContain(`Host "evil.test:${site.server.port}"`);
    await page.context().close();
  }, 120_000);

  it("answers the editor itself, on the preview's origin", async () => {
    const page = await site.newPage();
    await page.goto(`${site.origin}/admin/`);
    const answer = await page.evaluate(async (url) => {
      const response = await fetch(url, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ action: "info" }),
      });
      return response.status;
    }, site.server.url);
    expect(answer).toBe(200);
    await page.context().close();
  }, 120_000);
});
