// What a rendered page contacts as it loads, and the addresses in it that run code, read as a browser reads
// them: over the whole page, the layout's parts included, since a page's addresses can come from its front
// matter and its markdown as well as from HTML an editor wrote. (What HTML an editor may write at all is the
// allow-list in ../editor-html.ts, which runs this same judgement on the editor's own lines.) Nothing may
// contact another host before a visitor agrees to it, beyond what allowed-hosts.ts lists: the same list the
// Content-Security-Policy is written from, so the check and the browser agree.
import { tagWith, type PageRule, type ScannedElement, type ScanContext } from "../../core/html-scanner.js";
import { allowedHosts, type AllowedHosts, type LoadKind } from "../../output/allowed-hosts.js";
import { isSiteScript } from "../../output/assets.js";
import {
  addressList,
  cssUrlAddresses,
  judgeAddress,
  liveOrigin,
  readAddress,
  refreshAddress,
  shownAddress,
  srcsetAddresses,
  type AddressUse,
  type Verdict,
} from "../browser-addresses.js";

/** One thing the policy refuses on one element. */
export interface PolicyFinding {
  /** The same for the same mistake wherever it is read (the editor's HTML, the rendered page), so it is told once. */
  key: string;
  message: string;
  /** The attribute it is about, if it is about one. */
  attribute?: string;
  /** What to look for in the page's source to place it. */
  needles: (string | RegExp)[];
}

/** Where on the page an element is: in its <head> (before <body>), or inside SVG. */
export interface ElementPlace {
  inHead: boolean;
  inSvg: boolean;
}

/** Data blocks: never run, so the CSP lets them be, and the layouts use one for search engines. */
const dataBlockTypes = new Set(["application/ld+json", "application/json"]);
const plugins = new Set(["object", "embed", "applet"]);
const frames = new Set(["iframe", "frame", "frameset", "portal", "fencedframe"]);
/**
 * Elements whose contents the browser reads as text, or reads differently
 * depending on whether scripts run, so markup in them may not be what the
 * browser shows: a page has no need of them.
 */
const readAsText = new Set(["noscript", "noembed", "noframes", "xmp", "plaintext", "textarea"]);
/** SVG elements that fetch what their href names (pictures, other drawings, filters' sources, …). */
const svgAnimations = new Set(["animate", "set", "animatemotion", "animatetransform", "animatecolor"]);
/** SVG presentation attributes that can name another file in url(…). */
const svgUrlAttributes = new Set([
  "fill",
  "stroke",
  "filter",
  "mask",
  "clip-path",
  "marker",
  "marker-start",
  "marker-mid",
  "marker-end",
  "cursor",
]);
/** <link> relations that fetch nothing by themselves. */
const linkOnlyRelations = new Set([
  "alternate",
  "author",
  "bookmark",
  "canonical",
  "external",
  "help",
  "license",
  "me",
  "next",
  "nofollow",
  "noopener",
  "noreferrer",
  "opener",
  "prev",
  "privacy-policy",
  "search",
  "shortlink",
  "tag",
  "terms-of-service",
]);

const what: Record<LoadKind, string> = {
  frames: "shows a frame from",
  scripts: "loads a script from",
  images: "loads a picture from",
  styles: "loads a stylesheet from",
  fonts: "loads a font from",
  media: "loads video or sound from",
  forms: "sends what visitors type to",
  connect: "contacts",
};

const fix: Record<LoadKind, string> = {
  frames:
    "only the video player may be embedded: put the video's address (https://vimeo.com/…) on a line of its own instead",
  scripts: "scripts belong in the site's code (src/scripts/), not on a page: remove it",
  images: "save the picture in static/img/ and use its address there (/static/img/…)",
  styles: "styles belong in the site's stylesheet (src/styles/): remove it",
  fonts: "fonts belong in the site's stylesheet (src/styles/): remove it",
  media: "link to the video or sound instead of embedding it, or save the file in static/",
  forms: "link to the other site's form instead",
  connect: "remove it: a page tells no other website who reads it",
};

