// Whatever an editor types, the checker and the nav filters report; they never crash the build.
import fc from "fast-check";
import matter from "gray-matter";
import { describe, expect, it } from "vitest";
import { breadcrumbs } from "../../src/render/breadcrumbs.js";
import { checkPageSource } from "../../src/checks/page-source.js";
import { knownFields } from "../../src/content/schema.js";
import type { Problem } from "../../src/core/problems.js";
import { checkSiteStructure } from "../../src/checks/site-structure.js";
import { findEncodingDamage, repairEncoding } from "../../src/checks/encoding.js";
import { navItems } from "../../src/render/navigation.js";
import type { PageEntry } from "../../src/core/types.js";

const layouts = new Set(["page.njk", "primary.njk"]);
const fieldName = fc.oneof(fc.constantFrom(...knownFields), fc.string({ maxLength: 12 }));
const value = fc.oneof(
  fc.anything(),
  fc.date({ noInvalidDate: false }),
  fc.constantFrom("nav", "primary", "footer", "/x/", false, true, 1, -1, 2.5),
);
const frontMatter = fc.dictionary(fieldName, value, { maxKeys: 8 });

function wellFormed(problems: ReturnType<typeof checkPageSource>["problems"]) {
  for (const problem of problems) {
    expect(problem.line).toBeGreaterThanOrEqual(1);
    expect(problem.column).toBeGreaterThanOrEqual(1);
    expect(problem.message.length).toBeGreaterThan(10);
    expect(["error", "warning"]).toContain(problem.severity);
  }
}

describe("on arbitrary input", () => {
  it("the page checker reports on any text, with or without front matter", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), fc.boolean(), (text, fenced) => {
        const source = fenced ? `---\n${text}\n---\n` : text;
        wellFormed(checkPageSource({ file: "content/x.md", text: source }, { layouts }).problems);
      }),
      { numRuns: 300 },
    );
  });

  it("the page checker reports on any front matter values", () => {
    fc.assert(
      fc.property(frontMatter, fc.string(), (data, body) => {
        let text: string;
        try {
          text = matter.stringify(body, data);
        } catch {
          return; // not representable as YAML at all
        }
        const checked = checkPageSource({ file: "content/x.md", text }, { layouts });
        wellFormed(checked.problems);
      }),
      { numRuns: 300 },
    );
  });

  it("the site checks report on any set of pages", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            file: fc.string(),
            text: fc.string(),
            data: fc.option(frontMatter, { nil: undefined }),
            problems: fc.constant<Problem[]>([]),
          }),
          { maxLength: 12 },
        ),
        (pages) => {
          wellFormed(checkSiteStructure(pages));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("the nav and breadcrumbs come out as labelled links for any pages", () => {
    const url = fc.oneof(fc.constant(false as const), fc.string(), fc.constantFrom("/", "/news/", "/news/post/"));
    const pages = fc.array(fc.record({ url, data: frontMatter }), { maxLength: 15 }) as fc.Arbitrary<PageEntry[]>;
    fc.assert(
      fc.property(pages, fc.option(fc.string(), { nil: undefined }), (entries, current) => {
        for (const item of navItems(entries, current)) {
          expect(typeof item.label).toBe("string");
          expect(typeof item.url).toBe("string");
          expect([false, "page", "true"]).toContain(item.current);
        }
        for (const crumb of breadcrumbs(entries, current)) expect(typeof crumb.label).toBe("string");
      }),
      { numRuns: 300 },
    );
  });

  it("encoding repair never loses text it cannot mend", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        findEncodingDamage(text);
        expect(typeof repairEncoding(text)).toBe("string");
        // Clean UTF-8 text made into mojibake and back is the same text.
        const damaged = Buffer.from(text, "utf8").toString("latin1");
        if (!/[\u0080-\u009f]/.test(damaged)) expect(repairEncoding(damaged)).toBe(text);
      }),
      { numRuns: 300 },
    );
  });
});
