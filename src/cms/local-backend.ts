/**
 * How `npm run cms` runs decap-server, Decap CMS's local backend: on
 * 127.0.0.1 only (BIND_HOST), writing files in the project folder
 * (GIT_REPO_DIRECTORY, mode "fs": plain files, no commits). decap-server
 * refuses any path that resolves outside that folder, symlinks included, and
 * answers only pages from localhost or 127.0.0.1 (its CORS default).
 */
export function localBackendEnv(projectRoot: string, port: number): { url: string; env: Record<string, string> } {
  if (!Number.isInteger(port) || port < 1024 || port > 65535)
    throw new Error(`NLC_CMS_PORT must be a port number from 1024 to 65535 (it is "${port}")`);
  return {
    url: `http://127.0.0.1:${port}/api/v1`,
    env: { PORT: String(port), BIND_HOST: "127.0.0.1", MODE: "fs", GIT_REPO_DIRECTORY: projectRoot, LOG_LEVEL: "warn" },
  };
}
