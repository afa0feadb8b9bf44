import { readFileSync } from "node:fs";
import { join } from "node:path";
import nunjucks from "nunjucks";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../support/fixture-project.js";

// The analytics part of /cookies/ must say what src/scripts/consent.js really does, with and without an analytics ID.
const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(join(projectRoot, "layouts")), {
  autoescape: true,
  throwOnUndefined: false,
});
const render = (analyticsId: string) => env.render("partials/cookies-analytics.njk", { site: { analyticsId } });
const consentScript = readFileSync(join(projectRoot, "src/scripts/consent.js"), "utf8");
const cookieName = /var COOKIE = "([^"]+)"/.exec(consentScript)?.[1];
const keptDays = /var YEAR = (\d+) \* 24 \* 60 \* 60/.exec(consentScript)?.[1];

describe("the analytics part of the cookies page", () => {
  it("names the consent cookie consent.js sets, for as long as it keeps it, and the analytics cookies it removes, when the site has an ID", () => {
    expect(cookieName).toBeTruthy();
    expect(keptDays).toBe("365");
    const html = render("G-AB12CD34EF");
    expect(html).toContain(`<code>${cookieName}</code>`);
    expect(html).toMatch(/one year/);
    expect(consentScript).toMatch(/\^_ga/);
    expect(html).toContain("<code>_ga</code>");
    expect(html).toMatch(/<h2>/);
  });

  it("names no cookie and no banner when the site has no analytics ID", () => {
    const html = render("");
    expect(html).not.toContain(cookieName!);
    expect(html).not.toContain("_ga");
    expect(html).toMatch(/<h2>/);
    expect(html).not.toMatch(/\bbanner at\b|\baccept\b/i);
  });
});