/** What a <link> fetches, by its rel and as: a kind, or "link" for a relation that fetches nothing. */
function linkUse(attributes: Readonly<Record<string, string>>): AddressUse {
  const relations = (attributes.rel ?? "")
    .toLowerCase()
    .split(/[ \t\n\f\r]/)
    .filter(Boolean);
  if (relations.length > 0 && relations.every((relation) => linkOnlyRelations.has(relation))) return "link";
  if (relations.includes("stylesheet")) return "styles";
  if (relations.some((relation) => relation.endsWith("icon"))) return "images";
  if (relations.some((relation) => ["preload", "prefetch", "modulepreload"].includes(relation))) {
    const as = (attributes.as ?? "").trim().toLowerCase();
    if (as === "font") return "fonts";
    if (as === "style") return "styles";
    if (as === "image") return "images";
    if (as === "fetch") return "connect";
    if (as === "document" || as === "iframe") return "frames";
    if (as === "audio" || as === "video" || as === "track") return "media";
    return "scripts";
  }
  // preconnect, dns-prefetch, prerender, manifest, and relations not known: whatever they fetch, only from the site.
  return relations.includes("prerender") ? "frames" : "connect";
}

/** What an element's `src` loads. */
function srcUse(name: string, inside: (element: string) => boolean): AddressUse | undefined {
  switch (name) {
    case "img":
    case "input":
    case "mglyph":
      return "images";
    case "video":
    case "audio":
    case "track":
    case "bgsound":
      return "media";
    case "source":
      return inside("picture") ? "images" : "media";
    case "script":
      // Judged with the element (below).
      return undefined;
    default:
      // The frame and plug-in elements are refused whole; elsewhere src loads nothing.
      return frames.has(name) || plugins.has(name) ? undefined : "link";
  }
}

/** Every address an element carries, with what it is for, in HTML, SVG and MathML. */
function elementAddresses(
  element: ScannedElement,
  place: ElementPlace,
  inside: (element: string) => boolean = () => false,
): Array<{ attribute: string; address: string; use: AddressUse }> {
  const { name, attributes } = element;
  const found: Array<{ attribute: string; address: string; use: AddressUse }> = [];
  const add = (attribute: string, addresses: readonly string[], use: AddressUse | undefined) => {
    if (use) for (const address of addresses) found.push({ attribute, address, use });
  };
  for (const attribute in attributes) {
    const value = attributes[attribute] ?? "";
    switch (attribute) {
      case "href":
      case "xlink:href":
        if (name === "script") break;
        // A link goes where a visitor chooses; in SVG any other element's href fetches a file (a picture, a drawing, a filter's source).
        add(
          attribute,
          [value],
          name === "link" ? linkUse(attributes) : name === "a" || name === "area" || !place.inSvg ? "link" : "images",
        );
        break;
      case "src":
        add(attribute, [value], srcUse(name, inside));
        break;
      case "srcset":
      case "imagesrcset":
        add(attribute, srcsetAddresses(value), "images");
        break;
      case "poster":
      case "background":
      case "lowsrc":
      case "dynsrc":
      case "icon":
      case "manifest":
      case "xml:base":
        add(attribute, [value], "images");
        break;
      case "action":
      case "formaction":
        add(attribute, [value], "forms");
        break;
      case "ping":
      case "attributionsrc":
        add(attribute, addressList(value), "connect");
        break;
      case "cite":
      case "longdesc":
      case "data":
      case "codebase":
      case "classid":
      case "code":
      case "profile":
      case "usemap":
      case "pluginspage":
      case "definitionurl":
        add(attribute, [value], "link");
        break;
      case "archive":
        add(attribute, addressList(value.replaceAll(",", " ")), "link");
        break;
      case "values":
      case "from":
      case "to":
      case "by":
        // An animation can set an href: its values are then addresses. Whatever it animates, none may run code.
        if (svgAnimations.has(name)) {
          const target = (attributes.attributename ?? "").trim().toLowerCase();
          add(
            attribute,
            value.split(";").map((part) => part.trim()),
            target.endsWith("href") ? "images" : "link",
          );
        }
        break;
      case "data-video-src":
        // The site's player opens this in a frame when a visitor presses Play.
        add(attribute, [value], "frames");
        break;
      default:
        if (svgUrlAttributes.has(attribute)) add(attribute, cssUrlAddresses(value), "images");
    }
  }
  return found;
}

/** The key of a refused address: the same wherever the address is read (the editor's HTML, front matter, the rendered page). */
export function elementPolicyKey(name: string, attribute: string, verdict: Exclude<Verdict, { ok: true }>): string {
  return `${name} ${attribute} ${verdict.reason} ${verdict.reason === "elsewhere" ? verdict.host : verdict.scheme}`;
}

