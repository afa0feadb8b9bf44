// The news list in pages: /news/ shows the newest posts and leads to older ones, so a site with many posts
// keeps every page light. Built on the fixture site with posts the test adds.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postsPerPage } from "../../src/render/posts.js";
import { buildFixture, fixtureProject, fixtureSite, page, type FixtureProject } from "../support/fixture-project.js";
import { htmlUrls, readPage, siteProblems } from "../support/site-invariants.js";
import { staticGateProblems } from "../support/static-gates.js";

let project: FixtureProject;
let siteDir: string;
const added = postsPerPage * 2 + 3;

beforeAll(async () => {
  const site = fixtureSite("small-site");
  const posts: Record<string, string> = {};
  for (let i = 1; i <= added; i += 1) {
    const day = String(1 + (i % 28)).padStart(2, "0");
    const month = String(1 + Math.floor(i / 28)).padStart(2, "0");
    posts[`news/posts/post-${i}.md`] = page(
      `title: Post number ${i}\nmetadesc: A post the test adds, so that the news list runs to several pages of posts.\ndate: 2025-${month}-${day}`,
    );
  }
  project = fixtureProject({ ...site, content: { ...site.content, ...posts } });
  siteDir = await buildFixture(project);
}, 180_000);
afterAll(() => project?.remove());

const titles = (url: string) =>
  readPage(siteDir, url)
    .querySelectorAll(".post-list__title")
    .map((h) => h.text.trim());
const pager = (url: string) =>
  readPage(siteDir, url)
    .querySelectorAll(".pagination a")
    .map((a) => `${a.getAttribute("rel")} ${a.getAttribute("href")}`);

describe("the news list, in pages", () => {
  it("shows the newest posts on /news/, then the rest in order on /news/page/2/ onwards, each post once", () => {
    const pages = htmlUrls(siteDir).filter((url) => url === "/news/" || url.startsWith("/news/page/"));
    expect(pages.sort()).toEqual(["/news/", "/news/page/2/", "/news/page/3/"]);
    const listed = ["/news/", "/news/page/2/", "/news/page/3/"].flatMap(titles);
    expect(titles("/news/")).toHaveLength(postsPerPage);
    expect(new Set(listed).size).toBe(listed.length);
    expect(listed.length).toBeGreaterThanOrEqual(added);
  });

  it("links each page to the next and the previous, and says where the reader is", () => {
    expect(pager("/news/")).toEqual(["next /news/page/2/"]);
    expect(pager("/news/page/2/")).toEqual(["prev /news/", "next /news/page/3/"]);
    expect(pager("/news/page/3/")).toEqual(["prev /news/page/2/"]);
    expect(readPage(siteDir, "/news/page/2/").querySelector(".pagination__where")?.text).toBe("Page 2 of 3");
  });

  it("holds the invariants and the static gates (links, HTML, weight)", async () => {
    expect(await siteProblems(project.root, siteDir)).toEqual([]);
    expect(await staticGateProblems(project.root, siteDir)).toEqual([]);
  });
});
