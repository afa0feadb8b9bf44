// Editors' static/ holds files, never code: each kind of file, and each way an SVG can carry code or reach
// outside itself, through the check on static/ (src/checks/static-files.ts).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkStaticFiles, outsideInCss, svgFindings } from "../../src/checks/static-files.js";
import { formatProblem } from "../../src/core/problems.js";
import { siteFilesFolder } from "../../src/output/static-files.js";
import { projectRoot } from "../support/fixture-project.js";
import { blankPng } from "../support/pictures.js";

const svg = (inside: string, attributes = "") => `<svg xmlns="http://www.w3.org/2000/svg"${attributes}>${inside}</svg>`;

describe("an SVG in static/", () => {
  it.each([
    ["a drawing", svg('<rect width="10" height="10" fill="#323e48"/>')],
    [
      "the declaration, a standard doctype and a comment",
      `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n<!-- Generator: a drawing program -->\n${svg("<rect/>")}`,
    ],
    [
      "references inside itself",
      svg(
        '<defs><linearGradient id="g"/></defs><rect fill="url(#g)" style="fill: url( \'#g\' )"/><use href="#g"/><use xlink:href="#g" xmlns:xlink="http://www.w3.org/1999/xlink"/><a href="#top"><text>Top</text></a>',
      ),
    ],
    ["a raster picture embedded in it", svg('<image href="data:image/png;base64,iVBORw0KGgo=" width="1" height="1"/>')],
    ["a style sheet of its own", svg("<style>rect { fill: #fff; stroke: url(#g) }</style><rect/>")],
    [
      "Inkscape's own elements",
      svg(
        '<sodipodi:namedview xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd" pagecolor="#fff"/><metadata><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/></metadata><rect/>',
      ),
    ],
  ])("accepts %s", (_name, text) => {
    expect(svgFindings(text)).toEqual([]);
  });

  it("accepts every SVG the site and its fixtures publish", () => {
    for (const file of [
      "static/img/ui/taskforce-report-pdf.svg",
      "tests/fixtures/small-site/static/img/report-cover.svg",
      `${siteFilesFolder}/icon.svg`,
      `${siteFilesFolder}/brand/wordmark.svg`,
      `${siteFilesFolder}/brand/video-poster.svg`,
    ])
      expect(svgFindings(readFileSync(join(projectRoot, file), "utf8")), file).toEqual([]);
  });

  it.each([
    ["a script", svg("<script>alert(1)</script>"), /<script> element, which can run code/],
    ["a script in capitals", svg("<SCRIPT>alert(1)</SCRIPT>"), /<SCRIPT> element/],
    [
      "a script with a prefix",
      svg('<s:script xmlns:s="http://www.w3.org/2000/svg">alert(1)</s:script>'),
      /<s:script> element/,
    ],
    ["a script in CDATA", svg("<script><![CDATA[alert(1)]]></script>"), /<script> element/],
    [
      "HTML in a foreignObject",
      svg('<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">Hi</div></foreignObject>'),
      /<foreignObject> element/,
    ],
    ["HTML by namespace", svg('<h:p xmlns:h="http://www.w3.org/1999/xhtml">Hi</h:p>'), /HTML inside it \(<h:p>\)/],
    ["an iframe", svg('<iframe src="/admin/"/>'), /<iframe> element/],
    ["an event attribute", svg('<rect onclick="alert(1)"/>'), /event attribute \(onclick="…"\)/],
    [
      "an event attribute on the root, in capitals",
      svg("<rect/>", ' ONLOAD="alert(1)"'),
      /event attribute \(ONLOAD="…"\)/,
    ],
    [
      "a link to another site",
      svg('<a href="https://example.org/"><text>x</text></a>'),
      /outside the picture \(href="https:\/\/example\.org\/"\)/,
    ],
    [
      "a javascript: link written with a character reference",
      svg('<a href="jav&#x61;script:alert(1)"><text>x</text></a>'),
      /outside the picture \(href="javascript:alert\(1\)"\)/,
    ],
    [
      "an xlink:href to another file",
      svg('<use xlink:href="other.svg#a" xmlns:xlink="http://www.w3.org/1999/xlink"/>'),
      /outside the picture \(xlink:href="other\.svg#a"\)/,
    ],
    ["a picture from another host", svg('<image href="https://tracker.example/p.gif"/>'), /outside the picture/],
    [
      "an SVG embedded as data",
      svg('<image href="data:image/svg+xml,%3Csvg onload=alert(1)%3E"/>'),
      /outside the picture/,
    ],
    [
      "a filter image from elsewhere",
      svg('<filter><feImage href="//tracker.example/p.png"/></filter>'),
      /outside the picture/,
    ],
    [
      "a style that loads a picture",
      svg('<rect style="fill: url(https://tracker.example/p.png)"/>'),
      /style="…" refers to something outside the picture/,
    ],
    ["a fill that loads another file", svg('<rect fill="url(other.svg#g)"/>'), /fill="…" refers to something outside/],
    [
      "a style sheet that imports another",
      svg('<style>@import "https://tracker.example/a.css";</style>'),
      /style refers to something outside the picture \(@import\)/,
    ],
    [
      "a style sheet in CDATA",
      svg("<style><![CDATA[rect { fill: url(//tracker.example/x) }]]></style>"),
      /style refers to something outside/,
    ],
    ["a CSS escape", svg('<rect style="fill: \\75rl(https://tracker.example/)"/>'), /a CSS escape/],
    [
      "an animated link",
      svg('<a href="#a"><set attributeName="href" to="javascript:alert(1)"/><text>x</text></a>'),
      /animates href/,
    ],
    [
      "an animated xlink:href",
      svg('<a><animate attributeName="xlink:href" values="javascript:alert(1)"/></a>'),
      /animates xlink:href/,
    ],
    ["an xml:base", svg("<g/>", ' xml:base="https://example.org/"'), /outside the picture \(xml:base=/],
    [
      "a style sheet instruction",
      `<?xml-stylesheet href="https://example.org/a.css"?>${svg("<rect/>")}`,
      /instruction \(<\?xml-stylesheet …>\)/,
    ],
    [
      "entities of its own",
      `<!DOCTYPE svg [<!ENTITY s "<script>alert(1)</script>">]>${svg("&s;")}`,
      /declares entities of its own/,
    ],
    ["a page named .svg", "<html><body><script>alert(1)</script></body></html>", /not an SVG picture/],
    ["an SVG without its namespace", "<svg><rect/></svg>", /not an SVG picture/],
  ])("refuses %s", (_name, text, message) => {
    expect(
      svgFindings(text)
        .map((finding) => finding.message)
        .join("\n"),
    ).toMatch(message);
  });

  it("reads CSS for references only after a url( that leads outside", () => {
    expect(outsideInCss("fill: url(#a); stroke: URL( '#b' )")).toBeUndefined();
    expect(outsideInCss("fill: URL(https://x/)")).toBe("URL(https://x/)");
    expect(outsideInCss("background: image-set('a.png' 1x)")).toBe("image-set");
  });
});

describe("the check on static/", () => {
  let root: string;
  const write = (path: string, data: string | Buffer) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), data);
  };
  let lines: string[] = [];
  const about = (file: string) => lines.filter((line) => line.startsWith(`${file}:`)).join("\n");

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), "nlc-static-"));
    const png = await sharp({ create: { width: 4, height: 3, channels: 3, background: "#323e48" } })
      .png()
      .toBuffer();
    write("static/img/photo.png", png);
    write("static/img/photo.jpg", await sharp(png).jpeg().toBuffer());
    write("static/img/chart.svg", svg("<rect/>"));
    write("static/documents/report.pdf", "%PDF-1.7\n%…\n");
    write("static/documents/members.csv", "name,sector\nA,Health\n");
    write("static/documents/notes.docx", Buffer.from("PK\x03\x04rest of a zip", "latin1"));
    write("static/.DS_Store", "left by the operating system");
    // Each one refused, naming the file.
    write("static/documents/report.js", "fetch('/admin/')");
    write("static/documents/page.html", "<script>alert(1)</script>");
    write("static/documents/style.css", "body{}");
    write("static/documents/notes.txt", "text");
    write("static/documents/README", "text");
    write("static/root/admin/index.html", "<p>");
    write("static/root/assets/evil.js", "alert(1)");
    write("static/root/photo.png", png);
    write("static/_headers", "/*\n  Content-Security-Policy: none");
    write("static/img/robots.txt", "User-agent: *");
    write("static/img/fake.png", "<html><script>alert(1)</script>");
    write("static/documents/fake.pdf", "<html>");
    write("static/img/broken.png", Buffer.concat([png.subarray(0, 8), Buffer.from("not a picture")]));
    write("static/img/script.svg", `${svg("\n<script>alert(1)</script>")}`);
    write("static/img/bomb.png", blankPng(20_000, 20_000));
    write("static/img/large.png", blankPng(8_000, 6_000));
    symlinkSync("/etc/passwd", join(root, "static/documents/passwd.csv"));
    lines = (await checkStaticFiles(root)).map(formatProblem);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("accepts pictures and documents of the kinds an editor may publish, and ignores what the system leaves behind", () => {
    for (const file of ["photo.png", "photo.jpg", "chart.svg"]) expect(about(`static/img/${file}`)).toBe("");
    for (const file of ["report.pdf", "members.csv", "notes.docx"]) expect(about(`static/documents/${file}`)).toBe("");
    expect(about("static/.DS_Store")).toBe("");
  });

  it.each([
    ["static/documents/report.js", /a \.js file could run code on the site's own address/],
    ["static/documents/page.html", /a \.html file could run code/],
    ["static/documents/style.css", /a \.css file could run code/],
    [
      "static/documents/notes.txt",
      /static\/ holds only pictures \(\.jpg, .*\.svg\) and documents \(\.pdf, .*\.csv\), and \.txt files are not among them/,
    ],
    ["static/documents/README", /it has no extension saying what it is/],
  ])("refuses %s, naming it", (file, message) => {
    expect(about(file)).toMatch(
      new RegExp(`^${file.replaceAll(".", "\\.")}:1:1: error: ${file.replaceAll(".", "\\.")} cannot be published: `),
    );
    expect(about(file)).toMatch(message);
  });

  it("refuses anything in static/root/, which used to be published at the site's root (/admin/, /assets/)", () => {
    for (const file of ["static/root/admin/index.html", "static/root/assets/evil.js", "static/root/photo.png"])
      expect(about(file)).toMatch(
        /cannot be published: files in static\/ are published under \/static\/, and the site's root is kept for the site's own files/,
      );
  });

  it("refuses a file named like one the build writes for the host, rather than letting one overwrite the other", () => {
    expect(about("static/_headers")).toMatch(
      /static\/_headers is named like a file the build writes for the web host \(_headers\)/,
    );
    expect(about("static/img/robots.txt")).toMatch(
      /named like a file the build writes for the web host \(robots\.txt\)/,
    );
  });

  it("refuses a file whose contents are not the kind its name says", () => {
    expect(about("static/img/fake.png")).toMatch(/static\/img\/fake\.png is not a PNG picture inside/);
    expect(about("static/documents/fake.pdf")).toMatch(/static\/documents\/fake\.pdf is not a PDF inside/);
    expect(about("static/img/broken.png")).toMatch(/static\/img\/broken\.png could not be read as a picture/);
  });

  it("refuses an SVG with a script at the script's line", () => {
    expect(about("static/img/script.svg")).toMatch(
      /^static\/img\/script\.svg:2:1: error: static\/img\/script\.svg cannot be published: it has a <script> element/,
    );
  });

  it("refuses a picture over the pixel limit, and a decompression bomb, naming the picture (read from its header: nothing is unpacked)", () => {
    expect(about("static/img/large.png")).toBe(
      "static/img/large.png:1:1: error: static/img/large.png is 8,000 × 6,000 pixels (48 megapixels); a picture can have at most 40 megapixels, more than any camera gives. Make it smaller (2,000 pixels wide is plenty for a page) and save it again",
    );
    expect(about("static/img/bomb.png")).toMatch(
      /^static\/img\/bomb\.png:1:1: error: static\/img\/bomb\.png is 20,000 × 20,000 pixels \(400 megapixels\)/,
    );
  });

  it("refuses a symbolic link, naming it", () => {
    expect(about("static/documents/passwd.csv")).toMatch(/is a symbolic link/);
  });
});
