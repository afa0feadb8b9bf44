// The policy's verdict against a browser's reading of the same page. Random spellings of an address
// (character references, control characters, case, whitespace, quotes, a second attribute of the same
// name) go into a page; the policy (the editor's allow-list and the rendered page's rule, as npm run check
// runs them) must refuse exactly those pages on which a browser would run code or contact another host.
// The browser's reading is parse5, the HTML standard's parser, on the rendered page, and the WHATWG URL
// parser, at the page's address on the live site (https) and in the preview (http).
import fc from "fast-check";
import { parse, type DefaultTreeAdapterMap } from "parse5";
import { describe, expect, it } from "vitest";
import { checkBody, checkPageAsBuilt, fixturePage } from "../support/rendered-fixture.js";

type Node = DefaultTreeAdapterMap["node"];
type Element = DefaultTreeAdapterMap["element"];

const svg = "http://www.w3.org/2000/svg";
/** Where the same page is read: the live site, and the preview on an editor's machine. */
const origins = ["https://www.nationalleadership.gov.uk", "http://localhost:8080"];

/** The addresses the spellings are made from: ones that run code, ones elsewhere, and the site's own. */
const addresses = [
  "javascript:alert(1)",
  "vbscript:msgbox(1)",
  "data:text/html,x",
  "data:image/png;base64,AAAA",
  "//tracker.example/p.gif",
  "http:tracker.example/p.gif",
  "https:tracker.example/p.gif",
  "/\\tracker.example/p.gif",
  "http:\\\\tracker.example/p.gif",
  "https://tracker.example/p.gif",
  "/static/a.svg",
  "https://www.gov.uk/",
  "mailto:team@example.org",
  "#top",
  "page/",
];

/** What a browser does with an address: follows it when clicked ("link"), or loads it with the page ("load"). */
type Use = "link" | "load";

/**
 * Where an address goes in the page: [markdown around it, the element's name and namespace as parse5
 * names it, the attribute, and its use]. Some are elements an editor may write, some are not; the
 * policy judges what the address would do either way.
 */
const places: Array<{
  html: (attribute: string) => string;
  element: string;
  ns?: string;
  attribute: string;
  use: Use;
}> = [
  { html: (a) => `Read <a ${a}>the page</a>.`, element: "a", attribute: "href", use: "link" },
  { html: (a) => `<img ${a} alt="A chart">`, element: "img", attribute: "src", use: "load" },
  { html: (a) => `Look: <img ${a} alt="A chart">`, element: "img", attribute: "src", use: "load" },
  {
    html: (a) => `<blockquote ${a}>\n\nWords.\n\n</blockquote>`,
    element: "blockquote",
    attribute: "cite",
    use: "link",
  },
  { html: (a) => `Read <a href="/x/" ${a}>the page</a>.`, element: "a", attribute: "ping", use: "load" },
  { html: (a) => `<link rel="preconnect" ${a}>`, element: "link", attribute: "href", use: "load" },
  { html: (a) => `<svg><image ${a}></image></svg>`, element: "image", ns: svg, attribute: "href", use: "load" },
  { html: (a) => `<video ${a}></video>`, element: "video", attribute: "poster", use: "load" },
  { html: (a) => `<form ${a}></form>`, element: "form", attribute: "action", use: "load" },
];

/** A character as a character reference, in one of the spellings browsers read. */
const reference = (c: string) =>
  fc.constantFrom(
    `&#${c.charCodeAt(0)};`,
    `&#x${c.charCodeAt(0).toString(16)};`,
    `&#X${c.charCodeAt(0).toString(16).toUpperCase()};`,
    `&#000${c.charCodeAt(0)};`,
    ...({ ":": ["&colon;"], "/": ["&sol;"], "\\": ["&bsol;"], "\t": ["&Tab;"], "\n": ["&NewLine;"], ".": ["&period;"] }[
      c
    ] ?? []),
  );

