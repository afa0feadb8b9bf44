import { closeSync, openSync, readFileSync, readSync, statSync } from "node:fs";
import { join } from "node:path";
import { documentKinds, fileKindOf, pictureKinds, type FileKind } from "../content/file-kinds.js";
import { staticLinks, walkFiles } from "../content/trust.js";
import { scanXml } from "../core/html-scanner.js";
import { error, positionAt, type Problem } from "../core/problems.js";
import { limits, ProblemsPerFile, tooManyPixels } from "./limits.js";

/**
 * Editors' `static/` holds files, never code. Everything in it is published
 * under /static/ on the site's own origin, where a script or a page would run
 * with the site's (and the browser editor's) rights; so each file must be one
 * of the kinds an editor may publish (src/content/file-kinds.ts: pictures and
 * documents), its contents must be that kind, a picture must not unpack into
 * more pixels than the image library may process, and an SVG, which is a
 * document that can hold code, must be drawing only: no script, no event
 * attribute, no HTML inside it, and no reference to anything outside itself.
 * Anything else is refused with a message naming the file.
 */

/** Names a web host or the build treats as instructions, not files: refused wherever they are. */
const hostFileNames = new Set([
  "_headers",
  "_redirects",
  "_routes.json",
  "_worker.js",
  "netlify.toml",
  ".htaccess",
  "robots.txt",
  "sitemap.xml",
  "feed.xml",
  "site.webmanifest",
  "favicon.ico",
  ".nlc-build",
]);

/** Kinds a browser runs, or reads as a page: named in the message, since they are the dangerous ones. */
const codeExtensions = new Set([
  "html",
  "htm",
  "xhtml",
  "shtml",
  "js",
  "mjs",
  "cjs",
  "css",
  "xml",
  "xsl",
  "xslt",
  "svgz",
  "swf",
  "wasm",
  "json",
  "php",
  "map",
]);

const kindsList = (kinds: readonly FileKind[]) =>
  kinds.flatMap((kind) => kind.extensions.map((extension) => `.${extension}`)).join(", ");

/** What a file of each kind starts with, so a file renamed to look like a picture or a document is caught. */
const signatures: Record<string, (head: Buffer) => boolean> = {
  png: (head) => head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  jpg: (head) => head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff,
  gif: (head) => /^GIF8[79]a/.test(head.toString("latin1", 0, 6)),
  webp: (head) => head.toString("latin1", 0, 4) === "RIFF" && head.toString("latin1", 8, 12) === "WEBP",
  avif: (head) =>
    head.toString("latin1", 4, 8) === "ftyp" && /^(?:avif|avis|mif1|msf1)$/.test(head.toString("latin1", 8, 12)),
  pdf: (head) => head.toString("latin1", 0, 5) === "%PDF-",
  zip: (head) => head.toString("latin1", 0, 4) === "PK\x03\x04",
  ole: (head) => head.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])),
  csv: (head) => !head.includes(0) && !/^\s*</.test(head.toString("utf8")),
};
const signatureOf: Record<string, string> = {
  jpeg: "jpg",
  docx: "zip",
  xlsx: "zip",
  pptx: "zip",
  odt: "zip",
  ods: "zip",
  odp: "zip",
  doc: "ole",
  xls: "ole",
  ppt: "ole",
};

function head(path: string, bytes = 64): Buffer {
  const buffer = Buffer.alloc(bytes);
  const handle = openSync(path, "r");
  try {
    return buffer.subarray(0, readSync(handle, buffer, 0, bytes, 0));
  } finally {
    closeSync(handle);
  }
}

const svgNamespace = "http://www.w3.org/2000/svg";
const htmlNamespace = "http://www.w3.org/1999/xhtml";
/** Elements that run code, embed a document, or hold HTML: never in a picture. */
const refusedElements = new Set([
  "script",
  "foreignobject",
  "handler",
  "listener",
  "iframe",
  "frame",
  "embed",
  "object",
  "applet",
  "base",
  "meta",
  "link",
]);
const rasterData = /^data:image\/(?:png|jpeg|gif|webp|avif);base64,[a-z0-9+/=\s]*$/i;

