// The built site in Chromium, served with its own _headers as Netlify or Cloudflare Pages would:
// the CSP blocks nothing the pages need, search works, the video and analytics wait to be asked.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { BrowserContext, Page, Route } from "playwright-core";
import { routeHandler } from "../support/gates/page-checks.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { siteDir } from "../support/built-site.js";
import { buildFixture, fixtureProject, fixtureSite, type FixtureProject } from "../support/fixture-project.js";
import { headersFor, parseHeadersFile } from "../support/host-files.js";
import { contentUrls, launchTimeout, openSite, type BrowserSite } from "./site.js";

interface Watch {
  violations: string[];
  elsewhere: string[];
}

/**
 * A browser context that gets each response with the headers `_headers` gives
 * its address, records CSP violations and requests to other hosts, and answers
 * those requests itself (no internet needed): the Vimeo player and Google's
 * loader get empty stand-ins.
 */
async function hostedContext(
  site: BrowserSite,
  dir: string,
  options: { javaScriptEnabled?: boolean } = {},
): Promise<{ context: BrowserContext; watch: Watch }> {
  const rules = await parseHeadersFile(readFileSync(join(dir, "_headers"), "utf8"));
  const context = await site.browser.newContext(options);
  const watch: Watch = { violations: [], elsewhere: [] };
  await context.route(
    "**/*",
    routeHandler(async (route: Route) => {
      const url = new URL(route.request().url());
      if (url.origin !== site.origin) {
        watch.elsewhere.push(url.href);
        const script = route.request().resourceType() === "script";
        return route.fulfill({
          status: 200,
          contentType: script ? "text/javascript" : "text/html",
          body: script ? "" : "<!doctype html><title>Stand-in</title>",
        });
      }
      const response = await route.fetch();
      const { headers } = headersFor(rules, url.pathname);
      // Served over plain http here: upgrading would send the requests to an https server that is not there.
      const csp = (headers.get("content-security-policy") ?? "").replace(/;\s*upgrade-insecure-requests/, "");
      await route.fulfill({
        response,
        headers: { ...response.headers(), ...Object.fromEntries(headers), "content-security-policy": csp },
      });
    }),
  );
  context.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) watch.violations.push(message.text());
  });
  return { context, watch };
}

async function newPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) =>
      console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  return page;
}

describe("the site as a CDN serves it", () => {
  let site: BrowserSite;
  beforeAll(async () => {
    site = await openSite(siteDir);
  }, launchTimeout);
  afterAll(async () => site?.close());

  it("loads every page with nothing blocked by the CSP, nothing from other hosts and no cookies", async () => {
    const { context, watch } = await hostedContext(site, siteDir);
    const page = await newPage(context);
    for (const url of contentUrls) {
      const response = await page.goto(`${site.origin}${url}`, { waitUntil: "networkidle" });
      expect(response?.headers()["content-security-policy"], url).toMatch(/script-src 'self'/);
      expect(await page.locator("[data-cookie-banner]").count(), `${url}: no banner without analytics`).toBe(0);
    }
    expect(watch.violations).toEqual([]);
    expect(watch.elsewhere).toEqual([]);
    expect(await context.cookies()).toEqual([]);
    await context.close();
  });
});