/** What may go between two characters: nothing, or a tab, newline or carriage return, written or as a reference. */
const between = fc.oneof(
  { weight: 6, arbitrary: fc.constant("") },
  { weight: 1, arbitrary: fc.constantFrom("\t", "\n", "&#9;", "&#x0a;", "&Tab;", "&NewLine;", "&#13;") },
);

/** Before the address: nothing, or spaces and control characters (which the URL parser drops), or a non-breaking space (which it keeps). */
const before = fc.oneof(
  { weight: 4, arbitrary: fc.constant("") },
  { weight: 1, arbitrary: fc.constantFrom(" ", "&#1;", "&#x1F;", "&#32;", "\u0001", "&#0;", "&nbsp;", "&#x7f;") },
);

/** An address spelt at random: each character in either case, some as references, with tabs and newlines between. */
const spelling = fc
  .constantFrom(...addresses)
  .chain((address) =>
    fc
      .tuple(
        before,
        fc.tuple(
          ...[...address].map((c) =>
            fc.tuple(
              /[a-z]/i.test(c)
                ? fc.oneof(
                    { weight: 4, arbitrary: fc.constantFrom(c.toLowerCase(), c.toUpperCase()) },
                    { weight: 1, arbitrary: reference(c) },
                  )
                : fc.oneof({ weight: 4, arbitrary: fc.constant(c) }, { weight: 1, arbitrary: reference(c) }),
              between,
            ),
          ),
        ),
      )
      .map(([lead, parts]) => lead + parts.map(([c, gap]) => c + gap).join("")),
  );