function addressFinding(
  name: string,
  attribute: string,
  address: string,
  use: AddressUse,
  verdict: Exclude<Verdict, { ok: true }>,
): PolicyFinding {
  const needles = [tagWith(name, attribute, address.slice(0, 20)), address, `${attribute}=`, `<${name}`];
  if (verdict.reason === "elsewhere") {
    const kind: LoadKind = use === "link" || use === "site" ? "frames" : use;
    const message =
      use === "site"
        ? `<${name}> sends visitors to another website (${verdict.host}) by itself: link to it instead`
        : attribute === "data-video-src"
          ? `the video button on <${name}> would open a frame from ${verdict.host}, which the site's security policy blocks: ${fix.frames}`
          : `<${name}> ${what[kind]} another website (${verdict.host}), which the site's security policy blocks and which would contact that site before visitors agree to it: ${fix[kind]}`;
    return { key: elementPolicyKey(name, attribute, verdict), message, attribute, needles };
  }
  const blocked =
    verdict.reason === "code"
      ? `a ${verdict.scheme}: address, which runs code`
      : verdict.reason === "data"
        ? "an address that carries a whole file (data:)"
        : `a ${verdict.scheme}: address, which ${use === "link" ? "a link" : "a page"} cannot use`;
  const instead =
    use === "link"
      ? "link to a page, a file in static/, or a web address (https://, mailto:, tel:) instead"
      : "link to a page or a file in static/ instead";
  return {
    key: elementPolicyKey(name, attribute, verdict),
    message: `${attribute}="${shownAddress(address)}" on <${name}> is ${blocked}; the site's security policy blocks it: ${instead}`,
    attribute,
    needles: [...needles.slice(0, 1), `${verdict.scheme}:`, ...needles.slice(1)],
  };
}

/**
 * Everything the policy refuses on one element, read as the browser reads
 * it. `place` says whether it is in the page's head (the layout's own
 * search-engine data and redirect) or inside SVG. The rendered page's rule
 * and the editor's allow-list both ask this.
 */
