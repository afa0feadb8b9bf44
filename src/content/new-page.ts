import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

/** "Our Programme: 2024 & beyond!" → "our-programme-2024-and-beyond". */
export function slugify(title: string): string {
  return title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[’']/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .split("-")
    .filter((word) => word !== "")
    .join("-")
    .slice(0, 60)
    .replace(/-$/, "");
}

export interface NewPage {
  /** Path from the project folder of the file written. */
  file: string;
  url: string;
}

function yamlText(text: string): string {
  return JSON.stringify(text); // a JSON string is a valid YAML string, whatever it holds
}

/** The text of a new page: well-formed front matter with a note on each field, kept as a draft until the editor is ready. */
function pageTemplate(title: string, kind: "page" | "news", today: Date): string {
  const slug = slugify(title);
  const lines = [
    "---",
    `title: ${yamlText(title)}`,
    "# One sentence saying what the page offers, 50 to 160 characters. Search engines show it.",
    "metadesc: Write one sentence here that tells a visitor what this page offers them.",
  ];
  if (kind === "news") {
    lines.push(`date: ${today.toISOString().slice(0, 10)}`);
  } else {
    lines.push(
      "# page (plain) or primary (a banner with the title and a leader sentence).",
      "layout: page.njk",
      `permalink: /${slug}/`,
      "# To put the page in a nav, remove the # from these lines, pick nav, primary or footer, and a position (navs go in steps of 10):",
      "# tags:",
      "#   - primary",
      "# order: 40",
    );
  }
  lines.push("# Remove the next line when the page is ready to publish. Until then it shows only in npm start.", "draft: true", "---", "");
  lines.push("Write the page here. Start with what the reader most needs to know.", "", "## A heading for the next part", "", "More text.", "");
  return lines.join("\n");
}

/** Writes a new page (or news post) for `title`; never overwrites an existing file. */
export function createPage(root: string, title: string, kind: "page" | "news" = "page", today = new Date()): NewPage {
  const slug = slugify(title);
  if (!slug) throw new Error(`"${title}" has no letters or numbers to make an address from: give the page a title in words`);
  const file = kind === "news" ? `content/news/posts/${slug}.md` : `content/${slug}.md`;
  if (existsSync(join(root, file))) throw new Error(`${file} already exists: choose another title, or edit that file`);
  mkdirSync(dirname(join(root, file)), { recursive: true });
  writeFileSync(join(root, file), pageTemplate(title, kind, today), { flag: "wx" });
  return { file, url: kind === "news" ? `/news/${slug}/` : `/${slug}/` };
}
