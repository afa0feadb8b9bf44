// A small static file server for the browser tests: serves a built site on 127.0.0.1 as a host would.
import { createReadStream, statSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, resolve, sep } from "node:path";

export interface StaticServer {
  /** "http://127.0.0.1:PORT", no trailing slash. */
  origin: string;
  close(): Promise<void>;
}

const contentTypes: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".xml": "application/xml",
  ".txt": "text/plain; charset=utf-8",
  ".yml": "text/yaml; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".pdf": "application/pdf",
  ".wasm": "application/wasm",
};

function contentType(file: string): string {
  return contentTypes[extname(file).toLowerCase()] ?? "application/octet-stream";
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Serves `dir` on 127.0.0.1 at a free port: "/x/" gives x/index.html, "/x" (a folder)
 * redirects to "/x/", and anything missing gets 404.html with status 404.
 * `headersFor` adds the headers a host would give each address.
 */
export async function serveSite(
  dir: string,
  options: { headersFor?: (path: string) => Array<[string, string]> } = {},
): Promise<StaticServer> {
  const root = resolve(dir);
  const server = createServer((request, response) => {
    const send = (status: number, file: string | undefined, headers: Record<string, string> = {}) => {
      // A host's own headers (from _headers), each as given: a header set by two rules is sent twice.
      for (const [name, value] of options.headersFor?.(request.url?.split("?")[0] ?? "/") ?? [])
        response.appendHeader(name, value);
      response.writeHead(status, {
        "Cache-Control": "no-store",
        ...(file ? { "Content-Type": contentType(file) } : {}),
        ...headers,
      });
      if (!file || request.method === "HEAD") response.end();
      else createReadStream(file).pipe(response);
    };
    if (request.method !== "GET" && request.method !== "HEAD") return send(405, undefined, { Allow: "GET, HEAD" });
    let path: string;
    try {
      path = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    } catch {
      return send(400, undefined);
    }
    const file = resolve(join(root, path));
    const notFound = join(root, "404.html");
    if (file !== root && !file.startsWith(root + sep)) return send(404, isFile(notFound) ? notFound : undefined);
    if (isDirectory(file)) {
      if (!path.endsWith("/")) return send(301, undefined, { Location: `${path}/` });
      const index = join(file, "index.html");
      if (isFile(index)) return send(200, index);
    } else if (isFile(file)) return send(200, file);
    return send(404, isFile(notFound) ? notFound : undefined);
  });
  await new Promise<void>((done, fail) => {
    server.once("error", fail);
    server.listen(0, "127.0.0.1", done);
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
