// Synthetic pages shaped like ours, for the build benchmark: the same seed always gives the same site.
import { titleMaxLength } from "../src/content/schema.js";
import { oldAddresses } from "../src/output/old-site.js";

/** One file to write under the generated project's `content/`. */
export interface BenchFile {
  /** Path inside `content/`, e.g. "our-work/leading-together-12.md". */
  path: string;
  contents: string;
}

export interface BenchSite {
  files: BenchFile[];
  /** Address of every generated page, in generation order. */
  urls: string[];
}

/** mulberry32: a small, fast, seedable generator (enough for test data, not for secrets). */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const words = (
  "leaders leadership public service services network programme delegates chief executives sector sectors country " +
  "collaboration evidence research insight insights challenges strategic complex society government health policing " +
  "education local councils communities partners peers cohort learning skills knowledge trust systems change " +
  "innovation data practice support region regions agencies resilience wellbeing inclusion diversity people " +
  "together across working shared ideas problems outcomes places national senior experience future delivery"
).split(" ");

const titleWords = (
  "Leading Together Across Boundaries Public Service Network Insight Evidence Systems Change Places People " +
  "Trust Learning Resilience Innovation Collaboration Future Delivery Communities Practice Strategy Inclusion"
).split(" ");

/**
 * The sections in the main nav, with the home page and News: six nav items, like the real site.
 * Their orders start at 10, clear of the real site's own Nunjucks pages that the benchmark adds.
 */
const sections = ["our-work", "the-network", "research", "about-us"] as const;

