// Gate: every built page passes the same rules `npm run check` applies to rendered pages
// (headings, alt text, link text, raw HTML the CSP blocks, markdown shown as written).
import { describe, expect, it } from "vitest";
import { readSiteDir } from "../../src/checks/link-check.js";
import { scanPage } from "../../src/core/html-scanner.js";
import { pageRules } from "../../src/checks/rendered.js";
import { inAdminArea } from "../../src/cms/admin-csp.js";
import { siteDir } from "../support/built-site.js";

describe("the rendered-page rules over the built site", () => {
  it("find nothing on any page", () => {
    const { html } = readSiteDir(siteDir);
    expect(html.size).toBeGreaterThan(10);
    // Visitors' pages: the editors' tool at /admin/ is Decap CMS's page, tested in tests/cms/.
    const findings = [...html]
      .filter(([path]) => !inAdminArea(path))
      .flatMap(([path, page]) => scanPage(page, pageRules()).map((finding) => `${path}: ${finding.message}`));
    expect(findings.join("\n")).toBe("");
  });

  it("fail a built page that gains a raw script, naming the page", () => {
    const { html } = readSiteDir(siteDir);
    const news = (html.get("/news/index.html") ?? "").replace("</main>", "<script>alert(1)</script></main>");
    expect(scanPage(news, pageRules()).map((finding) => finding.message)).toEqual([
      expect.stringMatching(/^a script written into the page is blocked/),
    ]);
  });
});
