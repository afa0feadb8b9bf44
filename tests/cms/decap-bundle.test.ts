// Decap's bundle reaches /admin/ from one pinned, checked tarball, not from a dependency tree: only the
// bundle's files come out of it, a tarball that is not the pinned one is refused, and offline the
// build says so in one line. None of these tests uses the network: they pack small tarballs themselves.
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import {
  DecapBundleError,
  decapCacheDir,
  decapRelease,
  ensureDecapBundle,
  extractBundleFiles,
  isBundleFile,
  type PackFunction,
} from "../../src/cms/decap-bundle.js";
import { bundleFolder, decapBundle } from "../../src/cms/admin-page.js";

/** One 512-byte ustar header. */
function header(name: string, size: number, type = "0", prefix = ""): Buffer {
  const block = Buffer.alloc(512);
  block.write(name, 0, 100, "utf8");
  block.write("0000644\0", 100);
  block.write("0000000\0", 108);
  block.write("0000000\0", 116);
  block.write(`${size.toString(8).padStart(11, "0")}\0`, 124);
  block.write("00000000000\0", 136);
  block.write("        ", 148);
  block.write(type, 156);
  block.write("ustar\0", 257);
  block.write("00", 263);
  block.write(prefix, 345, 155, "utf8");
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(`${sum.toString(8).padStart(6, "0")}\0 `, 148);
  return block;
}

function entry(name: string, data: string | Buffer, type = "0", prefix = ""): Buffer {
  const body = Buffer.from(data);
  const padding = Buffer.alloc((512 - (body.length % 512)) % 512);
  return Buffer.concat([header(name, body.length, type, prefix), body, padding]);
}

/** A pax extended header giving the next entry's path. */
function paxPath(path: string): Buffer {
  const record = (length: number) => `${length} path=${path}\n`;
  let length = record(0).length;
  while (record(length).length !== length) length = record(length).length;
  return entry("package/dist/PaxHeader", record(length), "x");
}

function tarball(...entries: Buffer[]): Buffer {
  return gzipSync(Buffer.concat([...entries, Buffer.alloc(1024)]));
}

const integrityOf = (bytes: Buffer) => `sha512-${createHash("sha512").update(bytes).digest("base64")}`;

/** Like the real package: the bundle, its chunks, WebAssembly and licence, plus what /admin/ does not serve. */
const small = tarball(
  entry("package/package.json", '{"name":"decap-cms"}'),
  entry("package/dist/decap-cms.js", "window.CMS = 'bundle';"),
  entry("package/dist/1077.decap-cms.js", "'chunk';"),
  entry("package/dist/dd5d52671a5763720504.wasm", Buffer.from([0, 97, 115, 109])),
  entry("package/dist/decap-cms.js.LICENSE.txt", "MIT"),
  entry("package/dist/decap-cms.js.map", "{}"),
  entry("package/dist/cms.js", "'second copy';"),
  entry("package/dist/103.decap-cms.js", "", "2"), // a symbolic link: never written
  entry("package/dist/sub/7.decap-cms.js", "'nested';"),
  entry("package/dist/../9.decap-cms.js", "'outside';"),
  paxPath("package/dist/2002.decap-cms.js"),
  entry("package/dist/2002.decap-c", "'long name';"),
  entry("3003.decap-cms.js", "'prefixed';", "0", "package/dist"),
);

const folders: string[] = [];
function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), "nlc-decap-"));
  folders.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A project folder of its own, so no test touches the real cache. */
function project(): string {
  const root = folder();
  writeFileSync(join(root, "package.json"), "{}");
  return root;
}

/** Stands in for `npm pack`: drops `bytes` where npm would, and counts its calls. */
function packing(bytes: Buffer): PackFunction & { calls: number } {
  const pack = Object.assign(
    async (spec: string, destination: string) => {
      pack.calls += 1;
      const file = join(destination, `${spec.replace("@", "-")}.tgz`);
      writeFileSync(file, bytes);
      return file;
    },
    { calls: 0 },
  );
  return pack;
}

const fixtureRelease = { name: "decap-cms", version: "0.0.1-test", integrity: integrityOf(small) };

