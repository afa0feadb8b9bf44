// Raw HTML a page may not hold: anything the Content-Security-Policy would block (so it would fail
// silently in the browser), or that would contact another host before a visitor agreed to it.
// The hosts allowed are the CSP's own list (src/output/allowed-hosts.ts).
import { allowedHosts, hostAllowed, type AllowedHosts } from "../../output/allowed-hosts.js";
import { srcsetUrls } from "../link-check.js";
import { tagWith, type PageRule, type ScannedElement, type ScanContext } from "../../core/html-scanner.js";

const origin = "http://site.invalid";
/** Scripts the CSP runs are files in the site's own /assets/. */
const siteScripts = /^\/assets\//;
/** Data blocks: never run, so the CSP lets them be, and the layouts use one for search engines. */
const dataBlockTypes = new Set(["application/ld+json", "application/json"]);
const addressAttributes = ["href", "src", "action", "formaction", "poster", "data", "xlink:href"];
const noPlugins = new Set(["object", "embed", "applet"]);

type Kind = keyof Pick<AllowedHosts, "frames" | "scripts" | "images" | "styles" | "fonts" | "media" | "forms">;

/** The other host an address points to, or undefined if it stays on this site (or is not a web address). */
function otherHost(address: string): URL | undefined {
  const written = address.trim();
  if (!/^(?:https?:)?\/\//i.test(written)) return undefined;
  try {
    const url = new URL(written, origin);
    return url.origin === origin ? undefined : url;
  } catch {
    return undefined;
  }
}

/**
 * An address that runs code or smuggles a document in: javascript:, vbscript:, data:.
 * A link may open a data: picture; a page may not load one (the CSP allows pictures from the site only).
 */
function dangerousScheme(address: string, pictureAllowed: boolean): string | undefined {
  // Browsers ignore tabs, newlines and leading spaces in a scheme ("java\tscript:").
  const compact = address
    .replace(/[\t\n\r]/g, "")
    .trimStart()
    .toLowerCase();
  const scheme = /^(javascript|vbscript|data):/.exec(compact)?.[1];
  if (scheme === "data" && pictureAllowed && /^data:image\/(?:png|jpe?g|gif|webp|avif)[;,]/.test(compact))
    return undefined;
  return scheme;
}

/** What the element fetches from its addresses, for the allow-list: images, scripts, media… */
function fetches(element: ScannedElement): { kind: Kind; addresses: string[] } | undefined {
  const a = element.attributes;
  const rel = (a.rel ?? "").toLowerCase().split(/\s+/);
  switch (element.name) {
    case "img":
      return { kind: "images", addresses: [a.src ?? "", ...srcsetUrls(a.srcset ?? "")] };
    case "source":
      return {
        kind: a.srcset !== undefined ? "images" : "media",
        addresses: [a.src ?? "", ...srcsetUrls(a.srcset ?? "")],
      };
    case "video":
    case "audio":
    case "track":
      return { kind: "media", addresses: [a.src ?? "", a.poster ?? ""] };
    case "input":
      return a.type?.toLowerCase() === "image" ? { kind: "images", addresses: [a.src ?? ""] } : undefined;
    case "script":
      return { kind: "scripts", addresses: [a.src ?? ""] };
    case "iframe":
    case "frame":
      return { kind: "frames", addresses: [a.src ?? ""] };
    case "form":
      return { kind: "forms", addresses: [a.action ?? ""] };
    case "link":
      if (rel.includes("stylesheet")) return { kind: "styles", addresses: [a.href ?? ""] };
      if (rel.includes("icon") || rel.includes("apple-touch-icon"))
        return { kind: "images", addresses: [a.href ?? ""] };
      if (rel.includes("preload") || rel.includes("prefetch") || rel.includes("modulepreload")) {
        const as = (a.as ?? "").toLowerCase();
        return {
          kind:
            as === "font"
              ? "fonts"
              : as === "style"
                ? "styles"
                : as === "image"
                  ? "images"
                  : as === "fetch"
                    ? "forms"
                    : "scripts",
          addresses: [a.href ?? ""],
        };
      }
      return undefined;
    default:
      return undefined;
  }
}

const what: Record<Kind, string> = {
  frames: "shows a frame from",
  scripts: "loads a script from",
  images: "loads a picture from",
  styles: "loads a stylesheet from",
  fonts: "loads a font from",
  media: "loads video or sound from",
  forms: "sends what visitors type to",
};

const fix: Record<Kind, string> = {
  frames:
    "only the video player may be embedded: put the video's address (https://vimeo.com/…) on a line of its own instead",
  scripts: "scripts belong in the site's code (src/scripts/), not on a page: remove it",
  images: "save the picture in static/ and link to it there",
  styles: "styles belong in the site's stylesheet (src/styles/): remove it",
  fonts: "fonts belong in the site's stylesheet (src/styles/): remove it",
  media: "link to the video or sound instead of embedding it, or save the file in static/",
  forms: "link to the other site's form instead",
};

/**
 * Raw HTML the site's security policy would block, or that would contact
 * another host without the visitor's consent. `hosts` is the allow-list the
 * CSP is built from.
 */
export function rawHtmlPolicy(hosts: AllowedHosts = allowedHosts): PageRule {
  const report = (context: ScanContext, element: ScannedElement, message: string, needles: (string | RegExp)[]) =>
    context.report({ message, offset: element.start, needles: [...needles, `<${element.name}`] });

  return {
    open(element, context) {
      const { name, attributes } = element;
      const inBody = context.inside("body");

      if (name === "script" && attributes.src === undefined) {
        const type = (attributes.type ?? "").trim().toLowerCase();
        if (!(dataBlockTypes.has(type) && !inBody)) {
          report(
            context,
            element,
            "a script written into the page is blocked by the site's security policy and would not run: scripts belong in the site's code (src/scripts/), not on a page. Remove the <script>",
            ["<script"],
          );
        }
      }
      if (name === "style")
        report(
          context,
          element,
          "a <style> block is blocked by the site's security policy, so it would not apply: remove it, and ask a developer to add the style to the site's stylesheet (src/styles/)",
          ["<style"],
        );
      if (name === "base")
        report(context, element, "a <base> tag changes where every link on the page goes: remove it", ["<base"]);
      if (noPlugins.has(name))
        report(
          context,
          element,
          `<${name}> embeds a plug-in, which the site's security policy blocks: remove it, and link to the file instead`,
          [`<${name}`],
        );
      if (name === "meta" && attributes["http-equiv"] !== undefined && inBody) {
        report(
          context,
          element,
          `<meta http-equiv="${attributes["http-equiv"]}"> in a page can send visitors elsewhere or change how the page behaves: remove it (to move a page, use redirect_from: in the front matter of the page it moved to)`,
          [tagWith("meta", "http-equiv", attributes["http-equiv"]), "http-equiv"],
        );
      }

      for (const attribute in attributes) {
        const value = attributes[attribute] ?? "";
        if (attribute === "style") {
          report(
            context,
            element,
            `style="…" on <${name}> is blocked by the site's security policy, so it would not apply: remove the style attribute (the site's stylesheet styles every element)`,
            [tagWith(name, "style", value), "style="],
          );
        } else if (attribute.startsWith("on") && /^on[a-z]+$/.test(attribute)) {
          report(
            context,
            element,
            `${attribute}="…" on <${name}> is code in the page, which the site's security policy blocks: remove the ${attribute} attribute`,
            [`${attribute}=`],
          );
        }
      }

      for (const attribute of addressAttributes) {
        const value = attributes[attribute];
        if (value === undefined || !value.includes(":")) continue;
        const scheme = dangerousScheme(value, attribute === "href");
        if (!scheme) continue;
        const blocked =
          scheme === "data" ? "an address that carries a whole file (data:)" : `a ${scheme}: address, which runs code`;
        report(
          context,
          element,
          `${attribute}="${value.slice(0, 40)}${value.length > 40 ? "…" : ""}" on <${name}> is ${blocked}; the site's security policy blocks it: link to a page or a file in static/ instead`,
          [tagWith(name, attribute, value.slice(0, 20)), `${scheme}:`],
        );
      }

      const fetched = fetches(element);
      if (fetched) {
        for (const address of fetched.addresses) {
          const url = otherHost(address);
          if (!url || hostAllowed(url, hosts[fetched.kind])) continue;
          report(
            context,
            element,
            `<${name}> ${what[fetched.kind]} another website (${url.host}), which the site's security policy blocks and which would contact that site before visitors agree to it: ${fix[fetched.kind]}`,
            [tagWith(name, name === "link" ? "href" : name === "form" ? "action" : "src", address), address],
          );
        }
        if (name === "script" && attributes.src !== undefined && !otherHost(attributes.src)) {
          const path = new URL(attributes.src.trim(), origin).pathname;
          if (!siteScripts.test(path))
            report(context, element, `a script from ${attributes.src} on a page: ${fix.scripts}`, [
              tagWith("script", "src", attributes.src),
            ]);
        }
        if ((name === "iframe" || name === "frame") && !otherHost(attributes.src ?? "")) {
          report(
            context,
            element,
            `a frame showing ${attributes.src ?? "nothing"} is blocked by the site's security policy: ${fix.frames}`,
            [tagWith(name, "src", attributes.src ?? "")],
          );
        }
      }
      const formAction = attributes.formaction;
      if (formAction !== undefined) {
        const url = otherHost(formAction);
        if (url && !hostAllowed(url, hosts.forms))
          report(context, element, `<${name}> ${what.forms} another website (${url.host}): ${fix.forms}`, [
            tagWith(name, "formaction", formAction),
          ]);
      }
    },
  };
}
