import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { basename } from "node:path";
import {
  deleteProjectFile,
  editablePath,
  listableFolder,
  listProjectFolder,
  readProjectFile,
  RefusedPath,
  sha256,
  writeProjectFile,
  type EditableArea,
} from "./local-files.js";

/**
 * The local editing server `npm run cms` runs: the part of Decap CMS's
 * local-backend protocol (its "proxy" backend, `fs` mode) that the browser
 * editor calls, answering on 127.0.0.1 only, and only to the editor:
 *
 * - a request whose Host is not this server's own loopback address and port
 *   is refused, so a web page cannot reach it by DNS rebinding;
 * - a request whose Origin is not the preview's (where /admin/ is served) is
 *   refused, so no other site can drive it from an editor's browser; a
 *   request with no Origin comes from a program on this machine, not a page;
 * - it reads and writes only the editors' pages and uploads (src/cms/local-files.ts),
 *   so even a request it answers cannot reach src/, layouts/ or anything
 *   the build would run.
 *
 * Pages of the preview share the editor's origin; the site's
 * Content-Security-Policy (connect-src 'self') keeps their scripts from
 * calling this server, which is on another origin.
 */

export interface LocalServerOptions {
  /** The project folder. */
  root: string;
  /** What may be read and written (src/cms/config.ts editableArea). */
  area: EditableArea;
  /** Origins of the pages allowed to call, such as http://localhost:8080 (where /admin/ is). */
  allowedOrigins: readonly string[];
  /** The largest request accepted, in bytes: an upload travels as base64 inside JSON. */
  maxBodyBytes?: number;
  /** Tells of each refused request, for the terminal. */
  onRefused?: (reason: string) => void;
}

export interface LocalServer {
  server: Server;
  /** http://127.0.0.1:PORT/api/v1 */
  url: string;
  port: number;
  close(): Promise<void>;
}

const apiPath = "/api/v1";
const defaultMaxBody = 40 * 1024 * 1024;

