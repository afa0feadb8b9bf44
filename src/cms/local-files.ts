import { createHash, randomBytes } from "node:crypto";
import { constants, type Stats } from "node:fs";
import { lstat, mkdir, open, readdir, rename, unlink } from "node:fs/promises";
import { join } from "node:path";
import { fileKindOf } from "../content/file-kinds.js";

/**
 * What the local editing server may read and write, and how: the project's
 * pages the browser editor edits (content/, markdown only, in the editors'
 * collections) and the files it uploads (static/img/ and static/documents/,
 * of the kinds in src/content/file-kinds.ts), never anything else. A path
 * is data from a browser: it is checked as text first (no "..", no absolute
 * path, no backslash, clean names only), then walked one folder at a time
 * without following a symbolic link, and a file is replaced by renaming a
 * new one over it, so nothing outside these folders can be reached.
 */

export interface EditableArea {
  /** Folders whose markdown files (one level deep) are pages editors edit, "content/news/posts". */
  pageFolders: readonly string[];
  /** Single page files editors edit, "content/news/index.md". */
  pageFiles: readonly string[];
  /** Folders uploads go to, by kind: "static/img", "static/documents". */
  uploadFolders: Readonly<Record<"img" | "documents", string>>;
}

/** Why a path cannot be used, or undefined when it can. */
export class RefusedPath extends Error {}

const segment = /^[a-z0-9][a-z0-9._-]*$/;
const maxPathLength = 200;

function segmentsOf(path: unknown): string[] {
  if (typeof path !== "string" || path.length === 0 || path.length > maxPathLength)
    throw new RefusedPath("a path must be a short relative path");
  const parts = path.split("/");
  for (const part of parts) {
    // Starting with a letter or digit rules out "", ".", "..", hidden files and any absolute path.
    if (!segment.test(part) || part.includes(".."))
      throw new RefusedPath(`"${path.slice(0, 80)}" is not a clean path inside the project`);
  }
  return parts;
}

function folderOf(path: string): string {
  return path.slice(0, path.lastIndexOf("/"));
}

export type PathUse = "page" | "upload";

/** The use of a file path the editor may read or write, or a RefusedPath. */
export function editablePath(area: EditableArea, path: unknown): { path: string; use: PathUse } {
  const parts = segmentsOf(path);
  const clean = parts.join("/");
  const name = parts[parts.length - 1] ?? "";
  if (area.pageFiles.includes(clean)) return { path: clean, use: "page" };
  if (name.endsWith(".md") && area.pageFolders.includes(folderOf(clean))) return { path: clean, use: "page" };
  const kind = fileKindOf(name);
  if (kind && area.uploadFolders[kind.folder] === folderOf(clean)) return { path: clean, use: "upload" };
  if (clean.startsWith("static/") || (kind && !clean.startsWith("content/")))
    throw new RefusedPath(
      `${clean} cannot be uploaded: the editor uploads pictures into ${area.uploadFolders.img}/ and documents into ${area.uploadFolders.documents}/, of the kinds in docs/editing.md`,
    );
  throw new RefusedPath(`${clean} is not a page the editor edits`);
}

/** A folder the editor lists: one of the page folders or upload folders. */
export function listableFolder(area: EditableArea, folder: unknown): string {
  const clean = segmentsOf(folder).join("/");
  if (area.pageFolders.includes(clean) || Object.values(area.uploadFolders).includes(clean)) return clean;
  throw new RefusedPath(`${clean} is not a folder the editor lists`);
}

/** Stats of an entry, without following it, or undefined when there is none. */
async function entryStats(path: string): Promise<Stats | undefined> {
  try {
    return await lstat(path);
  } catch (caught) {
    if ((caught as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw caught;
  }
}

/**
 * The real folder for a project-relative folder, each step a real folder
 * (never a symbolic link), made when missing if `create`. Undefined when a
 * step is missing and not made.
 */
async function realFolder(root: string, folder: string, create: boolean): Promise<string | undefined> {
  let current = root;
  for (const part of folder.split("/")) {
    current = join(current, part);
    const stats = await entryStats(current);
    if (!stats) {
      if (!create) return undefined;
      await mkdir(current);
      continue;
    }
    if (stats.isSymbolicLink() || !stats.isDirectory())
      throw new RefusedPath(`${folder} is not a plain folder of the project (a symbolic link is never followed)`);
  }
  return current;
}

export function sha256(content: Buffer): string {
  return createHash("sha256").update(content).digest("hex");
}

/** A file's bytes, or undefined when it is missing; never through a symbolic link. */
export async function readProjectFile(root: string, path: string): Promise<Buffer | undefined> {
  const folder = await realFolder(root, folderOf(path), false);
  if (!folder) return undefined;
  const full = join(folder, path.slice(path.lastIndexOf("/") + 1));
  let handle;
  try {
    handle = await open(full, constants.O_RDONLY | constants.O_NOFOLLOW);
  } catch (caught) {
    const code = (caught as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return undefined;
    if (code === "ELOOP") throw new RefusedPath(`${path} is a symbolic link, which is never followed`);
    throw caught;
  }
  try {
    if (!(await handle.stat()).isFile()) throw new RefusedPath(`${path} is not a file`);
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

/** Writes a file: a new file beside it, renamed over it, so a link in its place is replaced, never followed. */
export async function writeProjectFile(root: string, path: string, content: Buffer): Promise<void> {
  const folder = await realFolder(root, folderOf(path), true);
  if (!folder) throw new RefusedPath(`${folderOf(path)} cannot be made`);
  const name = path.slice(path.lastIndexOf("/") + 1);
  const existing = await entryStats(join(folder, name));
  if (existing?.isDirectory()) throw new RefusedPath(`${path} is a folder`);
  if (existing?.isSymbolicLink())
    throw new RefusedPath(`${path} is a symbolic link, which is never followed or replaced`);
  const temporary = join(folder, `.${name}.${randomBytes(6).toString("hex")}.saving`);
  const handle = await open(
    temporary,
    constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW,
    0o644,
  );
  try {
    await handle.writeFile(content);
  } finally {
    await handle.close();
  }
  try {
    await rename(temporary, join(folder, name));
  } catch (caught) {
    await unlink(temporary).catch(() => undefined);
    throw caught;
  }
}

/** Deletes a file (a link in its place is removed, never followed). A missing file is already gone. */
export async function deleteProjectFile(root: string, path: string): Promise<void> {
  const folder = await realFolder(root, folderOf(path), false);
  if (!folder) return;
  const full = join(folder, path.slice(path.lastIndexOf("/") + 1));
  const stats = await entryStats(full);
  if (!stats) return;
  if (stats.isDirectory()) throw new RefusedPath(`${path} is a folder`);
  await unlink(full);
}

/** The files directly in a folder (never through a symbolic link), as project paths, in name order. */
export async function listProjectFolder(root: string, folder: string): Promise<string[]> {
  const real = await realFolder(root, folder, false);
  if (!real) return [];
  const entries = await readdir(real, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && segment.test(entry.name))
    .map((entry) => `${folder}/${entry.name}`)
    .sort();
}
