// The classes the site's stylesheet styles: the only classes an editor's HTML may use, since any other
// changes nothing on the page (src/checks/editor-html.ts).
import { join } from "node:path";
import { compileStylesheet } from "../output/assets.js";

const isNameCharacter = (c: string) => /^[\w-]$/.test(c) || c.charCodeAt(0) > 0x7f;
const isHex = (c: string | undefined) => c !== undefined && /^[\da-f]$/i.test(c);

/** Every class a stylesheet's selectors name (".quote__text"), read once through, strings, comments and url(…) skipped. */
function stylesheetClasses(css: string): Set<string> {
  const classes = new Set<string>();
  let i = 0;
  while (i < css.length) {
    const c = css[i] ?? "";
    if (c === '"' || c === "'") {
      // A string ends at its quote, unless escaped.
      i++;
      while (i < css.length && css[i] !== c) i += css[i] === "\\" ? 2 : 1;
      i++;
    } else if (c === "/" && css[i + 1] === "*") {
      const end = css.indexOf("*/", i + 2);
      i = end < 0 ? css.length : end + 2;
    } else if ((c === "u" || c === "U") && css.slice(i, i + 4).toLowerCase() === "url(") {
      const end = css.indexOf(")", i + 4);
      i = end < 0 ? css.length : end + 1;
    } else if (c === "." && i + 1 < css.length && /^[a-z_\\-]$/i.test(css[i + 1] ?? "")) {
      let name = "";
      i++;
      while (i < css.length) {
        const next = css[i] ?? "";
        if (next === "\\") {
          // An escaped character ("\:"), or up to six hex digits and one space.
          let hex = "";
          let j = i + 1;
          while (hex.length < 6 && isHex(css[j])) hex += css[j++];
          if (hex) {
            name += String.fromCodePoint(Math.min(parseInt(hex, 16), 0x10ffff));
            i = css[j] === " " ? j + 1 : j;
          } else {
            name += css[i + 1] ?? "";
            i += 2;
          }
        } else if (isNameCharacter(next)) {
          name += next;
          i++;
        } else break;
      }
      if (name && !/^-?\d/.test(name)) classes.add(name);
    } else i++;
  }
  return classes;
}

/** The classes the project's own stylesheet (src/styles/) styles, compiled as the build compiles it, and cached alike. */
export function siteStylesheetClasses(root: string): Set<string> {
  return stylesheetClasses(
    compileStylesheet(join(root, "src", "styles"), join(root, ".cache", "stylesheets")).contents,
  );
}
