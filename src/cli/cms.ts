// npm run cms: the preview (npm start) and the local editing server together, so an editor can
// edit in the browser at http://localhost:8080/admin/ and see the page change in the preview.
import { spawn, type ChildProcess } from "node:child_process";
import { editableArea } from "../cms/config.js";
import { startLocalServer } from "../cms/local-server.js";

const root = process.cwd();
const portText = process.env.NLC_CMS_PORT || "8081";
const port = Number(portText);
if (!/^\d{4,5}$/.test(portText) || port < 1024 || port > 65535) {
  console.error(`NLC_CMS_PORT must be a port number from 1024 to 65535 (it is ${JSON.stringify(portText)})`);
  process.exit(1);
}
// The preview (Eleventy's server) answers on port 8080; /admin/ is served there, so that is the only page origin allowed.
const previewPort = 8080;
const server = await startLocalServer(
  {
    root,
    area: editableArea,
    allowedOrigins: [`http://localhost:${previewPort}`, `http://127.0.0.1:${previewPort}`],
    onRefused: (reason) => console.warn(`The editing server refused a request: ${reason}`),
  },
  port,
);

const children: ChildProcess[] = [];
function stopAll(code: number): void {
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
  void server.close().finally(() => process.exit(code));
}

const preview = spawn("npm", ["start"], {
  cwd: root,
  env: { ...process.env, NLC_CMS_LOCAL_BACKEND: server.url },
  stdio: "inherit",
  shell: process.platform === "win32",
});
children.push(preview);
preview.on("exit", (code) => stopAll(code ?? 1));
process.on("SIGINT", () => stopAll(0));
process.on("SIGTERM", () => stopAll(0));

console.log(`\nEdit the site in your browser: http://localhost:${previewPort}/admin/ (press Log in).
What you save is written into content/ and static/ here, and the preview at http://localhost:${previewPort}/ shows it.
Press Ctrl+C to stop.\n`);
