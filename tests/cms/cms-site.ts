// A fixture copy of the project, built with the editor in local mode, served on 127.0.0.1 with
// the headers its _headers file gives each address, beside decap-server writing into the copy.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { join } from "node:path";
import type { Browser, Page, Route } from "playwright-core";
import { routeHandler } from "../support/gates/page-checks.js";
import { headersFor, parseHeadersFile } from "../support/host-files.js";
import { serveSite, type StaticServer } from "../support/static-server.js";
import { launchBrowser } from "../browser/site.js";
import { localBackendEnv } from "../../src/cms/local-backend.js";
import { fixtureProject, fixtureSite, type FixtureProject } from "../support/fixture-project.js";

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

/** Runs a project command (src/cli/*.ts) in the fixture; resolves with its exit code and output. */
export function runCli(
  root: string,
  script: string,
  env: NodeJS.ProcessEnv = {},
  args: string[] = [],
): Promise<{ code: number; output: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ["--import", "tsx/esm", script, ...args], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("close", (code) => done({ code: code ?? 1, output }));
  });
}

/** Starts decap-server on 127.0.0.1 writing into `root`, with the settings `npm run cms` uses. */
export async function startLocalBackend(root: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(root, "node_modules", "decap-server", "dist", "index.js")], {
    cwd: root,
    env: { ...process.env, ...localBackendEnv(root, port).env, LOG_LEVEL: "info" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  await new Promise<void>((done, fail) => {
    let output = "";
    const timer = setTimeout(() => fail(new Error(`decap-server did not start: ${output}`)), 30_000);
    const listen = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("listening")) {
        clearTimeout(timer);
        done();
      }
    };
    child.stdout?.on("data", listen);
    child.stderr?.on("data", listen);
    child.on("exit", () => fail(new Error(`decap-server stopped: ${output}`)));
  });
  return child;
}

export interface CmsSite {
  project: FixtureProject;
  origin: string;
  backendPort: number;
  browser: Browser;
  /** Addresses requested that left 127.0.0.1. */
  outside: string[];
  /** A new page; requests leaving 127.0.0.1 are recorded and stopped. */
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

export async function openCmsSite(): Promise<CmsSite> {
  // A fixture site of the tests' own, so an editor's change to the real content/ never breaks these tests.
  const project = fixtureProject(fixtureSite("small-site"));
  const backendPort = await freePort();
  const env = { NLC_CMS_LOCAL_BACKEND: `http://127.0.0.1:${backendPort}/api/v1` };
  const built = await runCli(project.root, "src/cli/build.ts", env);
  if (built.code !== 0) throw new Error(`the fixture did not build:\n${built.output}`);
  const backend = await startLocalBackend(project.root, backendPort);
  const rules = await parseHeadersFile(readFileSync(join(project.root, "_site", "_headers"), "utf8"));
  const server: StaticServer = await serveSite(join(project.root, "_site"), {
    headersFor: (path) => [...headersFor(rules, path).headers],
  });
  const browser = await launchBrowser();
  const outside: string[] = [];
  return {
    project,
    origin: server.origin,
    backendPort,
    browser,
    outside,
    async newPage() {
      const page = await (await browser.newContext()).newPage();
      await page.route(
        "**/*",
        routeHandler(async (route: Route) => {
          const url = new URL(route.request().url());
          if (url.hostname !== "127.0.0.1") {
            outside.push(url.href);
            return route.abort();
          }
          return route.fallback();
        }),
      );
      return page;
    },
    async close() {
      await browser.close();
      await server.close();
      backend.kill();
      project.remove();
    },
  };
}
