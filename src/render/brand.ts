/**
 * The NLC's mark, drawn here as SVG code: a wordmark of hand-drawn
 * single-stroke capitals (no font, so it looks the same everywhere and stays
 * sharp at any size) beside the identity gradient, an icon that abstracts it
 * (the gradient bar and three lines), and the default share image.
 * `npm run icons` writes them, and the PNG and ICO files made from them, into
 * the developers' `src/site-files/` (never editors' `static/`); a test checks
 * the committed files match this drawing.
 */

const colours = { red: "#ce132d", orange: "#ee701c", slate: "#323e48", white: "#fff" } as const;

/** The name the mark spells, and its text alternative. */
export const brandName = "National Leadership Centre";

/**
 * The letters' stroke: 2 units on a 10-unit cap height, so the name keeps
 * strokes of at least 1.8 px at the smallest size the site draws it (the
 * footer's, 40 px tall) and 2.2 px in the header (48 px).
 */
const stroke = 2;
const capHeight = 10;
const tracking = 2.5;
const linePitch = 15;

/** Centre lines of each capital on a 10-unit cap height, and each letter's advance width. */
const letters: Record<string, { width: number; path: string }> = {
  A: { width: 7.5, path: "M0 10L3.75 .75 7.5 10M1.5 6.6H6" },
  C: { width: 7.4, path: "M6.9 2A3.6 4.25 0 1 0 6.9 8" },
  D: { width: 7.5, path: "M.75 .75H3.5A3.25 4.25 0 0 1 3.5 9.25H.75Z" },
  E: { width: 5.75, path: "M5.75 .75H.75V9.25H5.75M.75 5H5.2" },
  H: { width: 7, path: "M.75 0V10M6.25 0V10M.75 5H6.25" },
  I: { width: 1.5, path: "M.75 0V10" },
  L: { width: 5.5, path: "M.75 0V9.25H5.5" },
  N: { width: 7, path: "M.75 10V.75L6.25 9.25V0" },
  O: { width: 8.5, path: "M4.25 .75A3.5 4.25 0 1 1 4.25 9.25A3.5 4.25 0 1 1 4.25 .75Z" },
  P: { width: 7.2, path: "M.75 10V.75H4A2.4 2.4 0 0 1 4 5.55H.75" },
  R: { width: 7.2, path: "M.75 10V.75H4A2.4 2.4 0 0 1 4 5.55H.75M3.9 5.55L6.9 10" },
  S: {
    width: 6.6,
    path: "M5.9 2.2C5.3 1.2 4.4 .75 3.3 .75 1.9 .75.9 1.6.9 2.85.9 5.4 5.9 4.5 5.9 7.2 5.9 8.5 4.8 9.25 3.3 9.25 2 9.25 1 8.7.5 7.7",
  },
  T: { width: 7, path: "M0 .75H7M3.5 .75V10" },
};

const round = (n: number) => Math.round(n * 100) / 100;

/** One word as a path's data, its top-left corner at (x, y). */
function word(text: string, x: number, y: number): { path: string; width: number } {
  let cursor = 0;
  const parts: string[] = [];
  for (const char of text) {
    const letter = letters[char];
    if (!letter) throw new Error(`The wordmark has no drawing for “${char}”`);
    // Absolute commands only (the drawings above are absolute), shifted to the letter's place.
    const moved = letter.path.replace(
      /-?(?:\d+(?:\.\d+)?|\.\d+)/g,
      (n, offset: number, all: string) => ` ${round(Number(n) + shiftFor(all, offset, x + cursor, y))}`,
    );
    parts.push(moved.replace(/([A-Z]) /gi, "$1").trim());
    cursor += letter.width + tracking;
  }
  return { path: parts.join(""), width: round(cursor - tracking) };
}

/**
 * Which way a number in a path moves: x or y by its place in the command's
 * arguments (arc radii, rotation and flags do not move).
 */
function shiftFor(path: string, offset: number, dx: number, dy: number): number {
  const before = path.slice(0, offset);
  const command = /[A-Z](?=[^A-Z]*$)/i.exec(before)?.[0] ?? "M";
  const argsBefore = (before.slice(before.lastIndexOf(command) + 1).match(/-?(?:\d+(?:\.\d+)?|\.\d+)/g) ?? []).length;
  if (command === "H") return dx;
  if (command === "V") return dy;
  if (command === "A") {
    const slot = argsBefore % 7;
    return slot === 5 ? dx : slot === 6 ? dy : 0;
  }
  return argsBefore % 2 === 0 ? dx : dy;
}

const lines = ["NATIONAL", "LEADERSHIP", "CENTRE"];
const textLeft = 7;