/** name="value", in one of the ways an attribute can be written, sometimes after a first one of the same name. */
const attribute = (name: string) =>
  fc
    .tuple(
      spelling,
      fc.constantFrom(name, name.toUpperCase(), name[0]?.toUpperCase() + name.slice(1)),
      fc.constantFrom('"', "'", ""),
      fc.option(spelling, { nil: undefined, freq: 4 }),
    )
    .map(([value, written, quote, first]) => {
      const q = quote === "" && /[\s"'=<>`]/.test(value) ? '"' : quote;
      const one = `${written}=${q}${q === '"' ? value.replaceAll('"', "&quot;") : q === "'" ? value.replaceAll("'", "&#39;") : value}${q}`;
      return first === undefined ? one : `${name}="${first.replaceAll('"', "&quot;")}" ${one}`;
    });

const page = fc
  .constantFrom(...places)
  .chain((place) => attribute(place.attribute).map((written) => ({ place, body: `${place.html(written)}\n` })));

function* elements(node: Node): Generator<Element> {
  if ("tagName" in node) yield node;
  if ("childNodes" in node) for (const child of node.childNodes) yield* elements(child);
  if ("content" in node && node.content) yield* elements(node.content as unknown as Node);
}

/** Whether a browser reading the rendered page would run code, or contact another host, by this place's address. */
function browserRefuses(html: string, place: (typeof places)[number]): boolean {
  for (const element of elements(parse(html))) {
    if (element.tagName !== place.element || (place.ns && element.namespaceURI !== place.ns)) continue;
    // The standard's parser keeps the first of two attributes of one name, as a browser does.
    const value = element.attrs.find((a) => a.name === place.attribute && !a.prefix)?.value;
    if (value === undefined) continue;
    const values = place.attribute === "ping" ? value.split(/[\t\n\f\r ]+/).filter(Boolean) : [value];
    for (const one of values) {
      for (const origin of origins) {
        let url: URL;
        try {
          url = new URL(one, `${origin}/page/`);
        } catch {
          continue;
        }
        if (url.protocol === "javascript:" || url.protocol === "vbscript:") return true;
        if (place.use === "link") {
          if (url.protocol === "data:" && !/^image\/png;/i.test(url.pathname)) return true;
          if (!["http:", "https:", "mailto:", "tel:", "data:"].includes(url.protocol)) return true;
        } else if (!/^https?:$/.test(url.protocol) || (url.origin !== origin && url.origin !== origins[0])) return true;
      }
    }
  }
  return false;
}

/** Whether the policy refused the page for an address (other problems, such as alt text, are not its verdict). */
const refusedForAnAddress = (lines: readonly string[]) =>
  lines.some((line) =>
    /another website|which runs code|carries a whole file|address, which a (?:link|page) cannot use/.test(line),
  );

describe("the policy against a browser's reading of the same page", () => {
  it("npm run check refuses a page exactly when a browser would run code or contact another host by its address", () => {
    fc.assert(
      fc.property(page, ({ place, body }) => {
        const html = fixturePage("page", body).page.html;
        const lines = checkPageAsBuilt(body);
        expect(refusedForAnAddress(lines), `${body}\n${lines.join("\n")}`).toBe(browserRefuses(html, place));
      }),
      { numRuns: 400 },
    );
  });

  it("the rendered page's rule alone, which also reads the layouts, refuses every such page", () => {
    fc.assert(
      fc.property(page, ({ place, body }) => {
        const html = fixturePage("page", body).page.html;
        if (browserRefuses(html, place)) expect(refusedForAnAddress(checkBody(body)), body).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it("refuses a page whose markup a browser reads differently from a parser that hides the address (CDATA, <noscript>, SVG, comments)", () => {
    /** Markup around the address that some parser reads as a comment, text or an attribute. */
    const wrappers: Array<(inner: string) => string> = [
      (inner) => `<![CDATA[>${inner}]]>`,
      (inner) => `<noscript><p title="</noscript>${inner}"></p></noscript>`,
      (inner) => `<svg><p><style><a title="</style>${inner}"></a></style></p></svg>`,
      (inner) => `<svg><p><![CDATA[>${inner}]]></p></svg>`,
      (inner) => `<!-- a note --!>${inner}<!-- -->`,
      (inner) => `<!-->${inner}`,
      (inner) => `<textarea><a title="</textarea>${inner}"></a></textarea>`,
      (inner) => `<xmp><a title="</xmp>${inner}"></a></xmp>`,
      (inner) => `<noembed><a title="</noembed>${inner}"></a></noembed>`,
      (inner) => `<math><mtext><table><mglyph><style><img title="</style>${inner}">`,
    ];
    const payload = fc.oneof(
      spelling.map((address) => `<img src="${address.replaceAll('"', "&quot;")}" alt="x">`),
      spelling.map((address) => `<meta http-equiv="refresh" content="0;url=${address.replaceAll('"', "&quot;")}">`),
    );
    /** Whether a browser, with scripts on or off, reads a live <img> loading from elsewhere, or a refresh, in the page. */
    const browserFinds = (html: string) =>
      [true, false].some((scriptingEnabled) => {
        for (const element of elements(parse(html, { scriptingEnabled }))) {
          if (element.tagName === "meta" && element.attrs.some((a) => a.name === "http-equiv")) return true;
          const src = element.tagName === "img" ? element.attrs.find((a) => a.name === "src")?.value : undefined;
          if (src === undefined) continue;
          for (const origin of origins) {
            try {
              const url = new URL(src, `${origin}/page/`);
              if (url.origin !== origin && url.origin !== origins[0]) return true;
            } catch {
              // read as nothing: loads nothing
            }
          }
        }
        return false;
      });
    fc.assert(
      fc.property(fc.constantFrom(...wrappers), payload, fc.boolean(), (wrap, inner, inline) => {
        const body = `${inline ? "Text " : ""}${wrap(inner)}\n`;
        const html = fixturePage("page", body).page.html;
        if (!browserFinds(html)) return;
        const errors = (lines: string[]) =>
          lines.filter((line) => line.includes(": error: ") && !line.includes("broken link"));
        expect(errors(checkPageAsBuilt(body)).length, body).toBeGreaterThan(0);
        expect(errors(checkBody(body)).length, `the rendered page's rule alone: ${body}`).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});
