// Decap CMS's prebuilt bundle for /admin/, without the ~600 packages of its dependency tree.
//
// The bundle (`dist/decap-cms.js`, its numbered chunks, two WebAssembly files and its licence) is
// self-contained: nothing else in the decap-cms package runs in the browser or at build time. So it
// is not a dependency. Instead npm fetches the one pinned tarball (`npm pack`, so npm's own cache,
// registry and proxy settings apply), its sha512 is checked against the value pinned below before a
// byte of it is read, and only the bundle's files are taken out, into a cache folder in
// node_modules (shared by the tests' fixture projects, which link the project's node_modules).
// The root package's `postinstall` fills the cache; a build that finds it empty fills it then.
// Why this and not the alternatives: docs/cms.md, "How the bundle is installed".
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { createReadStream, existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { createGunzip } from "node:zlib";

/** The one Decap CMS release /admin/ serves, and the integrity npm's registry gave for its tarball. */
export const decapRelease = {
  name: "decap-cms",
  version: "3.16.3",
  integrity: "sha512-hf+dPlCh7TJmWl8+6VRzHYOWhri5xgUknrZbDewaWe4s9B7xJ8PQugp2QHeSldMUKzav6+z0oIpwUYhUJDYtYw==",
} as const;

/** The bundle and the chunks and WebAssembly it loads from beside itself; not its maps, nor the second copy named cms.js. */
export function isBundleFile(name: string): boolean {
  return (
    /^(?:\d+\.)?decap-cms\.js$/.test(name) || /^[0-9a-f]+\.wasm$/.test(name) || name === "decap-cms.js.LICENSE.txt"
  );
}

/** The project folder: the nearest folder above this module holding a package.json (a fixture project's own copy too). */
function projectRoot(from = dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  while (!existsSync(join(dir, "package.json"))) {
    const parent = dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}

/** Where the extracted bundle is kept: node_modules/.cache/decap-cms-<version>/. */
export function decapCacheDir(root = projectRoot(), version: string = decapRelease.version): string {
  return join(root, "node_modules", ".cache", `decap-cms-${version}`);
}

/** A file's integrity in npm's form, "sha512-<base64>". */
async function fileIntegrity(file: string): Promise<string> {
  const hash = createHash("sha512");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return `sha512-${hash.digest("base64")}`;
}

/** Fetches `spec` as a tarball into `destination` and returns its path. */
export type PackFunction = (spec: string, destination: string) => Promise<string>;

/**
 * `npm pack <spec>`: npm's own cache, registry and proxy settings, fixed arguments, no shell. Under an
 * npm script (postinstall, `npm run build`) it is the npm that runs the script; otherwise `npm` on PATH.
 */
const npmPack: PackFunction = async (spec, destination) => {
  const npmCli = process.env.npm_execpath;
  const [command, prefix] =
    npmCli && /npm-cli\.[cm]?js$/.test(npmCli) ? [process.execPath, [npmCli]] : ["npm", [] as string[]];
  const args = [
    ...prefix,
    "pack",
    spec,
    "--pack-destination",
    destination,
    "--prefer-offline",
    "--ignore-scripts",
    "--loglevel=error",
    // Offline, say so within seconds rather than after npm's default minute of retries.
    "--fetch-retries=1",
    "--fetch-retry-maxtimeout=10000",
  ];
  await new Promise<void>((resolve, reject) => {
    execFile(command, args, { timeout: 300_000, maxBuffer: 16 * 1024 * 1024 }, (failed, _stdout, stderr) => {
      if (!failed) return resolve();
      // npm's own words: the line that says why ("request to … failed, reason: …"), else its first.
      const lines = String(stderr)
        .split("\n")
        .map((line) => line.replace(/^npm (?:error|ERR!)\s*/, "").trim())
        .filter((line) => line && !/^(?:A complete log|Log files|at )/.test(line));
      const said = lines.find((line) => /reason:|E404|not found|ETARGET/i.test(line)) ?? lines[0];
      reject(new Error(said || failed.message.split("\n")[0]));
    });
  });
  const tarballs = (await readdir(destination)).filter((name) => name.endsWith(".tgz"));
  if (tarballs.length !== 1) throw new Error(`npm pack left ${tarballs.length} tarballs, not one`);
  return join(destination, tarballs[0]!);
};

/** A tar header field: text up to its first NUL. */
function text(block: Buffer, start: number, length: number): string {
  const field = block.subarray(start, start + length);
  const end = field.indexOf(0);
  return field.subarray(0, end === -1 ? field.length : end).toString("utf8");
}

function octal(block: Buffer, start: number, length: number, what: string): number {
  const field = text(block, start, length).trim();
  if (!/^[0-7]{1,12}$/.test(field)) throw new Error(`the tarball's ${what} field is not a number`);
  return parseInt(field, 8);
}

/** The header's checksum: the sum of its bytes, with the checksum field itself counted as spaces. */
function checksumHolds(block: Buffer): boolean {
  let sum = 0;
  for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 32 : block[i]!;
  return sum === octal(block, 148, 8, "checksum");
}

/** A pax extended header's `path` record ("<length> path=<value>\n"), if it has one. */
function paxPath(body: Buffer): string | undefined {
  let path: string | undefined;
  let at = 0;
  while (at < body.length) {
    const space = body.indexOf(0x20, at);
    const length = space === -1 ? NaN : Number(body.subarray(at, space).toString("latin1"));
    if (!Number.isInteger(length) || length <= 0 || at + length > body.length) break;
    const record = body.subarray(space + 1, at + length - 1).toString("utf8");
    if (record.startsWith("path=")) path = record.slice("path=".length);
    at += length;
  }
  return path;
}

/** Bytes as they come out of the decompressor, taken from the front. */
class ByteQueue {
  private chunks: Buffer[] = [];
  length = 0;

  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.length += chunk.length;
  }

  /** Removes `count` bytes from the front and returns them (when `keep`) as one buffer. */
  take(count: number, keep = true): Buffer {
    const parts: Buffer[] = [];
    let left = count;
    while (left > 0) {
      const first = this.chunks[0]!;
      if (first.length <= left) {
        if (keep) parts.push(first);
        this.chunks.shift();
        left -= first.length;
      } else {
        if (keep) parts.push(first.subarray(0, left));
        this.chunks[0] = first.subarray(left);
        left = 0;
      }
    }
    this.length -= count;
    return keep ? Buffer.concat(parts) : Buffer.alloc(0);
  }
}

/**
 * Writes into `into` each regular file of the npm tarball `tarball` that is `package/dist/<name>`
 * with `keep(name)`, under that bare name, and returns the names written. Nothing else is written:
 * not directories, links or devices, nor any other path, so no entry can choose where a file goes.
 * A small reader of the ustar and pax formats npm writes, because the tarball it reads has already
 * passed the pinned integrity check: it is one known file, not arbitrary input (docs/cms.md).
 */
export async function extractBundleFiles(
  tarball: string,
  into: string,
  keep: (name: string) => boolean = isBundleFile,
): Promise<string[]> {
  const written: string[] = [];
  const queue = new ByteQueue();
  // What the front of the queue is: a header, or the body (and padding) of the entry it described.
  let body: { size: number; padded: number; name: string; type: string } | undefined;
  let nextPath: string | undefined;
  let ended = false;

  const step = async (): Promise<boolean> => {
    if (ended) {
      queue.take(queue.length, false);
      return false;
    }
    if (!body) {
      if (queue.length < 512) return false;
      const header = queue.take(512);
      if (header.every((byte) => byte === 0)) {
        ended = true;
        return true;
      }
      if (!checksumHolds(header)) throw new Error("a header's checksum in the tarball is wrong");
      const size = octal(header, 124, 12, "size");
      const prefix = text(header, 257, 6) === "ustar" ? text(header, 345, 155) : "";
      const name = text(header, 0, 100);
      body = {
        size,
        padded: Math.ceil(size / 512) * 512,
        name: prefix ? `${prefix}/${name}` : name,
        type: text(header, 156, 1) || "0",
      };
      return true;
    }
    const { size, padded, name, type } = body;
    const wanted = type === "x" || type === "L" || (type === "0" && /^package\/dist\/[^/]+$/.test(nextPath ?? name));
    if (!wanted) {
      // Skipped without being held: the source maps alone are tens of megabytes.
      const skip = Math.min(padded, queue.length);
      queue.take(skip, false);
      body.padded -= skip;
      if (body.padded > 0) return skip > 0;
      body = undefined;
      nextPath = undefined;
      return true;
    }
    if (queue.length < padded) return false;
    const data = queue.take(padded).subarray(0, size);
    body = undefined;
    if (type === "x") {
      nextPath = paxPath(data);
      return true;
    }
    if (type === "L") {
      nextPath = text(data, 0, data.length);
      return true;
    }
    const path = nextPath ?? name;
    nextPath = undefined;
    const file = path.slice("package/dist/".length);
    if (keep(file)) {
      await writeFile(join(into, file), data);
      written.push(file);
    }
    return true;
  };

  for await (const chunk of createReadStream(tarball).pipe(createGunzip())) {
    queue.push(chunk as Buffer);
    while (await step());
  }
  if (!ended && (body || queue.length > 0)) throw new Error("the tarball ended in the middle of a file");
  return written;
}

export interface EnsureOptions {
  /** The project folder whose node_modules/.cache holds the bundle (default: this project). */
  root?: string;
  /** How the tarball is fetched (default: `npm pack`). */
  pack?: PackFunction;
  /** The release to fetch and the integrity it must have (default: the pinned one). */
  release?: { name: string; version: string; integrity: string };
}

/** Thrown with one line an editor or developer can act on; never a stack. `unreachable`: npm could not fetch (offline, say). */
export class DecapBundleError extends Error {
  readonly unreachable: boolean;

  constructor(message: string, unreachable = false) {
    super(message);
    this.unreachable = unreachable;
  }
}

const inFlight = new Map<string, Promise<string>>();

/**
 * The folder holding Decap's bundle: the cache if it is there, else fetched, checked and extracted
 * first. The folder appears whole or not at all (extracted beside it, then renamed), so builds that
 * run at once never see half of it. Fails with one line: offline, or a tarball that is not the pinned one.
 */
export function ensureDecapBundle(options: EnsureOptions = {}): Promise<string> {
  const root = options.root ?? projectRoot();
  const release = options.release ?? decapRelease;
  const dir = decapCacheDir(root, release.version);
  if (existsSync(join(dir, "decap-cms.js"))) return Promise.resolve(dir);
  const running = inFlight.get(dir);
  if (running) return running;
  const fetching = fetchInto(dir, root, release, options.pack ?? npmPack).finally(() => inFlight.delete(dir));
  inFlight.set(dir, fetching);
  return fetching;
}

async function fetchInto(
  dir: string,
  root: string,
  release: { name: string; version: string; integrity: string },
  pack: PackFunction,
): Promise<string> {
  const spec = `${release.name}@${release.version}`;
  const shown = relative(root, dir) || dir;
  await mkdir(dirname(dir), { recursive: true });
  const work = await mkdtemp(join(dirname(dir), `${basename(dir)}.partial-`));
  try {
    const download = join(work, "download");
    await mkdir(download);
    let tarball: string;
    try {
      tarball = await pack(spec, download);
    } catch (caught) {
      throw new DecapBundleError(
        `The browser editor's files (${spec}) are not in ${shown}/ and npm could not fetch them (${oneLine(caught)}): connect to the npm registry, then run npm ci or the build again.`,
        true,
      );
    }
    const integrity = await fileIntegrity(tarball);
    if (integrity !== release.integrity)
      throw new DecapBundleError(
        `npm gave a ${spec} tarball whose integrity (${integrity}) is not the one pinned in src/cms/decap-bundle.ts (${release.integrity}): refused, nothing was extracted.`,
      );
    const files = join(work, "files");
    await mkdir(files);
    let written: string[];
    try {
      written = await extractBundleFiles(tarball, files);
    } catch (caught) {
      throw new DecapBundleError(`${spec}'s tarball could not be read: ${oneLine(caught)}.`);
    }
    if (!written.includes("decap-cms.js"))
      throw new DecapBundleError(`${spec}'s tarball has no dist/decap-cms.js: it is not the bundle /admin/ needs.`);
    // A folder left without the bundle (emptied by hand, say) is replaced.
    if (existsSync(dir) && !existsSync(join(dir, "decap-cms.js"))) await rm(dir, { recursive: true, force: true });
    try {
      await rename(files, dir);
    } catch (caught) {
      // Another build put the same files there first: use those.
      if (!existsSync(join(dir, "decap-cms.js")))
        throw new DecapBundleError(`The browser editor's files could not be put in ${shown}/: ${oneLine(caught)}.`);
    }
    return dir;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

function oneLine(caught: unknown): string {
  const message = caught instanceof Error ? caught.message : String(caught);
  return message.split("\n")[0]!.trim().replace(/[.:]$/, "");
}
