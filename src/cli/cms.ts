// npm run cms: the preview (npm start) and Decap CMS's local backend together, so an editor can
// edit in the browser at http://localhost:8080/admin/ and see the page change in the preview.
import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { localBackendEnv } from "../cms/local-backend.js";

const require = createRequire(import.meta.url);
const port = Number(process.env.NLC_CMS_PORT || 8081);
const root = process.cwd();
const backend = localBackendEnv(root, port);

const children: ChildProcess[] = [];
function stopAll(code: number): void {
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
  process.exit(code);
}

const server = spawn(
  process.execPath,
  [join(dirname(require.resolve("decap-server/package.json")), "dist", "index.js")],
  {
    cwd: root,
    env: { ...process.env, ...backend.env },
    stdio: ["ignore", "inherit", "inherit"],
  },
);
const preview = spawn("npm", ["start"], {
  cwd: root,
  env: { ...process.env, NLC_CMS_LOCAL_BACKEND: backend.url },
  stdio: "inherit",
  shell: process.platform === "win32",
});
children.push(server, preview);
for (const child of children) child.on("exit", (code) => stopAll(code ?? 1));
process.on("SIGINT", () => stopAll(0));
process.on("SIGTERM", () => stopAll(0));

console.log(`\nEdit the site in your browser: http://localhost:8080/admin/ (press Log in).
What you save is written into content/ and static/ here, and the preview at http://localhost:8080/ shows it.
Press Ctrl+C to stop.\n`);
