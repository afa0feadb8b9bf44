// The local editing server `npm run cms` runs (src/cms/local-server.ts), over plain HTTP: it answers
// only its own loopback Host and the preview's Origin, and reads and writes only the editors' pages and
// uploads, never through "..", an absolute path or a symbolic link. Every refusal writes nothing.
import { request } from "node:http";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { editableArea } from "../../src/cms/config.js";
import { refusal, startLocalServer, unsafeSvg, type LocalServer } from "../../src/cms/local-server.js";
import { snapshot } from "../support/folder-snapshot.js";

const previewOrigin = "http://localhost:8080";
let root: string;
let outside: string;
let server: LocalServer;
const refused: string[] = [];

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

/** One request to the server, with the headers given (a browser cannot set Host; a rebinding page's is its own name). */
function call(
  action: string,
  params: Record<string, unknown> = {},
  headers: Record<string, string> = {},
  method = "POST",
): Promise<Answer> {
  const body = JSON.stringify({ action, params: { branch: "main", ...params } });
  return new Promise((resolve, reject) => {
    const sent = request(
      {
        host: "127.0.0.1",
        port: server.port,
        path: "/api/v1",
        method,
        agent: false,
        headers: {
          Host: `127.0.0.1:${server.port}`,
          Origin: previewOrigin,
          "Content-Type": "application/json",
          "Content-Length": method === "OPTIONS" ? 0 : Buffer.byteLength(body),
          ...headers,
        },
      },
      (response) => {
        let text = "";
        response.on("data", (chunk: Buffer) => (text += chunk.toString()));
        response.on("end", () => {
          let parsed: unknown = text;
          try {
            parsed = JSON.parse(text);
          } catch {
            // not JSON: kept as text
          }
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: parsed });
        });
      },
    );
    sent.on("error", reject);
    sent.end(method === "OPTIONS" ? undefined : body);
  });
}

const base64 = (text: string | Buffer) => Buffer.from(text).toString("base64");
const upload = (path: string, content: string | Buffer) =>
  call("persistMedia", {
    asset: { path, content: base64(content), encoding: "base64" },
    options: { commitMessage: "x" },
  });
const page = (path: string, raw = "---\ntitle: Written\n---\n\nWords.\n") =>
  call("persistEntry", { dataFiles: [{ path, slug: "x", raw }], assets: [], options: { commitMessage: "x" } });

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "nlc-local-server-"));
  outside = mkdtempSync(join(tmpdir(), "nlc-local-outside-"));
  for (const folder of ["content/news/posts", "content/site", "static/img", "src", "layouts"])
    mkdirSync(join(root, folder), { recursive: true });
  writeFileSync(join(root, "content/about.md"), "---\ntitle: About\n---\n\nAbout us.\n");
  writeFileSync(join(root, "content/site/404.md"), "---\ntitle: Not found\n---\n");
  writeFileSync(join(root, "src/site.ts"), "export {};\n");
  writeFileSync(join(root, ".eleventy.ts"), "export default () => {};\n");
  writeFileSync(join(outside, "secret.md"), "not the project's");
  // A folder and a file that lead outside the project.
  symlinkSync(outside, join(root, "static/documents"), "dir");
  symlinkSync(join(outside, "secret.md"), join(root, "content/linked.md"));
  server = await startLocalServer(
    {
      root,
      area: editableArea,
      allowedOrigins: [previewOrigin],
      maxBodyBytes: 200_000,
      onRefused: (why) => refused.push(why),
    },
    0,
  );
}, 60_000);