/** The wordmark's drawing (no <svg> wrapper): the gradient bar and the three lines of the name. */
function wordmarkArt(textColour: string, gradientId: string): { body: string; width: number; height: number } {
  const words = lines.map((line, i) => word(line, textLeft, i * linePitch));
  const width = round(textLeft + Math.max(...words.map((w) => w.width)));
  const height = (lines.length - 1) * linePitch + capHeight;
  const body =
    `<linearGradient id="${gradientId}" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${colours.red}"/><stop offset="1" stop-color="${colours.orange}"/></linearGradient>` +
    `<rect width="3" height="${height}" fill="url(#${gradientId})"/>` +
    `<path d="${words.map((w) => w.path).join("")}" fill="none" stroke="${textColour}" stroke-width="${stroke}" stroke-linejoin="round"/>`;
  return { body, width, height };
}

/** The wordmark as a standalone SVG, with its name as the text alternative. */
export function wordmarkSvg(textColour: string = colours.slate): string {
  const art = wordmarkArt(textColour, "nlc-bar");
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="-1 -1 ${art.width + 2} ${art.height + 2}" role="img" aria-label="${brandName}"><title>${brandName}</title>${art.body}</svg>\n`;
}

/**
 * The icon on a 16-unit grid, so that at 16, 32 and 48 pixels every edge
 * falls on a whole pixel: slate tile, gradient bar, three lines as long as
 * the wordmark's three lines are, in proportion. `corner` rounds the tile
 * (0 for the touch icon, which iOS rounds itself).
 */
export function iconSvg(corner = 3): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16">` +
    `<linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${colours.red}"/><stop offset="1" stop-color="${colours.orange}"/></linearGradient>` +
    `<rect width="16" height="16" rx="${corner}" fill="${colours.slate}"/>` +
    `<rect x="3" y="3" width="2" height="10" fill="url(#g)"/>` +
    `<path d="M7 3h5v2H7zM7 7h6v2H7zM7 11h4v2H7z" fill="${colours.white}"/>` +
    `</svg>\n`
  );
}

const videoPoster = { width: 1600, height: 900 } as const;

/**
 * The poster frame of a video before it is played (no picture is fetched
 * from the video's host): slate, the icon's bar and three lines drawn large
 * and faint, and a white play mark in a ring at the centre. The title and
 * the buttons are HTML under it.
 */
export function videoPosterSvg(): string {
  const { width, height } = videoPoster;
  const faint = "#45525d";
  const x = 200;
  const line = (y: number, length: number) =>
    `<rect x="${x + 150}" y="${y}" width="${length}" height="110" fill="${faint}"/>`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}">` +
    `<rect width="${width}" height="${height}" fill="${colours.slate}"/>` +
    `<rect x="${x}" y="150" width="70" height="600" fill="${faint}"/>` +
    line(150, 1000) +
    line(395, 1200) +
    line(640, 760) +
    `<circle cx="${width / 2}" cy="${height / 2}" r="150" fill="${colours.slate}" stroke="${colours.white}" stroke-width="18"/>` +
    `<path d="M${width / 2 - 45} ${height / 2 - 85}v170l140-85z" fill="${colours.white}"/>` +
    `</svg>\n`
  );
}

export const shareImage = { width: 1200, height: 630, alt: `${brandName}: the wordmark, white on slate` } as const;

/** The default share image: the white wordmark on slate above the gradient band the heroes carry. */
export function shareImageSvg(): string {
  const art = wordmarkArt(colours.white, "bar");
  const scale = 7;
  const x = 120;
  const y = Math.round((shareImage.height - 24 - art.height * scale) / 2);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${shareImage.width} ${shareImage.height}">` +
    `<linearGradient id="band"><stop offset="0" stop-color="${colours.red}"/><stop offset="1" stop-color="${colours.orange}"/></linearGradient>` +
    `<rect width="${shareImage.width}" height="${shareImage.height}" fill="${colours.slate}"/>` +
    `<rect y="${shareImage.height - 24}" width="${shareImage.width}" height="24" fill="url(#band)"/>` +
    `<g transform="translate(${x} ${y}) scale(${scale})">${art.body}</g>` +
    `</svg>\n`
  );
}

/**
 * An ICO file holding PNG images (Windows Vista and every browser read PNG
 * inside ICO): a 6-byte header, a 16-byte entry per image, then the images.
 */
export function packIco(images: ReadonlyArray<{ size: number; png: Uint8Array }>): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, png }) => {
    if (size < 1 || size > 256) throw new Error(`An ICO image must be 1 to 256 pixels, not ${size}`);
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size === 256 ? 0 : size, 0);
    entry.writeUInt8(size === 256 ? 0 : size, 1);
    entry.writeUInt8(0, 2); // no palette
    entry.writeUInt8(0, 3);
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map(({ png }) => Buffer.from(png))]);
}

/** The web app manifest: the name, the icons and the colours. */
export function webManifest(): string {
  const manifest = {
    name: brandName,
    short_name: "NLC",
    start_url: "/",
    display: "browser",
    background_color: colours.white,
    theme_color: colours.slate,
    icons: [
      { src: "/icon.svg", type: "image/svg+xml", sizes: "any" },
      { src: "/icon-192.png", type: "image/png", sizes: "192x192" },
      { src: "/icon-512.png", type: "image/png", sizes: "512x512" },
    ],
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
