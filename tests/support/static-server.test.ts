import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveSite, type StaticServer } from "./static-server.js";
import { temporarySite } from "./temporary-site.js";

const site = temporarySite({
  "index.html": "<p>home</p>",
  "news/index.html": "<p>news</p>",
  "404.html": "<p>not found</p>",
  "assets/main.abc.css": "body{}",
  "assets/site.abc.js": "1",
  "img/a.svg": "<svg></svg>",
});
let server: StaticServer;

beforeAll(async () => {
  server = await serveSite(site.dir);
});
afterAll(async () => {
  await server.close();
  site.remove();
});

const get = (path: string) => fetch(`${server.origin}${path}`, { redirect: "manual" });

describe("the test server", () => {
  it("listens on 127.0.0.1 only", () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it("serves pages and files with their content types", async () => {
    const cases: [string, string, string][] = [
      ["/", "text/html; charset=utf-8", "<p>home</p>"],
      ["/news/", "text/html; charset=utf-8", "<p>news</p>"],
      ["/news/index.html", "text/html; charset=utf-8", "<p>news</p>"],
      ["/assets/main.abc.css", "text/css; charset=utf-8", "body{}"],
      ["/assets/site.abc.js?v=1", "text/javascript; charset=utf-8", "1"],
      ["/img/a.svg", "image/svg+xml", "<svg></svg>"],
    ];
    for (const [path, type, body] of cases) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get("content-type"), path).toBe(type);
      expect(await response.text(), path).toBe(body);
    }
  });

  it("sends a folder without its slash to the address with one", async () => {
    const response = await get("/news");
    expect(response.status).toBe(301);
    expect(response.headers.get("location")).toBe("/news/");
  });

  it("answers anything missing with 404.html and status 404, and never serves outside the site", async () => {
    for (const path of ["/nowhere/", "/assets/gone.css", "/..%2f..%2fetc/passwd"]) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      expect(await response.text(), path).toBe("<p>not found</p>");
    }
  });
});
