// Gate: axe-core finds no WCAG 2.0, 2.1 or 2.2 level A or AA failure on a page as the browser shows it.
import { AxeBuilder } from "@axe-core/playwright";
import type { Result } from "axe-core";
import type { Page } from "playwright-core";

/** The rules run: WCAG 2.0, 2.1 and 2.2 at levels A and AA. */
const wcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

// Legacy mode runs axe in the page itself, rather than opening a blank page for every run: our pages have no cross-origin frames.
/** axe's failures on the page as it is now: one line each, naming the page, width, rule, impact and elements. */
export async function axeFailures(page: Page, label: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(wcagTags).setLegacyMode(true).analyze();
  return describeAxeViolations(label, results.violations);
}

/** "/news/ at 375px: color-contrast (serious) – Elements must meet minimum color contrast ratio thresholds: p.intro". */
function describeAxeViolations(
  label: string,
  violations: Pick<Result, "id" | "impact" | "help" | "nodes">[],
): string[] {
  return violations.map((v) => {
    const targets = v.nodes
      .slice(0, 5)
      .map((node) => node.target.join(" "))
      .join(", ");
    const more = v.nodes.length > 5 ? ` and ${v.nodes.length - 5} more` : "";
    return `${label}: ${v.id} (${v.impact ?? "unknown impact"}) – ${v.help}: ${targets}${more}`;
  });
}
