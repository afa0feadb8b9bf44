// Two pages at one place in a menu: the check names the other page and the menu as it stands, and gives
// the numbers that would put this page just before or just after it (menus go in steps of 10).
import { describe, expect, it } from "vitest";
import { checkPageSource } from "../../src/checks/page-source.js";
import { checkSiteStructure, clashAdvice, freeNumbers, type SourcedPage } from "../../src/checks/site-structure.js";
import { formatProblem } from "../../src/core/problems.js";

function source(file: string, fields: string, modified: number): SourcedPage {
  const text = `---\n${fields}\nmetadesc: A page of a test about the menus, long enough to be a summary.\n---\n\nWords.\n`;
  return { ...checkPageSource({ file, text }, { layouts: new Set() }), text, modified };
}

describe("a menu clash", () => {
  it("finds the free numbers around the clash", () => {
    expect(freeNumbers(20, [10, 20, 30])).toEqual({ before: 15, after: 25 });
    expect(freeNumbers(30, [10, 20, 30])).toEqual({ before: 25, after: 40 });
    expect(freeNumbers(10, [10, 11])).toEqual({ before: 5 });
    expect(freeNumbers(11, [10, 11, 12])).toEqual({});
    expect(clashAdvice(11, "Alpha", [10, 11, 12])).toBe(
      "give it a number between those of the two pages it goes between",
    );
  });

  it("tells the editor which number to choose, naming the menu as the form does", () => {
    const pages = [
      source("content/beta.md", "title: Beta\ntags:\n  - primary\norder: 10", 1),
      source("content/alpha.md", "title: Alpha\ntags:\n  - primary\norder: 20", 2),
      source("content/gamma.md", "title: Gamma\ntags:\n  - primary\norder: 20", 3),
    ];
    expect(checkSiteStructure(pages).map(formatProblem)).toEqual([
      'content/gamma.md:5:1: error: Position in its menu (order) 20 is also used by content/alpha.md ("Alpha") in the Section menu: give each page in a menu its own number, between the numbers of the two pages it goes between. To put this page just before Alpha, give it 15; just after, 30 (the Section menu now: Beta 10, Alpha 20, Gamma 20)',
    ]);
  });
});
