import { cspValue, type AreaRule } from "../output/headers.js";
import type { CmsSettings } from "./config.js";

/**
 * The editor's Content-Security-Policy, measured in Chromium (docs/cms.md):
 * started from the site's policy, loosened only where Decap CMS 3.16 failed.
 * - script-src 'unsafe-eval': it validates config.yml with ajv, which compiles
 *   its schema with new Function(); without it the editor stops on load.
 *   No inline script is needed.
 * - style-src 'unsafe-inline': its CSS-in-JS library writes <style> elements
 *   at run time; without it the editor is unstyled.
 * - connect-src blob:: it reads an upload back from a blob: address.
 * - img-src data: blob:: previews of pictures being uploaded or held in the
 *   GitHub backend; avatars.githubusercontent.com: the signed-in editor's picture.
 * - connect-src api.github.com: the GitHub backend; the OAuth client's host;
 *   and, under `npm run cms` only, the local backend on 127.0.0.1.
 */
export function adminContentSecurityPolicy(settings: CmsSettings): string {
  const connect = ["'self'", "blob:", "https://api.github.com"];
  if (settings.authUrl) connect.push(new URL(settings.authUrl).origin);
  if (settings.localBackend) connect.push(new URL(settings.localBackend).origin);
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'unsafe-eval'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:", "https://avatars.githubusercontent.com"],
    "font-src": ["'self'"],
    "connect-src": connect,
    "frame-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  };
  return cspValue(directives);
}

/** Where the editor lives, and the headers only it gets: its own CSP, kept out of search engines. */
const adminPath = "/admin/";

/** Whether a site path is the editors' tool rather than a page for visitors (the page gates and invariants leave it to tests/cms/). */
export function inAdminArea(sitePath: string): boolean {
  return sitePath === adminPath.slice(0, -1) || sitePath.startsWith(adminPath);
}

export function adminHeaderRules(settings: CmsSettings, bundleFolder: string): AreaRule[] {
  return [
    {
      path: `${adminPath}*`,
      headers: [
        ["Content-Security-Policy", adminContentSecurityPolicy(settings)],
        // The GitHub login runs in a popup on the OAuth client's host, which answers this window by postMessage.
        ["Cross-Origin-Opener-Policy", "same-origin-allow-popups"],
        ["X-Robots-Tag", "noindex, nofollow"],
      ],
    },
    // The bundle's folder is named for its version, so it can be kept for ever.
    { path: `${adminPath}${bundleFolder}/*`, headers: [["Cache-Control", "public, max-age=31536000, immutable"]] },
  ];
}