class Refused extends Error {
  readonly status: number;

  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

interface MediaFile {
  id: string;
  content: string;
  encoding: "base64";
  path: string;
  name: string;
}

/** An SVG that could run script, or load anything, when opened on the site's origin: the form refuses it as the check does. */
export function unsafeSvg(content: Buffer): string | undefined {
  const text = content.toString("utf8").toLowerCase();
  const found = [
    [/<script/, "a script"],
    [/\son[a-z]+\s*=/, "an event attribute (on…=)"],
    [/href\s*=\s*["']?\s*(?!#)/, "a link to another file or site"],
    [/url\s*\(\s*["']?\s*(?!#)/, "a reference to another file or site"],
    [
      /<(?:foreignobject|iframe|embed|object|image|feimage|animate|set|handler|style)\b/,
      "an element that can load or change content",
    ],
    [/<!(?:entity|doctype)/, "a document type or entity declaration"],
    [/javascript:|@import/, "a script address or an import"],
  ] as const;
  for (const [pattern, what] of found) if (pattern.test(text)) return what;
  return undefined;
}

/** The bytes of an upload, refused when its kind is not allowed or an SVG is unsafe. */
function uploadBytes(path: string, content: unknown, encoding: unknown): Buffer {
  if (typeof content !== "string") throw new Refused(422, `${path}: no content`);
  const bytes = Buffer.from(content, encoding === "base64" ? "base64" : "utf8");
  if (path.endsWith(".svg")) {
    const unsafe = unsafeSvg(bytes);
    if (unsafe) throw new Refused(422, `${path} cannot be uploaded: the SVG holds ${unsafe}. Save it as a PNG instead`);
  }
  return bytes;
}

function pathOf(area: EditableArea, path: unknown): { path: string; use: "page" | "upload" } {
  try {
    return editablePath(area, path);
  } catch (caught) {
    if (caught instanceof RefusedPath) throw new Refused(403, caught.message);
    throw caught;
  }
}

async function entry(root: string, area: EditableArea, file: { path?: unknown; label?: unknown }) {
  const { path } = pathOf(area, file.path);
  const content = await readProjectFile(root, path);
  const label = typeof file.label === "string" ? file.label : undefined;
  return content
    ? { data: content.toString("utf8"), file: { path, label, id: sha256(content) } }
    : { data: null, file: { path, label, id: null } };
}

async function mediaFile(root: string, area: EditableArea, path: unknown): Promise<MediaFile> {
  const clean = pathOf(area, path).path;
  const content = await readProjectFile(root, clean);
  if (!content) throw new Refused(404, `${clean} does not exist`);
  return {
    id: sha256(content),
    content: content.toString("base64"),
    encoding: "base64",
    path: clean,
    name: basename(clean),
  };
}

type Params = Record<string, unknown>;

/** One action of Decap's local-backend protocol; the answer is sent as JSON. */
async function act(root: string, area: EditableArea, action: unknown, params: Params): Promise<unknown> {
  switch (action) {
    case "info":
      return { repo: basename(root), publish_modes: ["simple"], type: "local_fs" };
    case "entriesByFolder": {
      const folder = listableFolder(area, params.folder);
      const extension = typeof params.extension === "string" ? params.extension : "md";
      const files = (await listProjectFolder(root, folder)).filter((file) => file.endsWith(`.${extension}`));
      return Promise.all(files.map((path) => entry(root, area, { path })));
    }
    case "entriesByFiles": {
      const files = Array.isArray(params.files) ? (params.files as Array<{ path?: unknown; label?: unknown }>) : [];
      return Promise.all(files.map((file) => entry(root, area, file)));
    }
    case "getEntry":
      return entry(root, area, { path: params.path });
    case "persistEntry": {
      const dataFiles = (
        Array.isArray(params.dataFiles) ? params.dataFiles : params.entry ? [params.entry] : []
      ) as Params[];
      const assets = (Array.isArray(params.assets) ? params.assets : []) as Params[];
      // Every path is checked before anything is written, so a refused save writes nothing.
      const pages = dataFiles.map((file) => {
        const { path, use } = pathOf(area, file.path);
        if (use !== "page") throw new Refused(403, `${path} is not a page`);
        const newPath = file.newPath === undefined || file.newPath === null ? undefined : pathOf(area, file.newPath);
        if (newPath && newPath.use !== "page") throw new Refused(403, `${newPath.path} is not a page`);
        if (typeof file.raw !== "string") throw new Refused(422, `${path}: no text`);
        return { path, newPath: newPath?.path, raw: file.raw };
      });
      const uploads = assets.map((asset) => {
        const { path, use } = pathOf(area, asset.path);
        if (use !== "upload") throw new Refused(403, `${path} is not an upload`);
        return { path, bytes: uploadBytes(path, asset.content, asset.encoding) };
      });
      for (const upload of uploads) await writeProjectFile(root, upload.path, upload.bytes);
      for (const page of pages) {
        await writeProjectFile(root, page.newPath ?? page.path, Buffer.from(page.raw, "utf8"));
        if (page.newPath && page.newPath !== page.path) await deleteProjectFile(root, page.path);
      }
      return { message: "entry persisted" };
    }
    case "getMedia": {
      const folder = listableFolder(area, params.mediaFolder);
      if (!Object.values(area.uploadFolders).includes(folder)) throw new Refused(403, `${folder} holds no uploads`);
      return Promise.all((await listProjectFolder(root, folder)).map((path) => mediaFile(root, area, path)));
    }
    case "getMediaFile":
      return mediaFile(root, area, params.path);
    case "persistMedia": {
      const asset = (params.asset ?? {}) as Params;
      const { path, use } = pathOf(area, asset.path);
      if (use !== "upload") throw new Refused(403, `${path} is not an upload`);
      await writeProjectFile(root, path, uploadBytes(path, asset.content, asset.encoding));
      return mediaFile(root, area, path);
    }
    case "deleteFile":
    case "deleteFiles": {
      const paths = action === "deleteFile" ? [params.path] : Array.isArray(params.paths) ? params.paths : [];
      const clean = paths.map((path) => pathOf(area, path).path);
      for (const path of clean) await deleteProjectFile(root, path);
      return { message: `deleted ${clean.join(", ")}` };
    }
    case "getDeployPreview":
      // Published entries are previewed through config.yml's site_url: the preview on the editor's own origin.
      return null;
    default:
      throw new Refused(422, `unknown action ${JSON.stringify(String(action)).slice(0, 60)}`);
  }
}

function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      // Past the limit the rest is read and dropped, so the answer reaches the sender.
      if (size <= limit) chunks.push(chunk);
    });
    request.on("end", () =>
      size > limit
        ? reject(new Refused(413, `the request is larger than ${Math.max(1, Math.round(limit / 1024 / 1024))} MB`))
        : resolve(Buffer.concat(chunks)),
    );
    request.on("error", reject);
  });
}

function send(response: ServerResponse, status: number, body: unknown, origin?: string): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": Buffer.byteLength(text),
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    Vary: "Origin",
    ...(origin ? { "Access-Control-Allow-Origin": origin } : {}),
  });
  response.end(text);
}