describe("taking the bundle out of the tarball", () => {
  it("writes only the bundle's files, each under its own name in the one folder", async () => {
    const file = join(folder(), "decap.tgz");
    writeFileSync(file, small);
    const into = folder();
    const written = await extractBundleFiles(file, into);
    expect(written.sort()).toEqual(
      [
        "1077.decap-cms.js",
        "2002.decap-cms.js",
        "3003.decap-cms.js",
        "dd5d52671a5763720504.wasm",
        "decap-cms.js",
        "decap-cms.js.LICENSE.txt",
      ].sort(),
    );
    expect(readdirSync(into).sort()).toEqual(written.sort());
    expect(readFileSync(join(into, "decap-cms.js"), "utf8")).toBe("window.CMS = 'bundle';");
    expect(readFileSync(join(into, "2002.decap-cms.js"), "utf8")).toBe("'long name';");
    expect([...readFileSync(join(into, "dd5d52671a5763720504.wasm"))]).toEqual([0, 97, 115, 109]);
  });

  it("refuses a damaged header or a tarball cut short", async () => {
    const damaged = Buffer.concat([entry("package/dist/decap-cms.js", "x"), Buffer.alloc(1024)]);
    damaged[0] = "q".charCodeAt(0);
    const broken = join(folder(), "broken.tgz");
    writeFileSync(broken, gzipSync(damaged));
    await expect(extractBundleFiles(broken, folder())).rejects.toThrow(/checksum/);
    const cut = join(folder(), "cut.tgz");
    writeFileSync(cut, gzipSync(entry("package/dist/decap-cms.js", "x".repeat(2000)).subarray(0, 1024)));
    await expect(extractBundleFiles(cut, folder())).rejects.toThrow(/ended in the middle/);
  });
});

describe("the bundle's cache", () => {
  it("refuses a tarball that is not the pinned one, and extracts nothing", async () => {
    const root = project();
    const pack = packing(small);
    const failure = await ensureDecapBundle({ root, pack }).catch((caught: unknown) => caught);
    expect(failure).toBeInstanceOf(DecapBundleError);
    const message = (failure as Error).message;
    expect(message).toContain("not the one pinned");
    expect(message).toContain(decapRelease.integrity);
    expect(message).not.toContain("\n");
    expect(existsSync(decapCacheDir(root))).toBe(false);
    expect(readdirSync(join(root, "node_modules", ".cache"))).toEqual([]);
  });

  it("fetches once, then serves the folder from the cache, also to builds that ask at the same time", async () => {
    const root = project();
    const pack = packing(small);
    const [first, second] = await Promise.all([
      ensureDecapBundle({ root, pack, release: fixtureRelease }),
      ensureDecapBundle({ root, pack, release: fixtureRelease }),
    ]);
    expect(first).toBe(second);
    expect(first).toBe(decapCacheDir(root, fixtureRelease.version));
    expect(readdirSync(first)).toContain("decap-cms.js");
    const offline: PackFunction = async () => {
      throw new Error("getaddrinfo ENOTFOUND registry");
    };
    expect(await ensureDecapBundle({ root, pack: offline, release: fixtureRelease })).toBe(first);
    expect(pack.calls).toBe(1);
    expect(readdirSync(join(root, "node_modules", ".cache"))).toEqual([`decap-cms-${fixtureRelease.version}`]);
  });

  it("says in one line that npm could not fetch it when offline", async () => {
    const root = project();
    const offline: PackFunction = async () => {
      throw new Error("request to the registry failed, reason: getaddrinfo ENOTFOUND registry\n    at stack line");
    };
    const failure = (await ensureDecapBundle({ root, pack: offline, release: fixtureRelease }).catch(
      (caught: unknown) => caught,
    )) as DecapBundleError;
    expect(failure).toBeInstanceOf(DecapBundleError);
    expect(failure.unreachable).toBe(true);
    expect(failure.message).toContain("decap-cms@0.0.1-test");
    expect(failure.message).toContain("ENOTFOUND");
    expect(failure.message).not.toContain("\n");
    expect(failure.message).not.toContain("stack line");
  });

  it("refuses a pinned tarball that has no bundle in it", async () => {
    const root = project();
    const empty = tarball(entry("package/package.json", "{}"));
    const release = { ...fixtureRelease, integrity: integrityOf(empty) };
    await expect(ensureDecapBundle({ root, pack: packing(empty), release })).rejects.toThrow(/no dist\/decap-cms\.js/);
    expect(existsSync(decapCacheDir(root, release.version))).toBe(false);
  });
});

describe("after npm ci", () => {
  it("has the real, pinned bundle in the project's cache, and nothing of the package besides", () => {
    const { version, dist } = decapBundle();
    expect(version).toBe(decapRelease.version);
    expect(bundleFolder(version)).toBe(`decap-cms-${decapRelease.version}`);
    const files = readdirSync(dist);
    expect(files).toContain("decap-cms.js");
    expect(files.filter((name) => !isBundleFile(name))).toEqual([]);
    expect(files.some((name) => name.endsWith(".wasm"))).toBe(true);
    // The real bundle, not a stand-in: it is the whole editor, megabytes of it.
    expect(readFileSync(join(dist, "decap-cms.js")).length).toBeGreaterThan(1_000_000);
    // decap-cms is no longer installed as a package.
    expect(existsSync(join(dist, "..", "..", "decap-cms"))).toBe(false);
  });
});
