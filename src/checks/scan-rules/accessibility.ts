// What a screen reader or keyboard user meets on a page that content can break:
// the main heading, heading levels, alt text, frame titles, link text, table headers, new-tab links.
import { literally, tagWith, type PageRule, type ScannedElement } from "../../core/html-scanner.js";
import { trimEnd } from "../../core/text.js";

const levels = new Map([
  ["h1", 1],
  ["h2", 2],
  ["h3", 3],
  ["h4", 4],
  ["h5", 5],
  ["h6", 6],
]);
const headingLevel = (name: string): number | undefined => levels.get(name);

/** Where a heading is in a source: as markdown ("## Text"), else its text. */
function headingNeedles(level: number, text: string): (string | RegExp)[] {
  return text ? [new RegExp(`^#{${level}}[ \\t]+${literally(text)}`, "m"), `<h${level}`, text] : [`<h${level}`];
}

/** One h1 a page: its title. */
export function oneMainHeading(): PageRule {
  const mains: ScannedElement[] = [];
  return {
    close(element) {
      if (element.name === "h1") mains.push(element);
    },
    end(context) {
      const second = mains[1];
      if (mains.length === 0) {
        context.report({
          message:
            "the page has no main heading (h1): give it a title in the front matter, or a layout that shows the title",
          offset: 0,
          needles: [],
          wholePage: true,
        });
      } else if (second) {
        context.report({
          message: `the page has ${mains.length} main headings (h1); a page has one, its title. Make "${second.text}" a ## heading`,
          offset: second.start,
          needles: [`# ${second.text}`, "<h1", second.text],
        });
      }
    },
  };
}

/** Headings go down one level at a time (## then ###), so their outline makes sense to someone listening. */
export function headingLevels(): PageRule {
  let previous = 0;
  return {
    close(element, _implied, context) {
      const level = headingLevel(element.name);
      if (level === undefined) return;
      if (previous > 0 && level > previous + 1) {
        const hashes = "#".repeat(level);
        context.report({
          message: `the heading "${element.text}" is level ${level} (${hashes}) straight after a level ${previous} heading: headings go down one level at a time, so make it ${"#".repeat(previous + 1)}`,
          offset: element.start,
          needles: headingNeedles(level, element.text),
        });
      }
      previous = level;
    },
  };
}

/** Every image says what it shows, or alt="" for decoration. */
export function imageAlt(): PageRule {
  return {
    open(element, context) {
      if (element.name !== "img" || element.attributes.alt !== undefined) return;
      const src = element.attributes.src ?? "";
      context.report({
        message: `image ${src} has no alt text: add alt="what the picture shows", or alt="" if it is only decoration`,
        offset: element.start,
        needles: [tagWith("img", "src", src), src, "<img"],
      });
    },
  };
}

/** A frame says what it holds. */
export function frameTitle(): PageRule {
  return {
    open(element, context) {
      if (element.name !== "iframe" || (element.attributes.title ?? "").trim()) return;
      const src = element.attributes.src ?? "";
      context.report({
        message: `embedded frame ${src} has no title: add title="what it shows" so screen reader users know what it is`,
        offset: element.start,
        needles: [tagWith("iframe", "src", src), "<iframe"],
      });
    },
  };
}

/** A link that opens a new tab cannot reach back into this page. */
export function newTabNoopener(): PageRule {
  return {
    open(element, context) {
      if (element.name !== "a" || element.attributes.target !== "_blank") return;
      if ((element.attributes.rel ?? "").toLowerCase().split(/\s+/).includes("noopener")) return;
      const href = element.attributes.href ?? "";
      context.report({
        message: `link to ${href} opens a new tab without rel="noopener": add rel="noopener noreferrer" to it`,
        offset: element.start,
        needles: [tagWith("a", "href", href), 'target="_blank"'],
      });
    },
  };
}

/** Link text heard out of context (a screen reader's list of links) that says nothing about where it goes. */
const vagueLinkText = new Set([
  "click here",
  "here",
  "click",
  "read more",
  "more",
  "link",
  "this link",
  "this",
  "find out more",
  "more info",
  "more information",
  "learn more",
  "go",
  "this page",
]);

/** Every link has text, and text that names where it goes. */
export function linkText(): PageRule {
  return {
    close(element, _implied, context) {
      if (element.name !== "a" || element.attributes.href === undefined) return;
      if (element.attributes["aria-hidden"] === "true") return;
      const href = element.attributes.href;
      const label = (element.attributes["aria-label"] ?? "").trim();
      const words = label || element.text;
      const needles = [tagWith("a", "href", href), `[](${href})`, `](${href})`, href];
      if (!words) {
        context.report({
          message: `the link to ${href} has no text, so screen readers announce only its address: write words for it, e.g. [Contact us](${href})`,
          offset: element.start,
          needles,
        });
      } else if (vagueLinkText.has(trimEnd(words.toLowerCase(), ".!:…"))) {
        context.report({
          message: `the link text "${words}" does not say where the link goes, and screen reader users often hear links on their own: use words that name the page, e.g. "read the annual report"`,
          offset: element.start,
          needles: [`[${words}](${href})`, `[${words}]`, ...needles],
        });
      }
    },
  };
}

/** A data table has header cells, so each cell can be read with its heading. */
export function tableHeaders(): PageRule {
  const tables: { element: ScannedElement; headers: boolean }[] = [];
  return {
    open(element) {
      if (element.name === "table") tables.push({ element, headers: false });
      else if (element.name === "th") {
        const table = tables[tables.length - 1];
        if (table) table.headers = true;
      }
    },
    close(element, _implied, context) {
      if (element.name !== "table") return;
      const table = tables.pop();
      if (!table || table.headers || table.element.attributes.role === "presentation") return;
      context.report({
        message:
          "this table has no header cells, so screen readers cannot say which column a cell is in: give it a header row (in markdown, the first row, then a line of | --- |)",
        offset: element.start,
        needles: ["<table", /^[ \t]*\|/m],
      });
    },
  };
}
