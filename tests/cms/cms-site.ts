// A fixture copy of the project, built with the editor in local mode, served on 127.0.0.1 with the
// headers its _headers file gives each address, beside the local editing server writing into the copy
// (as `npm run cms` runs them, the server allowing only the served site's origin).
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page, Route } from "playwright-core";
import { routeHandler } from "../support/gates/page-checks.js";
import { headersFor, parseHeadersFile, type HeaderRule } from "../support/host-files.js";
import { serveSite, type StaticServer } from "../support/static-server.js";
import { launchBrowser } from "../browser/site.js";
import { editableArea } from "../../src/cms/config.js";
import { startLocalServer, type LocalServer } from "../../src/cms/local-server.js";
import { fixtureProject, fixtureSite, type FixtureProject } from "../support/fixture-project.js";

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

/** Serves a project's built site with the headers its _headers file gives each address; `reread` after each build. */
async function serveBuilt(root: string): Promise<StaticServer & { reread(): Promise<void> }> {
  const headersFile = join(root, "_site", "_headers");
  let rules: HeaderRule[] = [];
  const server = await serveSite(join(root, "_site"), {
    headersFor: (path) => [...headersFor(rules, path).headers],
  });
  return {
    ...server,
    async reread() {
      rules = existsSync(headersFile) ? await parseHeadersFile(readFileSync(headersFile, "utf8")) : [];
    },
  };
}

export interface CmsSite {
  project: FixtureProject;
  origin: string;
  server: LocalServer;
  /** Requests the editing server refused, with why. */
  refused: string[];
  browser: Browser;
  /** Addresses requested that left 127.0.0.1. */
  outside: string[];
  /** A new page; requests leaving 127.0.0.1 are recorded and stopped. */
  newPage(): Promise<Page>;
  /** Builds the fixture again (as the preview does after a save), in local mode. */
  rebuild(): Promise<void>;
  close(): Promise<void>;
}

export async function openCmsSite(): Promise<CmsSite> {
  // A fixture site of the tests' own, so an editor's change to the real content/ never breaks these tests.
  const project = fixtureProject(fixtureSite("small-site"));
  const site = await serveBuilt(project.root);
  const refused: string[] = [];
  const server = await startLocalServer(
    { root: project.root, area: editableArea, allowedOrigins: [site.origin], onRefused: (why) => refused.push(why) },
    0,
  );
  const rebuild = async () => {
    const built = await runCli(project.root, "src/cli/build.ts", { NLC_CMS_LOCAL_BACKEND: server.url });
    if (built.code !== 0) throw new Error(`the fixture did not build:\n${built.output}`);
    await site.reread();
  };
  await rebuild();
  const browser = await launchBrowser();
  const outside: string[] = [];
  return {
    project,
    origin: site.origin,
    server,
    refused,
    browser,
    outside,
    rebuild,
    async newPage() {
      const page = await (await browser.newContext({ locale: "en-GB" })).newPage();
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
      await site.close();
      await server.close();
      project.remove();
    },
  };
}
