// How much one page holds, against the limits every page keeps to (src/checks/limits.ts): its headings,
// links and HTML elements, counted as the page streams past, so a page of any size is read once.
import type { PageRule } from "../../core/html-scanner.js";
import { limits, tooMany } from "../limits.js";

const headings = new Set(["h1", "h2", "h3", "h4", "h5", "h6"]);

/** A page over a limit is reported once per limit, as a whole: the message names the page's file. */
export function pageLimits(limit: Pick<typeof limits, "headings" | "links" | "elements"> = limits): PageRule {
  const found = { headings: 0, links: 0, elements: 0 };
  return {
    open(element) {
      found.elements += 1;
      if (headings.has(element.name)) found.headings += 1;
      if ((element.name === "a" || element.name === "area") && element.attributes.href !== undefined) found.links += 1;
    },
    end(context) {
      const over: Array<[number, number, string]> = [
        [found.headings, limit.headings, "headings"],
        [found.links, limit.links, "links"],
        [found.elements, limit.elements, "HTML elements (tags)"],
      ];
      for (const [count, most, what] of over)
        if (count > most)
          context.report({ message: tooMany(what, count, most), offset: 0, needles: [], wholePage: true });
    },
  };
}