/**
 * Whether a request may be answered at all: its Host is this server's own
 * loopback address and port, and its Origin (if any) one of the allowed.
 * Returns the reason when it may not.
 */
export function refusal(
  headers: IncomingMessage["headers"],
  port: number,
  allowedOrigins: readonly string[],
): string | undefined {
  const host = headers.host;
  if (host !== `127.0.0.1:${port}`) return `Host ${JSON.stringify(host ?? "")} is not 127.0.0.1:${port}`;
  const origin = headers.origin;
  if (origin !== undefined && !allowedOrigins.includes(origin))
    return `Origin ${JSON.stringify(origin)} is not the preview's (${allowedOrigins.join(" or ")})`;
  return undefined;
}

/** Starts the server on 127.0.0.1 (`port` 0 chooses a free one). */
export async function startLocalServer(options: LocalServerOptions, port: number): Promise<LocalServer> {
  const limit = options.maxBodyBytes ?? defaultMaxBody;
  const server = createServer(async (request, response) => {
    const own = (server.address() as AddressInfo).port;
    const why = refusal(request.headers, own, options.allowedOrigins);
    if (why) {
      options.onRefused?.(why);
      // No CORS headers: a page elsewhere learns nothing, not even the answer's text.
      send(response, 403, { error: `refused: ${why}` });
      request.resume();
      return;
    }
    const origin = request.headers.origin;
    const url = request.url ?? "";
    if (url !== apiPath) {
      send(response, 404, { error: "not found" }, origin);
      request.resume();
      return;
    }
    if (request.method === "OPTIONS") {
      response.writeHead(204, {
        ...(origin ? { "Access-Control-Allow-Origin": origin } : {}),
        "Access-Control-Allow-Methods": "POST",
        "Access-Control-Allow-Headers": "Content-Type",
        "Access-Control-Max-Age": "600",
        Vary: "Origin",
      });
      response.end();
      return;
    }
    if (request.method !== "POST") {
      send(response, 405, { error: "only POST" }, origin);
      request.resume();
      return;
    }
    if (!/^application\/json\b/i.test(request.headers["content-type"] ?? "")) {
      send(response, 415, { error: "the request must be JSON" }, origin);
      request.resume();
      return;
    }
    try {
      const body = JSON.parse((await readBody(request, limit)).toString("utf8")) as {
        action?: unknown;
        params?: unknown;
      };
      const params = body.params && typeof body.params === "object" ? (body.params as Params) : {};
      send(response, 200, await act(options.root, options.area, body.action, params), origin);
    } catch (caught) {
      if (caught instanceof Refused || caught instanceof RefusedPath) {
        const status = caught instanceof Refused ? caught.status : 403;
        options.onRefused?.(caught.message);
        send(response, status, { error: caught.message }, origin);
      } else if (caught instanceof SyntaxError) {
        send(response, 400, { error: "the request is not valid JSON" }, origin);
      } else {
        const message = caught instanceof Error ? caught.message : String(caught);
        options.onRefused?.(message);
        send(response, 500, { error: "the file could not be read or written" }, origin);
      }
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    server,
    port: actual,
    url: `http://127.0.0.1:${actual}${apiPath}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
