import { describe, expect, it } from "vitest";
import { analyticsLoader } from "../../src/output/analytics.js";
import { contentSecurityPolicy, headerRules, headersFile } from "../../src/output/headers.js";
import { cspAllows, headersFor, parseCsp, parseHeadersFile } from "../support/host-files.js";

const origin = "https://www.nationalleadership.gov.uk";

describe("the Content-Security-Policy", () => {
  it("allows nothing inline or evaluated, and nothing from elsewhere but the Vimeo player", () => {
    const csp = parseCsp(contentSecurityPolicy());
    for (const directive of ["script-src", "style-src", "default-src"]) {
      expect(csp.get(directive)?.join(" "), directive).not.toMatch(
        /'unsafe-inline'|'unsafe-eval'|'unsafe-hashes'|\*(?!\.)|https?:(?!\/\/)|data:/,
      );
    }
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    for (const directive of ["script-src-elem", "style-src-elem", "img-src", "font-src", "connect-src"]) {
      expect(cspAllows(csp, directive, "/assets/x.js", origin), directive).toBe(true);
      expect(
        cspAllows(csp, directive, "https://www.googletagmanager.com/gtag/js?id=G-AB12CD34", origin),
        directive,
      ).toBe(false);
      expect(cspAllows(csp, directive, "https://player.vimeo.com/video/1", origin), directive).toBe(false);
    }
    expect(cspAllows(csp, "frame-src", "https://player.vimeo.com/video/389775874?dnt=1", origin)).toBe(true);
    expect(cspAllows(csp, "frame-src", "https://vimeo.com/389775874", origin)).toBe(false);
  });

  it("with an analytics ID, also allows what Google Analytics' loader fetches, and only that", () => {
    const csp = parseCsp(contentSecurityPolicy("G-AB12CD34"));
    expect(cspAllows(csp, "script-src-elem", "https://www.googletagmanager.com/gtag/js?id=G-AB12CD34", origin)).toBe(
      true,
    );
    expect(cspAllows(csp, "connect-src", "https://region1.google-analytics.com/g/collect", origin)).toBe(true);
    expect(cspAllows(csp, "script-src-elem", "https://evil.example/x.js", origin)).toBe(false);
    expect(cspAllows(csp, "style-src-elem", "https://www.googletagmanager.com/x.css", origin)).toBe(false);
    expect(csp.get("script-src")?.join(" ")).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
  });
});

describe("analyticsLoader", () => {
  it("is off without an ID and refuses an ID that is not a GA4 measurement ID", () => {
    expect(analyticsLoader("")).toBeUndefined();
    expect(analyticsLoader(" G-AB12CD34 ")?.scriptUrl).toBe("https://www.googletagmanager.com/gtag/js?id=G-AB12CD34");
    expect(() => analyticsLoader('G-1"><script>')).toThrow(/measurement ID/);
    expect(() => analyticsLoader("UA-12345-1")).toThrow(/measurement ID/);
  });
});

describe("_headers", async () => {
  const rules = await parseHeadersFile(
    headersFile(headerRules(["/news/", "/", "/404.html", "/news/"], "", [], ["/feed.xml"])),
  );

  it("parses as the hosts read it, with security headers on every address", () => {
    for (const path of ["/", "/news/", "/assets/main.abc.css", "/pagefind/pagefind.js", "/feed.xml"]) {
      const { headers } = headersFor(rules, path);
      expect(headers.get("content-security-policy"), path).toBe(contentSecurityPolicy());
      expect(headers.get("strict-transport-security"), path).toMatch(/max-age=\d{8}/);
      expect(headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(headers.get("referrer-policy"), path).toBeTruthy();
      expect(headers.get("permissions-policy"), path).toBeTruthy();
    }
  });

  it("caches fingerprinted files for ever and makes browsers revalidate pages, never both on one address", () => {
    expect(headersFor(rules, "/assets/main.abc.css").headers.get("cache-control")).toBe(
      "public, max-age=31536000, immutable",
    );
    expect(headersFor(rules, "/img/abc-640.avif").headers.get("cache-control")).toMatch(/immutable/);
    for (const path of ["/", "/news/", "/404.html"])
      expect(headersFor(rules, path).headers.get("cache-control"), path).toBe("public, max-age=0, must-revalidate");
    for (const path of ["/", "/news/", "/404.html", "/assets/x.js", "/img/x.png", "/pagefind/x"])
      expect(headersFor(rules, path).conflicts, path).toEqual([]);
    expect(rules.filter((rule) => rule.path === "/news/")).toHaveLength(1);
  });
});
