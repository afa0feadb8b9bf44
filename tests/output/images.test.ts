import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "node-html-parser";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite } from "../../src/build/build.js";
import { generateImages, optimiseImages, type ImageOptions } from "../../src/output/images.js";
import { fixtureProject, fixtureSite, page } from "../support/fixture-project.js";

let root: string;
let outputDir: string;

/** A page's pictures as the build makes them: the HTML, then the files, once the page is done. */
async function optimised(html: string, options: ImageOptions): Promise<string> {
  const jobs = new Set<string>();
  const result = await optimiseImages(html, { ...options, jobs });
  await generateImages(jobs, options.outputDir);
  return result;
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "nlc-images-"));
  outputDir = join(root, "_site");
  mkdirSync(join(root, "static/img"), { recursive: true });
  await sharp({ create: { width: 300, height: 200, channels: 3, background: "#ce132d" } })
    .png()
    .toFile(join(root, "static/img/forum photo.png"));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("content images", () => {
  it("become a <picture> with AVIF and WebP and the original as fallback, sized, lazy, alt text kept", async () => {
    const html = await optimised(
      `<p>Before</p><p><img src="/static/img/forum%20photo.png" alt="Delegates at the forum" class="photo"></p><p>After</p>`,
      { root, outputDir },
    );
    const page = parse(html);
    const picture = page.querySelector("picture");
    expect(picture, html).not.toBeNull();
    expect(picture?.querySelectorAll("source").map((source) => source.getAttribute("type"))).toEqual([
      "image/avif",
      "image/webp",
    ]);
    const img = picture?.querySelector("img");
    expect(img?.getAttribute("alt")).toBe("Delegates at the forum");
    expect(img?.getAttribute("class")).toBe("photo");
    expect([img?.getAttribute("width"), img?.getAttribute("height")]).toEqual(["300", "200"]);
    expect(img?.getAttribute("loading")).toBe("lazy");
    expect(img?.getAttribute("decoding")).toBe("async");
    expect(img?.getAttribute("src")).toMatch(/^\/img\/[\w-]+\.png$/);
    expect(img?.getAttribute("style")).toBeUndefined();
    // Every address the page names was written where the host will serve it.
    const urls = [
      img?.getAttribute("src") ?? "",
      ...(picture?.querySelectorAll("source").map((source) => source.getAttribute("srcset") ?? "") ?? []),
    ];
    for (const url of urls.map((u) => u.split(" ")[0] ?? "")) expect(existsSync(join(outputDir, url)), url).toBe(true);
    expect(page.querySelectorAll("p").map((p) => p.text)).toEqual(["Before", "", "After"]);
  });

  it("loads the banner image at once: it is at the top of the page", async () => {
    const html = await optimised(`<img class="hero__image" src="/static/img/forum%20photo.png" alt="">`, {
      root,
      outputDir,
    });
    expect(parse(html).querySelector("img")?.getAttribute("loading")).toBe("eager");
    expect(parse(html).querySelector("img")?.getAttribute("alt")).toBe("");
  });

  it("gives the same file names every build", async () => {
    const a = await optimised(`<img src="/static/img/forum%20photo.png" alt="">`, { root, outputDir });
    const b = await optimised(`<img src="/static/img/forum%20photo.png" alt="">`, {
      root,
      outputDir: join(root, "_other"),
    });
    expect(b).toBe(a);
  });

  it("leaves SVG, other sites' images, missing files and pictures alone", async () => {
    const html = `<img src="/static/img/ui/report.svg" alt="" width="120" height="170"><img src="https://example.com/a.png" alt="x"><img src="/static/img/missing.png" alt="y"><picture><img src="/static/img/forum%20photo.png" alt="z"></picture>`;
    expect(await optimised(html, { root, outputDir })).toBe(html);
  });
});

describe("a photo in a page's markdown", () => {
  it("is built as a sized, lazy <picture> with modern formats, every file of it on the site", async () => {
    const project = fixtureProject(fixtureSite("small-site"));
    try {
      await sharp({ create: { width: 640, height: 360, channels: 3, background: "#323e48" } })
        .jpeg()
        .toFile(join(project.root, "static/img/forum.jpg"));
      project.write(
        "content/photo.md",
        page(
          "title: A page with a photo\nmetadesc: A page of the site that shows a photograph, to check how content images are built.\npermalink: /photo/",
          "Some words about the page, enough to read.\n\n![Delegates at the forum](/static/img/forum.jpg)\n",
        ),
      );
      const result = await buildSite({ root: project.root, output: "_site" });
      expect(result.ok, JSON.stringify(result.problems)).toBe(true);
      const built = parse(readFileSync(join(project.root, "_site/photo/index.html"), "utf8"));
      const img = built.querySelector("main picture img");
      expect(img?.getAttribute("alt")).toBe("Delegates at the forum");
      expect([img?.getAttribute("width"), img?.getAttribute("height"), img?.getAttribute("loading")]).toEqual([
        "640",
        "360",
        "lazy",
      ]);
      const sources = built.querySelectorAll("main picture source");
      expect(sources.map((source) => source.getAttribute("type"))).toEqual(["image/avif", "image/webp"]);
      for (const url of [
        img?.getAttribute("src") ?? "",
        ...sources.map((source) => (source.getAttribute("srcset") ?? "").split(" ")[0] ?? ""),
      ]) {
        expect(url, url).toMatch(/^\/img\//);
        expect(existsSync(join(project.root, "_site", url)), url).toBe(true);
      }
    } finally {
      project.remove();
    }
  });
});
