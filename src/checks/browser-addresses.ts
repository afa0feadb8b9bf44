// Addresses as a browser reads them. An attribute's value arrives decoded by the HTML parser (character
// references and all); here it is resolved by the WHATWG URL parser against the page's own address, as a
// browser does: leading and trailing control characters and spaces dropped, tabs and newlines removed
// anywhere, "\" read as "/" in http(s) addresses, "http:host" read as a host from an https page. What the
// address then is, not how it was spelt, decides: the rule for what a page may load is allowed-hosts.ts's,
// the same table the Content-Security-Policy is written from.
import { defaultSiteUrl } from "../core/settings.js";
import { allowedHosts, mayLoad, type AllowedHosts, type LoadKind } from "../output/allowed-hosts.js";

/** The live site's origin: every page is read at its address there, over https. */
export const liveOrigin = new URL(defaultSiteUrl).origin;
/**
 * The preview (`npm start`) serves the same pages over http on an editor's
 * machine, where "https:host" is another host and "http:host" is not: an
 * address is read at both, and must be acceptable at both.
 */
const previewOrigin = "http://localhost:8080";

/**
 * What an address is for: "link", followed only when a visitor chooses to;
 * "site", a page of this site the browser goes to by itself (a refresh);
 * or a kind of thing the browser loads with the page (allowed-hosts.ts).
 */
export type AddressUse = "link" | "site" | LoadKind;

export type Verdict =
  | { ok: true }
  /** javascript: or vbscript:: runs code. */
  | { ok: false; reason: "code"; scheme: string }
  /** data:: a whole file in the address. */
  | { ok: false; reason: "data"; scheme: "data" }
  /** Any other scheme the use cannot take (file:, blob:, ftp:, …). */
  | { ok: false; reason: "scheme"; scheme: string }
  /** Another host, not allowed for this use. */
  | { ok: false; reason: "elsewhere"; host: string };

const accepted: Verdict = { ok: true };
const codeSchemes = new Set(["javascript:", "vbscript:"]);
const linkSchemes = new Set(["http:", "https:", "mailto:", "tel:"]);
/** A link may open a picture carried in its address; nothing may load one (img-src has no data:). */
const dataPicture = /^image\/(?:png|jpe?g|gif|webp|avif)[;,]/i;

/** The URL a browser reads from an attribute's value at `base`, or undefined if it reads none (and so loads nothing). */
export function readAddress(value: string, base: string): URL | undefined {
  // The HTML parser turns U+0000 into U+FFFD before the URL parser sees it.
  const parsed = value.includes("\0") ? value.replaceAll("\0", "\uFFFD") : value;
  try {
    return new URL(parsed, base);
  } catch {
    return undefined;
  }
}

function judgeUrl(url: URL, use: AddressUse, pageOrigin: string, hosts: AllowedHosts): Verdict {
  const scheme = url.protocol.slice(0, -1);
  if (codeSchemes.has(url.protocol)) return { ok: false, reason: "code", scheme };
  const site = (url.origin === pageOrigin || url.origin === liveOrigin) && /^https?:$/.test(url.protocol);
  if (use === "link") {
    if (linkSchemes.has(url.protocol)) return accepted;
    if (url.protocol === "data:")
      return dataPicture.test(url.pathname) ? accepted : { ok: false, reason: "data", scheme: "data" };
    return { ok: false, reason: "scheme", scheme };
  }
  if (url.protocol === "data:") return { ok: false, reason: "data", scheme: "data" };
  if (!/^https?:$/.test(url.protocol)) return { ok: false, reason: "scheme", scheme };
  if (use === "site") return site ? accepted : { ok: false, reason: "elsewhere", host: url.host };
  if (mayLoad(use, url, pageOrigin, hosts) || mayLoad(use, url, liveOrigin, hosts)) return accepted;
  return { ok: false, reason: "elsewhere", host: url.host };
}

/**
 * Whether an address may be used as `use` on the page at `pagePath`, read
 * as a browser reads it, on the live site and in the preview.
 */
export function judgeAddress(
  value: string,
  use: AddressUse,
  pagePath = "/",
  hosts: AllowedHosts = allowedHosts,
): Verdict {
  const path = pagePath.startsWith("/") ? pagePath : `/${pagePath}`;
  for (const origin of [liveOrigin, previewOrigin]) {
    const url = readAddress(value, `${origin}${path}`);
    if (!url) continue;
    const verdict = judgeUrl(url, use, origin, hosts);
    if (!verdict.ok) return verdict;
  }
  return accepted;
}

