// Reads a V8 .cpuprofile (node --cpu-prof) and says where the time went: by function and by package or file.
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { fileURLToPath } from "node:url";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  totalMs: number;
  byFunction: Array<{ name: string; ms: number }>;
  byArea: Array<{ name: string; ms: number }>;
}

function localPath(url: string, root: string): string {
  const path = url.startsWith("file://") ? fileURLToPath(url) : url;
  return path.startsWith("/") ? relative(root, path) : path;
}

/** "node_modules/nunjucks/src/…" → "nunjucks"; "src/navigation.ts" stays itself; Node's own code is "node:internal". */
function areaOf(url: string, root: string): string {
  if (!url) return "(native, GC or idle)";
  if (url.startsWith("node:")) return "node:internal";
  const path = localPath(url, root);
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (match) return match[1] as string;
  return path;
}

export function summariseProfile(file: string, root: string, top = 15): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const functions = new Map<string, number>();
  const areas = new Map<string, number>();
  let total = 0;
  for (const [id, us] of selfUs) {
    const frame = byId.get(id)?.callFrame;
    if (!frame) continue;
    total += us;
    const name = frame.url
      ? `${frame.functionName || "(anonymous)"} ${localPath(frame.url, root)}:${frame.lineNumber + 1}`
      : frame.functionName || "(unknown)";
    functions.set(name, (functions.get(name) ?? 0) + us);
    const area = areaOf(frame.url, root);
    areas.set(area, (areas.get(area) ?? 0) + us);
  }
  const ranked = (map: Map<string, number>) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({ name, ms: us / 1000 }));
  return { totalMs: total / 1000, byFunction: ranked(functions), byArea: ranked(areas) };
}
