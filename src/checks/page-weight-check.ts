// The page-weight budget as editors' problems: a page too heavy to show after the first round trip.
import { defaultBudget, measurePage, type Budget, type ReadSiteFile } from "../gates/page-weight.js";
import { error, type Problem } from "./problems.js";
import type { RenderedPage } from "./rendered.js";

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/**
 * Pages over the weight budget, each at its source file. Scripts and
 * stylesheets from other hosts are the raw-HTML check's to report, and
 * missing files the link check's, so only the weight is told here.
 */
export function checkPageWeight(
  pages: readonly RenderedPage[],
  read: ReadSiteFile,
  budget: Budget = defaultBudget,
): Problem[] {
  const problems: Problem[] = [];
  for (const page of pages) {
    const weight = measurePage(page.path, page.html, read);
    if (weight.firstRoundTrip > budget.firstRoundTrip) {
      problems.push(
        error(
          page.file,
          1,
          1,
          `the page is too long to show quickly: with its stylesheet it is ${kb(weight.firstRoundTrip)} compressed, over the ${kb(budget.firstRoundTrip)} a browser gets in its first round trip. Split it into shorter pages, or move long lists and tables to a document`,
        ),
      );
    }
    if (weight.fonts > budget.fonts) {
      problems.push(
        error(
          page.file,
          1,
          1,
          `the page may load ${kb(weight.fonts)} of web fonts, over the ${kb(budget.fonts)} budget: ask a developer, as the fonts come from the site's styles`,
        ),
      );
    }
    if (weight.js > budget.js) {
      problems.push(
        error(
          page.file,
          1,
          1,
          `the page loads ${kb(weight.js)} of JavaScript (compressed), over the ${kb(budget.js)} budget: ask a developer, as the scripts come from the site's code or its layout`,
        ),
      );
    }
  }
  return problems;
}