interface Page {
  path: string;
  url: string;
  title: string;
  kind: "home" | "section" | "news" | "primary" | "footer" | "post" | "page";
  fields: Record<string, unknown>;
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

function sentence(random: () => number, min = 8, max = 16): string {
  const length = min + Math.floor(random() * (max - min + 1));
  const chosen: string[] = [];
  for (let i = 0; i < length; i += 1) chosen.push(pick(random, words));
  const text = chosen.join(" ");
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

function paragraph(random: () => number, sentences: number): string {
  return Array.from({ length: sentences }, () => sentence(random)).join(" ");
}

/** A title of two to four words and a number, within the check's limit (src/content/schema.ts). */
function title(random: () => number, n: number): string {
  const count = 2 + Math.floor(random() * 3);
  const chosen = Array.from({ length: count }, () => pick(random, titleWords));
  while (chosen.length > 1 && `${chosen.join(" ")} ${n}`.length > titleMaxLength) chosen.pop();
  return `${chosen.join(" ")} ${n}`;
}

/** A summary of 50–160 characters, as the content checks ask. */
function metadesc(random: () => number): string {
  let text = sentence(random, 10, 14);
  while (text.length < 60) text = `${text} ${sentence(random, 4, 6)}`;
  return text.length <= 155 ? text : `${text.slice(0, 150).replace(/\s+\S*$/, "")}.`;
}

function link(random: () => number, urls: readonly string[], self: string): string {
  let url = pick(random, urls);
  if (url === self) url = urls[0] as string;
  const text = Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick(random, words)).join(" ");
  return `[${text}](${url})`;
}

/** About 1.5 KB of markdown: headings, paragraphs, lists and links to other generated pages. */
function body(random: () => number, urls: readonly string[], self: string): string {
  const blocks = [
    paragraph(random, 2),
    `## ${title(random, 1 + Math.floor(random() * 9))}`,
    `${paragraph(random, 2)} Read more in ${link(random, urls, self)} and ${link(random, urls, self)}.`,
    [0, 1, 2].map(() => `- ${sentence(random, 4, 9)}`).join("\n") + `\n- See ${link(random, urls, self)}`,
    `### ${title(random, 1 + Math.floor(random() * 9))}`,
    `${paragraph(random, 2)} **${sentence(random, 3, 5)}** *${sentence(random, 3, 5)}*`,
    [1, 2, 3].map((n) => `${n}. ${sentence(random, 4, 8)}`).join("\n"),
    `${paragraph(random, 2)} Find out about ${link(random, urls, self)}.`,
  ];
  return `${blocks.join("\n\n")}\n`;
}

function yamlValue(value: unknown, indent: string): string {
  if (Array.isArray(value)) {
    return value
      .map((item) =>
        typeof item === "object" && item !== null
          ? `\n${indent}- ${Object.entries(item)
              .map(([k, v], i) => `${i ? `${indent}  ` : ""}${k}: ${JSON.stringify(v)}`)
              .join("\n")}`
          : `\n${indent}- ${JSON.stringify(item)}`,
      )
      .join("");
  }
  // JSON strings are valid YAML double-quoted scalars; numbers and booleans are the same in both.
  return ` ${typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : JSON.stringify(value)}`;
}

function frontMatter(fields: Record<string, unknown>): string {
  const lines = Object.entries(fields).map(([key, value]) => `${key}:${yamlValue(value, "  ")}`);
  return `---\n${lines.join("\n")}\n---\n`;
}

/**
 * `count` pages shaped like the NLC's: a home page, five main-nav items (one
 * of them News), six section-nav pages, four footer pages, news posts (a
 * quarter of the site) and ordinary pages nested under the sections, each
 * with front matter and about 1.5 KB of markdown linking to other pages.
 * Directory data files mirror `content/`'s.
 */
export function generateSite(count: number, seed = 1): BenchSite {
  if (!Number.isInteger(count) || count < 20)
    throw new Error(`generateSite needs a whole number of at least 20 pages, not ${count}`);
  const random = seededRandom(seed);
  const pages: Page[] = [];
  const add = (page: Omit<Page, "title"> & { title?: string }) => {
    const name = page.title ?? title(random, pages.length + 1);
    pages.push({ ...page, title: name });
  };

  add({
    kind: "home",
    path: "index.md",
    url: "/",
    title: "National Leadership Centre",
    // The 2020 site's addresses, which every build must keep answering (src/output/old-site.ts).
    fields: {
      layout: "home.njk",
      navtitle: "Home",
      order: 1,
      permalink: "/",
      tags: ["nav"],
      redirect_from: [...oldAddresses],
    },
  });
  sections.forEach((section, i) => {
    const name = section
      .split("-")
      .map((word) => `${word.charAt(0).toUpperCase()}${word.slice(1)}`)
      .join(" ");
    add({
      kind: "section",
      path: `${section}.md`,
      url: `/${section}/`,
      title: name,
      fields: { order: 10 + i, permalink: `/${section}/`, tags: i === 3 ? ["nav", "footer"] : ["nav"] },
    });
  });
  // Every page's aside links to the contact page.
  add({
    kind: "footer",
    path: "contact.md",
    url: "/contact/",
    title: "Contact",
    fields: { order: 20, permalink: "/contact/", tags: ["footer"] },
  });
  add({
    kind: "news",
    path: "news/index.md",
    url: "/news/",
    title: "News",
    fields: { order: 14, permalink: "/news/", tags: ["nav"], layout: "news-index" },
  });
  for (let i = 1; i <= 6; i += 1) {
    const name = title(random, pages.length + 1);
    const slug = slugify(name);
    add({
      kind: "primary",
      path: `${slug}.md`,
      url: `/${slug}/`,
      title: name,
      fields: {
        layout: "primary.njk",
        navtitle: name.split(" ").slice(0, 2).join(" "),
        order: i,
        permalink: `/${slug}/index.html`,
        tags: ["primary"],
      },
    });
  }
  // Two more footer pages: with the contact page and a section, four, as on the real site.
  for (let i = 1; i <= 2; i += 1) {
    const name = title(random, pages.length + 1);
    const slug = slugify(name);
    add({
      kind: "footer",
      path: `${slug}.md`,
      url: `/${slug}/`,
      title: name,
      fields: { order: i + 1, permalink: `/${slug}/`, tags: ["footer"] },
    });
  }

  const posts = Math.floor(count / 4);
  const start = Date.UTC(2019, 0, 1);
  for (let i = 0; i < posts; i += 1) {
    const name = title(random, pages.length + 1);
    const slug = slugify(name);
    const date = new Date(start + Math.floor(random() * 6 * 365) * 86_400_000).toISOString().slice(0, 10);
    add({ kind: "post", path: `news/posts/${slug}.md`, url: `/news/${slug}/`, title: name, fields: { date } });
  }
  while (pages.length < count) {
    const name = title(random, pages.length + 1);
    const slug = slugify(name);
    const section = pick(random, sections);
    const fields: Record<string, unknown> = { permalink: `/${section}/${slug}/` };
    const roll = random();
    if (roll < 0.1) fields.layout = "what-we-do.njk";
    if (roll > 0.7) fields.navtitle = name.split(" ").slice(0, 2).join(" ");
    if (roll > 0.98) fields.redirect_from = [`/old/${slug}/`];
    add({ kind: "page", path: `${section}/${slug}.md`, url: `/${section}/${slug}/`, title: name, fields });
  }

  const urls = pages.map((page) => page.url);
  const files: BenchFile[] = [
    { path: "content.11tydata.json", contents: `${JSON.stringify({ layout: "page.njk" })}\n` },
    {
      path: "news/posts/posts.11tydata.json",
      contents: `${JSON.stringify({ layout: "post.njk", tags: ["posts"] }, null, 2)}\n`,
    },
  ];
  for (const page of pages) {
    const fields: Record<string, unknown> = { title: page.title, metadesc: metadesc(random), ...page.fields };
    if (page.kind === "home" || page.kind === "primary") fields.leader = sentence(random, 10, 16);
    if (page.kind === "home") {
      fields.strandsHeading = "Our work";
      fields.strands = sections
        .slice(0, 3)
        .map((section) => ({ title: section, url: `/${section}/`, text: sentence(random, 8, 12) }));
    }
    files.push({ path: page.path, contents: `${frontMatter(fields)}\n${body(random, urls, page.url)}` });
  }
  return { files, urls };
}