// Behaviour for given content (a video, words to find) on the fixture site: tests/fixtures/small-site/.
describe("a fixture site as a CDN serves it", () => {
  let project: FixtureProject;
  let dir: string;
  let site: BrowserSite;
  beforeAll(async () => {
    project = fixtureProject(fixtureSite("small-site"));
    dir = await buildFixture(project);
    site = await openSite(dir);
  }, launchTimeout);
  afterAll(async () => {
    await site?.close();
    project?.remove();
  });

  it("loads the Vimeo player only when asked, within the CSP", async () => {
    const { context, watch } = await hostedContext(site, dir);
    const page = await newPage(context);
    await page.goto(`${site.origin}/gamma/`, { waitUntil: "networkidle" });
    expect(watch.elsewhere).toEqual([]);
    await page.getByRole("button", { name: /Play video/ }).click();
    await expect
      .poll(() => watch.elsewhere.some((url) => url.startsWith("https://player.vimeo.com/video/")))
      .toBe(true);
    await page.locator("iframe").waitFor();
    expect(watch.violations).toEqual([]);
    await context.close();
  });

  it("finds a page by a word from its body, from the header's search box", async () => {
    const { context, watch } = await hostedContext(site, dir);
    const page = await newPage(context);
    await page.goto(`${site.origin}/`);
    await page.locator("header").getByRole("searchbox", { name: "Search this website" }).fill("zebrafinch");
    await page.locator("header").getByRole("button", { name: "Search" }).click();
    await page.waitForURL(/\/search\/\?q=zebrafinch$/);
    const results = page.locator("[data-search-results] a");
    await expect
      .poll(() => results.evaluateAll((links) => links.map((a) => a.getAttribute("href"))))
      .toEqual(["/unlisted/"]);
    expect(await page.locator("[data-search-results] mark").first().textContent()).toMatch(/zebrafinch/i);
    expect(await page.locator("[data-search-needs-js]").isVisible()).toBe(false);

    await page.goto(`${site.origin}/search/?q=gamma`);
    await expect
      .poll(() =>
        page.locator("[data-search-results] a").evaluateAll((links) => links.map((a) => a.getAttribute("href"))),
      )
      .toContain("/gamma/");

    await page.goto(`${site.origin}/search/?q=zzqxjv`);
    await expect.poll(() => page.locator("[data-search-status]").textContent()).toMatch(/No pages match/);
    expect(watch.violations).toEqual([]);
    expect(watch.elsewhere).toEqual([]);
    await context.close();
  });

  it("says plainly that search needs JavaScript when it is off", async () => {
    const { context } = await hostedContext(site, dir, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.origin}/search/?q=zebrafinch`);
    expect(await page.locator("[data-search-needs-js]").isVisible()).toBe(true);
    expect(await page.locator("[data-search-needs-js]").textContent()).toMatch(/needs JavaScript/);
    await context.close();
  });
});

describe("a fixture site built with an analytics ID", () => {
  const analyticsId = "G-TEST1234";
  let project: FixtureProject;
  let dir: string;
  let site: BrowserSite;
  const loader = (watch: Watch) =>
    watch.elsewhere.filter((url) => url.startsWith("https://www.googletagmanager.com/gtag/js"));

  beforeAll(async () => {
    project = fixtureProject(fixtureSite("small-site"));
    const before = process.env.NLC_ANALYTICS_ID;
    process.env.NLC_ANALYTICS_ID = analyticsId;
    try {
      dir = await buildFixture(project);
    } finally {
      if (before === undefined) delete process.env.NLC_ANALYTICS_ID;
      else process.env.NLC_ANALYTICS_ID = before;
    }
    site = await openSite(dir);
  }, launchTimeout);
  afterAll(async () => {
    await site?.close();
    project?.remove();
  });

  it("asks first, by keyboard, and loads nothing from Google and sets no cookie until the visitor accepts", async () => {
    const { context, watch } = await hostedContext(site, dir);
    const page = await newPage(context);
    await page.goto(`${site.origin}/`, { waitUntil: "networkidle" });
    const banner = page.getByRole("region", { name: /Cookies on the National Leadership Centre website/ });
    expect(await banner.isVisible()).toBe(true);
    expect(watch.elsewhere).toEqual([]);
    expect(await context.cookies()).toEqual([]);

    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Accept analytics cookies");
    await page.keyboard.press("Enter");
    expect(await page.locator("[data-cookie-confirmation]").isVisible()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.hasAttribute("data-cookie-confirmation"))).toBe(true);
    expect(await page.locator("[data-cookie-message]").textContent()).toBe("You’ve accepted analytics cookies.");
    await expect.poll(() => loader(watch).length).toBe(1);
    expect(loader(watch)[0]).toBe(`https://www.googletagmanager.com/gtag/js?id=${analyticsId}`);
    expect((await context.cookies()).find((cookie) => cookie.name === "nlc_cookie_consent")).toMatchObject({
      value: "yes",
      path: "/",
    });
    await page.getByRole("button", { name: "Hide cookie message" }).click();
    expect(await banner.isVisible()).toBe(false);

    // Remembered: the next page asks nothing and loads analytics at once.
    await page.goto(`${site.origin}/news/`, { waitUntil: "networkidle" });
    expect(await banner.isVisible()).toBe(false);
    await expect.poll(() => loader(watch).length).toBe(2);

    // /cookies/ changes the choice.
    await page.goto(`${site.origin}/cookies/`, { waitUntil: "networkidle" });
    expect(await page.getByLabel("Use cookies that measure my website use", { exact: true }).isChecked()).toBe(true);
    await page.getByLabel("Do not use cookies that measure my website use", { exact: true }).check();
    await page.getByRole("button", { name: "Save cookie settings" }).click();
    expect(await page.getByRole("status").filter({ hasText: "You’ve set your cookie preferences." }).isVisible()).toBe(
      true,
    );
    expect((await context.cookies()).find((cookie) => cookie.name === "nlc_cookie_consent")?.value).toBe("no");
    const loads = loader(watch).length;
    await page.goto(`${site.origin}/`, { waitUntil: "networkidle" });
    expect(loader(watch).length).toBe(loads);
    expect(await banner.isVisible()).toBe(false);
    expect(watch.violations).toEqual([]);
    await context.close();
  });

  it("loads nothing from Google when the visitor rejects", async () => {
    const { context, watch } = await hostedContext(site, dir);
    const page = await newPage(context);
    await page.goto(`${site.origin}/`, { waitUntil: "networkidle" });
    await page.getByRole("button", { name: "Reject analytics cookies" }).click();
    expect(await page.locator("[data-cookie-message]").textContent()).toBe("You’ve rejected analytics cookies.");
    await page.goto(`${site.origin}/alpha/`, { waitUntil: "networkidle" });
    expect(watch.elsewhere).toEqual([]);
    expect((await context.cookies()).map((cookie) => `${cookie.name}=${cookie.value}`)).toEqual([
      "nlc_cookie_consent=no",
    ]);
    expect(watch.violations).toEqual([]);
    await context.close();
  });

  it("shows no banner without JavaScript, and says the settings form needs it", async () => {
    const { context, watch } = await hostedContext(site, dir, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.origin}/`);
    expect(await page.locator("[data-cookie-banner]").isVisible()).toBe(false);
    await page.goto(`${site.origin}/cookies/`);
    expect(await page.locator("[data-needs-js]").isVisible()).toBe(true);
    expect(await page.locator(".cookie-settings__form").isVisible()).toBe(false);
    expect(watch.elsewhere).toEqual([]);
    await context.close();
  });
});
