import { trimEnd } from "./text.js";

/**
 * Every setting the build reads from its environment, parsed and checked
 * once, at start. Settings come from people who are not developers (the
 * repository's variables, Netlify's site settings), so they are data like
 * content: each must have the shape it is documented to have, and a bad one
 * is refused with one line naming it, before anything is built. Nothing here
 * is ever placed into template source; where a value reaches a generated
 * file it has already been reduced to a known shape (an origin, an ID).
 */

export interface SiteSettings {
  name: string;
  /** The live site's origin, https only, no path and no trailing slash (SITE_URL). */
  url: string;
  language: string;
  /** Analytics measurement ID; "" for none, and then no analytics and no cookie banner (NLC_ANALYTICS_ID). */
  analyticsId: string;
  /** A pull request's preview (NLC_PREVIEW=true): noindex, no analytics, never the live address. */
  preview: boolean;
}

export interface CmsSettings {
  /** "owner/name" of the GitHub repository (NLC_CMS_REPO); empty until set up. */
  repo: string;
  /** The branch pull requests go to (NLC_CMS_BRANCH, default main). */
  branch: string;
  /** The OAuth client's address, such as https://auth.example.org/auth (NLC_CMS_AUTH_URL); empty until set up. */
  authUrl: string;
  /** The local editing server's API (set by `npm run cms` only), such as http://127.0.0.1:8081/api/v1. */
  localBackend: string;
  /** The live site's address, for "view live" links. */
  siteUrl: string;
  /**
   * What an editor's GitHub login lets the editor do (NLC_CMS_AUTH_SCOPE):
   * "public_repo" (the default) reaches public repositories only, enough for
   * a public site repository; "repo" reaches private ones too, all of the
   * editor's, so only for a private site repository.
   */
  authScope: "public_repo" | "repo";
}

export interface Settings {
  site: SiteSettings;
  cms: CmsSettings;
  /** Today, YYYY-MM-DD: NLC_NOW, else the day in UTC. Posts dated later are scheduled. */
  today: string;
  /** Where the build writes (NLC_OUTPUT, default _site), as written; the build resolves it. */
  output: string;
}

/** A setting the build cannot use; its message is one line naming it. */
class SettingsError extends Error {
  /** Eleventy's documented way to show an error by its message alone, when its own command line runs the site. */
  readonly skipOriginalStack = true;
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(problems.join("\n"));
    this.problems = problems;
  }
}

export const defaultSiteUrl = "https://www.nationalleadership.gov.uk";
/** The site's name: in every page's <title> after the page's own title (layouts/base.njk). */
export const siteName = "National Leadership Centre";
/**
 * The address a preview's absolute links (canonical, Open Graph, feed, sitemap) use: never the live
 * site's, whatever SITE_URL says. `.invalid` is reserved (RFC 2606) and can never be a real site.
 */
const previewSiteUrl = "https://preview.invalid";
/** GA4 measurement IDs look like "G-AB12CD34EF". Anything else is a typo that would silently measure nothing. */
const measurementIdPattern = /^G-[A-Z0-9]{4,20}$/;
const repoPattern = /^[\w.-]{1,100}\/[\w.-]{1,100}$/;
const branchPattern = /^[A-Z0-9][\w./-]{0,100}$/i;
const localBackendPattern = /^http:\/\/127\.0\.0\.1:\d{4,5}\/api\/v1$/;
const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

/** A value as it is shown in a message: quoted, control characters escaped, cut short. */
function shown(value: string): string {
  const quoted = JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
  return quoted;
}

/** The origin of an https address that is only an origin ("https://x.org" or "https://x.org/"), else undefined. */
function httpsOrigin(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (url.protocol !== "https:" || url.username || url.password || url.search || url.hash) return undefined;
  if (url.pathname !== "/") return undefined;
  // The written text must be the origin itself, so nothing the parser dropped (spaces, tabs, new lines) rides along.
  return value === url.origin || value === `${url.origin}/` ? url.origin : undefined;
}

