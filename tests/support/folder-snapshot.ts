// A folder's contents as hashes, to prove a build or an attack left it byte-for-byte as it was.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

/** Every file under `dir` with a hash of its bytes (a symbolic link as "link", never followed): equal snapshots mean the same folder. */
export function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else
        files[relative(dir, path)] = entry.isSymbolicLink()
          ? "link"
          : createHash("sha256").update(readFileSync(path)).digest("hex");
    }
  };
  walk(dir);
  return files;
}