/** The first reference to anything outside the picture in CSS (a style attribute or element), else undefined. */
export function outsideInCss(css: string): string | undefined {
  const lower = css.toLowerCase();
  // An escape can spell "url(" or "@import" in a way no search finds: refused outright.
  if (lower.includes("\\")) return "a CSS escape (\\)";
  if (lower.includes("@import")) return "@import";
  for (const name of ["image-set(", "image(", "src(", "cross-fade("])
    if (lower.includes(name)) return name.slice(0, -1);
  for (let at = lower.indexOf("url("); at >= 0; at = lower.indexOf("url(", at + 4)) {
    let next = at + 4;
    while (/[\s"']/.test(lower[next] ?? "")) next += 1;
    if (lower[next] !== "#") return css.slice(at, Math.min(css.length, at + 40));
  }
  return undefined;
}

interface SvgFinding {
  offset: number;
  message: string;
}

/**
 * What makes an SVG unsafe to publish, each at its place in the file: read
 * once with the site's one parser in its XML mode, names compared without
 * case or namespace prefix (stricter than a browser), values as the browser
 * decodes them.
 */
export function svgFindings(svg: string): SvgFinding[] {
  const findings: SvgFinding[] = [];
  const namespaces: Array<Map<string, string>> = [new Map()];
  let root: string | undefined;
  const lookup = (prefix: string) => {
    for (let i = namespaces.length - 1; i >= 0; i--) {
      const uri = namespaces[i]?.get(prefix);
      if (uri !== undefined) return uri;
    }
    return undefined;
  };
  const local = (name: string) => name.slice(name.lastIndexOf(":") + 1).toLowerCase();
  let inStyle = 0;

  scanXml(svg, {
    instruction(data, offset) {
      const text = data.trim();
      if (/^\?xml\s/i.test(text) || /^\?xml$/i.test(text)) return;
      if (/^!doctype\b/i.test(text) && !text.includes("[")) return;
      findings.push({
        offset,
        message: /^!doctype/i.test(text)
          ? "it declares entities of its own (<!DOCTYPE … [ <!ENTITY …> ]>), which can hide code"
          : `it has an instruction (<${text.split(/\s/)[0] ?? ""} …>), which loads a style sheet or code from elsewhere`,
      });
    },
    open(name, attributes, offset) {
      const scope = new Map<string, string>();
      for (const [attribute, value] of Object.entries(attributes)) {
        if (attribute === "xmlns") scope.set("", value);
        else if (attribute.startsWith("xmlns:")) scope.set(attribute.slice(6), value);
      }
      namespaces.push(scope);
      const element = local(name);
      const prefix = name.includes(":") ? name.slice(0, name.indexOf(":")) : "";
      const namespace = lookup(prefix);
      if (root === undefined) {
        root = element;
        if (element !== "svg" || namespace !== svgNamespace)
          findings.push({
            offset,
            message: 'it is not an SVG picture (one starts <svg xmlns="http://www.w3.org/2000/svg">)',
          });
      }
      if (element === "style") inStyle += 1;
      if (refusedElements.has(element))
        findings.push({ offset, message: `it has a <${name}> element, which can run code or load a page` });
      else if (namespace === htmlNamespace)
        findings.push({ offset, message: `it has HTML inside it (<${name}>), which can run code` });
      for (const [attribute, value] of Object.entries(attributes)) {
        const attributeName = local(attribute);
        if (attributeName.startsWith("on")) {
          findings.push({ offset, message: `it has an event attribute (${attribute}="…"), which runs code` });
        } else if (attributeName === "href" || attributeName === "src" || attribute.toLowerCase() === "xml:base") {
          const target = value.trim();
          const inside = target.startsWith("#") || (element === "image" && rasterData.test(target));
          if (!inside || attribute.toLowerCase() === "xml:base")
            findings.push({
              offset,
              message: `it refers to something outside the picture (${attribute}="${target.slice(0, 40)}${target.length > 40 ? "…" : ""}")`,
            });
        } else if (attributeName === "attributename" && /^(?:.*:)?(?:href|src|on.*)$/i.test(value.trim())) {
          findings.push({
            offset,
            message: `it animates ${value.trim().slice(0, 40)}, which can turn into a link or code`,
          });
        } else {
          const outside = outsideInCss(value);
          if (outside)
            findings.push({
              offset,
              message: `its ${attribute}="…" refers to something outside the picture (${outside})`,
            });
        }
      }
    },
    close(name) {
      namespaces.pop();
      if (local(name) === "style") inStyle = Math.max(0, inStyle - 1);
    },
    text(text, offset) {
      if (inStyle === 0) return;
      const outside = outsideInCss(text);
      if (outside)
        findings.push({
          offset,
          message: `its style refers to something outside the picture (${outside})`,
        });
    },
  });
  if (root === undefined) findings.push({ offset: 0, message: "it is not an SVG picture: it has no <svg> element" });
  return findings;
}

/** A raster picture's size from its header, by the image library, which decodes no pixels to read it. */
async function pictureSize(path: string): Promise<{ width: number; height: number } | string> {
  const { default: sharp } = await import("sharp");
  try {
    const { width, height } = await sharp(path, { limitInputPixels: false }).metadata();
    return width && height ? { width, height } : "it has no width or height";
  } catch (caught) {
    return caught instanceof Error ? caught.message : String(caught);
  }
}

/** What is wrong with one file in static/ (path from the project folder), if anything. */
async function fileProblems(root: string, file: string): Promise<Problem[]> {
  const name = file.slice(file.lastIndexOf("/") + 1);
  const at = (message: string, line = 1, column = 1) => error(file, line, column, message);
  if (file.startsWith("static/root/"))
    return [
      at(
        `${file} cannot be published: files in static/ are published under /static/, and the site's root is kept for the site's own files (its icons are the developers', in src/site-files/). Move it into static/img/ or static/documents/ and link to it there`,
      ),
    ];
  if (hostFileNames.has(name.toLowerCase()))
    return [
      at(
        `${file} is named like a file the build writes for the web host (${name}), and would be taken for it: remove it. Settings for the host are the developers' (src/output/)`,
      ),
    ];
  const kind = fileKindOf(name);
  if (!kind) {
    const extension = /\.([^./]+)$/.exec(name)?.[1]?.toLowerCase();
    const why =
      extension && codeExtensions.has(extension)
        ? `a .${extension} file could run code on the site's own address`
        : extension
          ? `.${extension} files are not among them`
          : "it has no extension saying what it is";
    return [
      at(
        `${file} cannot be published: static/ holds only pictures (${kindsList(pictureKinds)}) and documents (${kindsList(documentKinds)}), and ${why}. Remove it, or save it as one of those`,
      ),
    ];
  }
  const path = join(root, file);
  const extension = /\.([^./]+)$/.exec(name)?.[1]?.toLowerCase() ?? "";
  if (extension === "svg") {
    const text = readFileSync(path, "utf8");
    return svgFindings(text).map((finding) => {
      const { line, column } = positionAt(text, finding.offset);
      return at(
        `${file} cannot be published: ${finding.message}. An SVG in static/ may hold only drawing, nothing that runs or loads anything: save it again without that, or save the picture as a PNG`,
        line,
        column,
      );
    });
  }
  const signature = signatures[signatureOf[extension] ?? extension];
  if (signature && !signature(head(path)))
    return [
      at(
        `${file} is not a ${kind.label} inside (it may be another kind of file, renamed): open it and save it again as a ${kind.label}`,
      ),
    ];
  if (kind.folder === "img") {
    const size = await pictureSize(path);
    if (typeof size === "string")
      return [at(`${file} could not be read as a picture (${size}): open it and save it again as a ${kind.label}`)];
    if (size.width * size.height > limits.imagePixels) return [tooManyPixels(file, size.width, size.height)];
  }
  return [];
}

/** Each file's verdict, kept while the file is unchanged: the preview checks static/ again on every save. */
const verdicts = new Map<string, { size: number; modified: number; problems: Problem[] }>();

/** Every problem with editors' files in static/: symbolic links, and each file that cannot be published. */
export async function checkStaticFiles(root: string, staticDir = "static"): Promise<Problem[]> {
  const problems: Problem[] = staticLinks(root, staticDir);
  const cap = new ProblemsPerFile();
  for (const file of walkFiles(root, staticDir)) {
    const path = join(root, file);
    const { size, mtimeMs: modified } = statSync(path);
    let verdict = verdicts.get(path);
    if (!verdict || verdict.size !== size || verdict.modified !== modified) {
      verdict = { size, modified, problems: await fileProblems(root, file) };
      verdicts.set(path, verdict);
    }
    problems.push(...verdict.problems.filter(() => cap.take(file)));
  }
  return [...problems, ...cap.rest()];
}