/** A real calendar day written YYYY-MM-DD. */
function isDay(value: string): boolean {
  if (!dayPattern.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Reads every setting; `problems` has one line for each that cannot be used. */
export function readSettings(
  env: NodeJS.ProcessEnv = process.env,
  clock: () => Date = () => new Date(),
): { settings: Settings; problems: string[] } {
  const problems: string[] = [];
  const value = (name: string) => env[name] ?? "";

  // A preview (a pull request's build) must never pass for the live site.
  const previewText = value("NLC_PREVIEW").trim().toLowerCase();
  const preview = previewText === "true" || previewText === "1";
  if (!["", "true", "1", "false", "0"].includes(previewText))
    problems.push(`NLC_PREVIEW must be true or false (it is ${shown(value("NLC_PREVIEW"))})`);

  const siteUrlText = preview ? "" : value("SITE_URL");
  let url = preview ? previewSiteUrl : defaultSiteUrl;
  if (siteUrlText !== "") {
    const origin = httpsOrigin(siteUrlText);
    if (origin) url = origin;
    else
      problems.push(
        `SITE_URL must be the live site's address, https:// and the domain only, such as ${defaultSiteUrl} (it is ${shown(siteUrlText)})`,
      );
  }

  const analyticsId = preview ? "" : value("NLC_ANALYTICS_ID");
  if (analyticsId !== "" && !measurementIdPattern.test(analyticsId)) {
    problems.push(
      `NLC_ANALYTICS_ID must be a Google Analytics 4 measurement ID such as G-AB12CD34EF, or empty for no analytics (it is ${shown(analyticsId)})`,
    );
  }

  const now = value("NLC_NOW");
  if (now !== "" && !isDay(now))
    problems.push(`NLC_NOW must be a real date written YYYY-MM-DD, such as 2026-03-01 (it is ${shown(now)})`);

  const repo = value("NLC_CMS_REPO");
  if (repo !== "" && !repoPattern.test(repo))
    problems.push(
      `NLC_CMS_REPO must be the GitHub repository as owner/name, such as cabinetoffice/nlc-website (it is ${shown(repo)})`,
    );
  const branch = value("NLC_CMS_BRANCH");
  if (branch !== "" && (!branchPattern.test(branch) || branch.includes("..")))
    problems.push(`NLC_CMS_BRANCH must be a branch name such as main (it is ${shown(branch)})`);
  const authUrl = value("NLC_CMS_AUTH_URL");
  if (authUrl !== "" && !httpsAddress(authUrl))
    problems.push(`NLC_CMS_AUTH_URL must be the OAuth client's https:// address (it is ${shown(authUrl)})`);
  const authScope = value("NLC_CMS_AUTH_SCOPE");
  if (authScope !== "" && authScope !== "public_repo" && authScope !== "repo")
    problems.push(
      `NLC_CMS_AUTH_SCOPE must be public_repo (a public site repository, the default) or repo (a private one) (it is ${shown(authScope)})`,
    );
  const localBackend = value("NLC_CMS_LOCAL_BACKEND");
  if (localBackend !== "" && !localBackendPattern.test(localBackend))
    problems.push(`NLC_CMS_LOCAL_BACKEND must be http://127.0.0.1:PORT/api/v1 (it is ${shown(localBackend)})`);

  const output = value("NLC_OUTPUT");
  if (/[\0\r\n]/.test(output)) problems.push(`NLC_OUTPUT must be a folder's path on one line (it is ${shown(output)})`);

  const settings: Settings = {
    site: {
      name: siteName,
      url,
      language: "en-GB",
      analyticsId: measurementIdPattern.test(analyticsId) ? analyticsId : "",
      preview,
    },
    cms: {
      repo: repoPattern.test(repo) ? repo : "",
      branch: branch && branchPattern.test(branch) ? branch : "main",
      authUrl: httpsAddress(authUrl) ? authUrl : "",
      localBackend: localBackendPattern.test(localBackend) ? localBackend : "",
      siteUrl: url,
      authScope: authScope === "repo" ? "repo" : "public_repo",
    },
    today: now !== "" && isDay(now) ? now : clock().toISOString().slice(0, 10),
    output: output || "_site",
  };
  return { settings, problems };
}

/** An https address with a host, no credentials, and nothing a parser would drop. */
function httpsAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "https:" && !url.username && !url.password && url.href.startsWith(trimEnd(value, "/"));
  } catch {
    return false;
  }
}

/** The settings, or a SettingsError listing every one that cannot be used. */
export function settingsFrom(env: NodeJS.ProcessEnv = process.env): Settings {
  const { settings, problems } = readSettings(env);
  if (problems.length > 0) throw new SettingsError(problems);
  return settings;
}

/** The site's settings alone (name, origin, language, analytics), or a SettingsError. */
export function siteSettings(env: NodeJS.ProcessEnv = process.env): SiteSettings {
  return settingsFrom(env).site;
}