export function elementPolicy(
  element: ScannedElement,
  place: ElementPlace,
  hosts: AllowedHosts = allowedHosts,
  pagePath = "/",
  inside: (element: string) => boolean = () => false,
): PolicyFinding[] {
  const { name, attributes } = element;
  const findings: PolicyFinding[] = [];
  const refuse = (message: string, needles: (string | RegExp)[]) =>
    findings.push({ key: `${name} element`, message, needles: [...needles, `<${name}`] });

  if (name === "script") {
    const src = attributes.src ?? attributes.href ?? attributes["xlink:href"];
    const type = (attributes.type ?? "").trim().toLowerCase();
    if (src === undefined) {
      if (!(place.inHead && dataBlockTypes.has(type)))
        refuse(
          "a script written into the page is blocked by the site's security policy and would not run: scripts belong in the site's code (src/scripts/), not on a page. Remove the <script>",
          ["<script"],
        );
    } else {
      const attribute = attributes.src !== undefined ? "src" : attributes.href !== undefined ? "href" : "xlink:href";
      const verdict = judgeAddress(src, "scripts", pagePath, hosts);
      if (!verdict.ok) {
        // About the script as a whole: no page may load one.
        const { key, message, needles } = addressFinding(name, attribute, src, "scripts", verdict);
        findings.push({ key, message, needles });
      } else {
        const url = readAddress(src, `${liveOrigin}${pagePath}`);
        if (url && url.origin === liveOrigin && !isSiteScript(url.pathname))
          refuse(`a script from ${src} on a page: ${fix.scripts}`, [tagWith("script", attribute, src)]);
      }
    }
  }
  if (name === "style")
    refuse(
      "a <style> block is blocked by the site's security policy, so it would not apply: remove it, and ask a developer to add the style to the site's stylesheet (src/styles/)",
      ["<style"],
    );
  if (name === "base") refuse("a <base> tag changes where every link on the page goes: remove it", ["<base"]);
  if (plugins.has(name))
    refuse(
      `<${name}> embeds a plug-in, which the site's security policy blocks: remove it, and link to the file instead`,
      [`<${name}`],
    );
  if (frames.has(name)) {
    const src = attributes.src;
    const onSite = src === undefined || judgeAddress(src, "site", pagePath, hosts).ok;
    const host = onSite || src === undefined ? undefined : readAddress(src, `${liveOrigin}${pagePath}`)?.host;
    const needles = [tagWith(name, "src", src ?? ""), `<${name}`];
    // The player opens its frame only when a visitor presses Play: a frame in the page loads with it, whatever its host.
    if (host)
      refuse(
        `<${name}> shows a frame from another website (${host}) as the page loads, which contacts that site before visitors agree to it: ${fix.frames}`,
        needles,
      );
    else
      refuse(
        `a frame showing ${src === undefined ? "nothing" : shownAddress(src)} is blocked by the site's security policy: ${fix.frames}`,
        needles,
      );
  }
  if (readAsText.has(name) || (name === "title" && !place.inHead && !place.inSvg))
    refuse(
      `<${name}> holds text that browsers read differently from the check (as markup or not, depending on the browser and its settings): remove it`,
      [`<${name}`],
    );
  if (name === "meta" && attributes["http-equiv"] !== undefined) {
    const equiv = attributes["http-equiv"];
    if (!place.inHead)
      refuse(
        `<meta http-equiv="${equiv}"> in a page can send visitors elsewhere or change how the page behaves: remove it (to move a page, use redirect_from: in the front matter of the page it moved to)`,
        [tagWith("meta", "http-equiv", equiv), "http-equiv"],
      );
    else if (equiv.trim().toLowerCase() === "refresh") {
      const to = refreshAddress(attributes.content ?? "");
      const verdict = to === undefined ? undefined : judgeAddress(to, "site", pagePath, hosts);
      if (to !== undefined && verdict && !verdict.ok)
        findings.push(addressFinding(name, "content", to, "site", verdict));
    }
  }

  for (const attribute in attributes) {
    const value = attributes[attribute] ?? "";
    if (attribute === "style") {
      findings.push({
        key: `${name} style attribute`,
        attribute,
        message: `style="…" on <${name}> is blocked by the site's security policy, so it would not apply: remove the style attribute (the site's stylesheet styles every element)`,
        needles: [tagWith(name, "style", value), "style=", `<${name}`],
      });
    } else if (/^on[a-z]+$/.test(attribute)) {
      findings.push({
        key: `${name} ${attribute} attribute`,
        attribute,
        message: `${attribute}="…" on <${name}> is code in the page, which the site's security policy blocks: remove the ${attribute} attribute`,
        needles: [`${attribute}=`, `<${name}`],
      });
    }
  }

  const seen = new Set<string>();
  for (const { attribute, address, use } of elementAddresses(element, place, inside)) {
    const verdict = judgeAddress(address, use, pagePath, hosts);
    if (verdict.ok) continue;
    const finding = addressFinding(name, attribute, address, use, verdict);
    if (seen.has(finding.key)) continue;
    seen.add(finding.key);
    findings.push(finding);
  }
  return findings;
}

/** Why a CDATA section is refused, wherever it is read. */
export const cdataMessage =
  'a <![CDATA[ section is read by browsers as a comment that ends at its first ">", so what follows it is read as markup: remove it';

/**
 * The rendered page's rule: every element judged by `elementPolicy`, and
 * CDATA sections refused (outside SVG and MathML a browser ends one at its
 * first ">", so what follows is markup the browser reads and a parser that
 * waits for "]]>" does not). `hosts` is the list the CSP is built from.
 */
export function rawHtmlPolicy(hosts: AllowedHosts = allowedHosts, pagePath = "/"): PageRule {
  let bodySeen = false;
  const report = (context: ScanContext, offset: number, finding: PolicyFinding) =>
    context.report({ message: finding.message, offset, needles: finding.needles, key: finding.key });
  return {
    open(element, context) {
      if (element.name === "body") bodySeen = true;
      const place = { inHead: !bodySeen && context.inside("head"), inSvg: context.inside("svg") };
      for (const finding of elementPolicy(element, place, hosts, pagePath, (name) => context.inside(name)))
        report(context, element.start, finding);
    },
    markup(markup, context) {
      if (markup.kind !== "cdata") return;
      report(context, markup.start, {
        key: "cdata",
        message: cdataMessage,
        needles: ["<![CDATA["],
      });
    },
  };
}