afterAll(async () => {
  await server?.close();
  rmSync(root, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

describe("the local editing server", () => {
  it("answers Decap's calls from the preview's origin, on 127.0.0.1 only", async () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/api/v1`);
    const info = await call("info");
    expect(info.status).toBe(200);
    expect(info.body).toMatchObject({ publish_modes: ["simple"], type: "local_fs" });
    expect(info.headers["access-control-allow-origin"]).toBe(previewOrigin);
    const listed = await call("entriesByFolder", { folder: "content", extension: "md", depth: 1 });
    expect(listed.body).toEqual([
      expect.objectContaining({
        data: "---\ntitle: About\n---\n\nAbout us.\n",
        file: expect.objectContaining({ path: "content/about.md" }),
      }),
    ]);
    const preflight = await call("info", {}, { "Access-Control-Request-Method": "POST" }, "OPTIONS");
    expect(preflight.status).toBe(204);
    expect(preflight.headers["access-control-allow-origin"]).toBe(previewOrigin);
  });

  it("writes the editors' pages and uploads, each kind into its folder", async () => {
    expect((await page("content/news/posts/a-new-post.md")).status).toBe(200);
    expect(readFileSync(join(root, "content/news/posts/a-new-post.md"), "utf8")).toContain("title: Written");
    expect((await upload("static/img/a-picture.png", "png bytes")).status).toBe(200);
    expect(existsSync(join(root, "static/img/a-picture.png"))).toBe(true);
    const media = await call("getMedia", { mediaFolder: "static/img" });
    expect(media.body).toEqual([expect.objectContaining({ path: "static/img/a-picture.png", name: "a-picture.png" })]);
    expect((await call("deleteFiles", { paths: ["static/img/a-picture.png"] })).status).toBe(200);
    expect(existsSync(join(root, "static/img/a-picture.png"))).toBe(false);
  });

  it("refuses any other place or kind of file, by any spelling, and writes nothing", async () => {
    const before = snapshot(root);
    const attempts: Array<[string, () => Promise<Answer>]> = [
      ["../escaped.md", () => page("../escaped.md")],
      ["content/../src/site.ts", () => page("content/../src/site.ts")],
      ["/tmp/escaped.md", () => page("/tmp/escaped.md")],
      ["content\\..\\x.md", () => page("content\\..\\x.md")],
      ["src/site.ts", () => page("src/site.ts")],
      [".eleventy.ts", () => page(".eleventy.ts")],
      ["layouts/base.njk", () => page("layouts/base.njk")],
      ["content/x.njk", () => page("content/x.njk")],
      ["content/site/404.md", () => page("content/site/404.md")],
      ["content/static/img/report.pdf", () => upload("content/static/img/report.pdf", "%PDF")],
      ["static/img/page.html", () => upload("static/img/page.html", "<script>steal()</script>")],
      ["static/img/evil.js", () => upload("static/img/evil.js", "steal()")],
      ["static/img/report.pdf", () => upload("static/img/report.pdf", "%PDF")],
      ["static/root/favicon.png", () => upload("static/root/favicon.png", "png")],
      ["static/documents/report.pdf (a link out)", () => upload("static/documents/report.pdf", "%PDF")],
      ["content/linked.md (a link out)", () => page("content/linked.md")],
      [
        "static/img/x.svg (a script)",
        () => upload("static/img/x.svg", '<svg xmlns="http://www.w3.org/2000/svg"><script>steal()</script></svg>'),
      ],
      [
        "a page and a refused upload together",
        () =>
          call("persistEntry", {
            dataFiles: [{ path: "content/together.md", raw: "---\ntitle: x\n---\n" }],
            assets: [{ path: "static/img/evil.html", content: base64("<script>"), encoding: "base64" }],
            options: {},
          }),
      ],
      [
        "a rename out of content/",
        () =>
          call("persistEntry", {
            dataFiles: [{ path: "content/about.md", newPath: "src/about.md", raw: "x" }],
            assets: [],
          }),
      ],
      ["a delete of src/", () => call("deleteFiles", { paths: ["src/site.ts"] })],
    ];
    for (const [what, attempt] of attempts) {
      const answer = await attempt();
      expect(answer.status, what).toBeGreaterThanOrEqual(400);
    }
    expect(snapshot(root)).toEqual(before);
    expect(readFileSync(join(outside, "secret.md"), "utf8")).toBe("not the project's");
    expect(existsSync(join(outside, "report.pdf"))).toBe(false);
    // Reading through a link, or outside the editors' pages, gives nothing.
    for (const path of ["content/linked.md", "src/site.ts", "../secret.md"]) {
      const read = await call("getEntry", { path });
      expect(JSON.stringify(read.body), path).not.toContain("not the project's");
      expect(JSON.stringify(read.body), path).not.toContain("export {}");
    }
  });

  it("refuses a request whose Host is not its own address, as a DNS-rebinding page's is, and writes nothing", async () => {
    const before = snapshot(root);
    for (const host of [
      `evil.example:${server.port}`,
      `localhost:${server.port}`,
      "127.0.0.1",
      `127.0.0.1:${server.port + 1}`,
    ]) {
      const answer = await call(
        "persistEntry",
        { dataFiles: [{ path: "content/rebound.md", raw: "x" }], assets: [] },
        { Host: host },
      );
      expect(answer.status, host).toBe(403);
      expect(answer.headers["access-control-allow-origin"], host).toBeUndefined();
    }
    expect(snapshot(root)).toEqual(before);
    expect(refused.some((why) => why.includes("evil.example"))).toBe(true);
  });

  it("refuses a request from any other origin, answering nothing a page could read, and writes nothing", async () => {
    const before = snapshot(root);
    for (const origin of [
      "http://evil.example",
      "http://localhost:8081",
      "null",
      "http://127.0.0.1:8080.evil.example",
    ]) {
      const answer = await call(
        "persistEntry",
        { dataFiles: [{ path: "content/foreign.md", raw: "x" }], assets: [] },
        { Origin: origin },
      );
      expect(answer.status, origin).toBe(403);
      expect(answer.headers["access-control-allow-origin"], origin).toBeUndefined();
      const preflight = await call("info", {}, { Origin: origin }, "OPTIONS");
      expect(preflight.headers["access-control-allow-origin"], origin).toBeUndefined();
    }
    expect(snapshot(root)).toEqual(before);
    expect(refusal({ host: "127.0.0.1:8081" }, 8081, [previewOrigin])).toBeUndefined();
    expect(refusal({ host: "127.0.0.1:8081", origin: "http://evil.example" }, 8081, [previewOrigin])).toMatch(/Origin/);
  });

  it("refuses what is not a JSON request of a sensible size", async () => {
    const before = snapshot(root);
    expect((await call("info", {}, { "Content-Type": "text/plain" })).status).toBe(415);
    expect((await upload("static/img/big.png", Buffer.alloc(300_000))).status).toBe(413);
    expect((await call("nonsense")).status).toBe(422);
    expect(snapshot(root)).toEqual(before);
  });

  it("accepts an SVG only with nothing in it that runs or loads", () => {
    expect(
      unsafeSvg(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><rect width="2" height="2"/></svg>')),
    ).toBeUndefined();
    for (const svg of [
      "<svg><script>x()</script></svg>",
      '<svg onload="x()"></svg>',
      '<svg><a href="https://evil.example/">x</a></svg>',
      '<svg><image href="https://tracker.example/p.png"/></svg>',
      '<svg><rect style="fill:url(https://tracker.example/p)"/></svg>',
      "<svg><foreignObject><iframe src=x></iframe></foreignObject></svg>",
    ])
      expect(unsafeSvg(Buffer.from(svg)), svg).toBeDefined();
  });
});