const asciiWhitespace = (c: string | undefined) => c === " " || c === "\t" || c === "\n" || c === "\f" || c === "\r";

/** The addresses in a srcset, by the HTML standard's algorithm (a comma inside an address, or in parentheses among the descriptors, does not end it). */
export function srcsetAddresses(srcset: string): string[] {
  const addresses: string[] = [];
  let i = 0;
  while (i < srcset.length) {
    while (i < srcset.length && (asciiWhitespace(srcset[i]) || srcset[i] === ",")) i++;
    if (i >= srcset.length) break;
    const start = i;
    while (i < srcset.length && !asciiWhitespace(srcset[i])) i++;
    let end = i;
    if (srcset[end - 1] === ",") {
      while (end > start && srcset[end - 1] === ",") end--;
    } else {
      // Descriptors run to the next comma outside parentheses.
      let inParens = false;
      for (; i < srcset.length; i++) {
        const c = srcset[i];
        if (inParens) inParens = c !== ")";
        else if (c === "(") inParens = true;
        else if (c === ",") {
          i++;
          break;
        }
      }
    }
    if (end > start) addresses.push(srcset.slice(start, end));
  }
  return addresses;
}

/** A space-separated list of addresses (ping, attributionsrc). */
export function addressList(value: string): string[] {
  return value.split(/[ \t\n\f\r]/).filter((address) => address !== "");
}

/**
 * The address a <meta http-equiv="refresh"> sends the browser to, by the
 * HTML standard's steps ("5; url='/x/'"), or undefined when it reloads the
 * page itself or is not a refresh the browser would follow.
 */
export function refreshAddress(content: string): string | undefined {
  let i = 0;
  const skipWhitespace = () => {
    while (asciiWhitespace(content[i])) i++;
  };
  const isDigit = (c: string | undefined) => c !== undefined && c >= "0" && c <= "9";
  skipWhitespace();
  const timeStart = i;
  while (isDigit(content[i])) i++;
  if (i === timeStart && content[i] !== ".") return undefined;
  while (isDigit(content[i]) || content[i] === ".") i++;
  if (i >= content.length) return undefined;
  if (content[i] !== ";" && content[i] !== "," && !asciiWhitespace(content[i])) return undefined;
  skipWhitespace();
  if (content[i] === ";" || content[i] === ",") {
    i++;
    skipWhitespace();
  }
  if (i >= content.length) return undefined;
  let address = content.slice(i);
  const lower = (at: number) => content[at]?.toLowerCase();
  parse: {
    if (lower(i) !== "u") break parse;
    i++;
    if (lower(i) !== "r") break parse;
    i++;
    if (lower(i) !== "l") break parse;
    i++;
    skipWhitespace();
    if (content[i] !== "=") break parse;
    i++;
    skipWhitespace();
    const quote = content[i] === '"' || content[i] === "'" ? content[i] : "";
    if (quote) i++;
    address = content.slice(i);
    const closing = quote ? address.indexOf(quote) : -1;
    if (closing >= 0) address = address.slice(0, closing);
  }
  return address;
}

/** The addresses in url(…) references of a presentation attribute (fill="url(#shade)", filter="url(x.svg#f)"). */
export function cssUrlAddresses(value: string): string[] {
  const addresses: string[] = [];
  const lower = value.toLowerCase();
  let at = lower.indexOf("url(");
  while (at >= 0) {
    const close = value.indexOf(")", at + 4);
    let inner = value.slice(at + 4, close < 0 ? undefined : close).trim();
    if (inner.length >= 2 && (inner[0] === '"' || inner[0] === "'") && inner.endsWith(inner[0]))
      inner = inner.slice(1, -1);
    addresses.push(inner);
    if (close < 0) break;
    at = lower.indexOf("url(", close + 1);
  }
  return addresses;
}

/** An address as a message shows it: invisible characters made visible, cut short. */
export function shownAddress(value: string, length = 40): string {
  let visible = "";
  for (const c of value) {
    const code = c.charCodeAt(0);
    visible +=
      c === "\t"
        ? "\\t"
        : c === "\n"
          ? "\\n"
          : code < 0x20 || code === 0x7f
            ? `\\u${code.toString(16).padStart(4, "0")}`
            : c;
  }
  return visible.length > length ? `${visible.slice(0, length)}…` : visible;
}
