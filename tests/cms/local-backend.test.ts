// npm run cms's local backend (decap-server, with src/cms/local-backend.ts's settings): it listens on
// 127.0.0.1 only, and refuses to read or write anything outside the project folder.
import type { ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localBackendEnv } from "../../src/cms/local-backend.js";
import { projectRoot } from "../support/fixture-project.js";
import { freePort, startLocalBackend } from "./cms-site.js";

let root: string;
let outside: string;
let backend: ChildProcess;
let port: number;

const call = (action: string, params: Record<string, unknown>) =>
  fetch(`http://127.0.0.1:${port}/api/v1`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ action, params: { branch: "main", ...params } }),
  });

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "nlc-cms-backend-"));
  outside = mkdtempSync(join(tmpdir(), "nlc-cms-outside-"));
  symlinkSync(join(projectRoot, "node_modules"), join(root, "node_modules"), "dir");
  symlinkSync(outside, join(root, "linked"), "dir");
  writeFileSync(join(outside, "secret.txt"), "not the project's");
  port = await freePort();
  backend = await startLocalBackend(root, port);
}, 60_000);

afterAll(() => {
  backend?.kill();
  rmSync(root, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

describe("the local backend", () => {
  it("is told to listen on 127.0.0.1 only and to write plain files in the project folder", () => {
    expect(localBackendEnv("/project", 8081).env).toMatchObject({
      BIND_HOST: "127.0.0.1",
      MODE: "fs",
      GIT_REPO_DIRECTORY: "/project",
      PORT: "8081",
    });
    expect(() => localBackendEnv("/project", 80)).toThrow(/NLC_CMS_PORT/);
  });

  it("writes inside the project", async () => {
    const response = await call("persistMedia", {
      asset: { path: "static/img/a.txt", content: Buffer.from("ok").toString("base64"), encoding: "base64" },
      options: { commitMessage: "x" },
    });
    expect(response.status).toBe(200);
    expect(existsSync(join(root, "static/img/a.txt"))).toBe(true);
  });

  it("refuses paths that leave the project, by ../ or through a symlink", async () => {
    for (const path of ["../escaped.txt", "static/../../escaped.txt", "/tmp/escaped.txt", "linked/escaped.txt"]) {
      const response = await call("persistMedia", {
        asset: { path, content: Buffer.from("no").toString("base64"), encoding: "base64" },
        options: { commitMessage: "x" },
      });
      expect(response.status, path).toBeGreaterThanOrEqual(400);
    }
    expect(existsSync(join(outside, "escaped.txt"))).toBe(false);
    expect(existsSync(join(root, "..", "escaped.txt"))).toBe(false);
    const read = await call("getEntry", { path: "linked/secret.txt" });
    expect(JSON.stringify(await read.json())).not.toContain("not the project's");
  });
});
