// The static gates npm test runs over `_site/` (links, valid HTML, page weight), as one call for any built folder.
import { join } from "node:path";
import { inAdminArea } from "../../src/cms/admin-csp.js";
import { describeBrokenLinks, findBrokenLinks, readSiteDir } from "../../src/checks/link-check.js";
import { describeHtmlProblems, findInvalidHtml, readHtmlValidateConfig } from "../../src/checks/html-validity.js";
import { measurePage, overBudget, siteFileReader } from "../../src/checks/page-weight.js";

/** Every broken link, invalid element and page over budget in a built site, one line each; [] when it passes. */
export async function staticGateProblems(root: string, siteDir: string): Promise<string[]> {
  const site = readSiteDir(siteDir);
  const read = siteFileReader(siteDir);
  return [
    describeBrokenLinks(findBrokenLinks(site)),
    describeHtmlProblems(await findInvalidHtml(site.html, readHtmlValidateConfig(join(root, ".htmlvalidate.json")))),
    // The weight budget is for visitors' pages: the editors' tool at /admin/ loads Decap CMS (docs/cms.md).
    ...[...site.html]
      .filter(([path]) => !inAdminArea(path))
      .map(([path, html]) => overBudget(measurePage(path, html, read)) ?? ""),
  ].filter((line) => line !== "");
}
