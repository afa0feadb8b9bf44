import { execFileSync } from "node:child_process";

/**
 * The date ("YYYY-MM-DD") of the git commit the site is built from: the day
 * this version of the site was made, and so tested. Taken from the commit, not
 * the clock, so two builds of one commit are identical. Undefined outside a
 * git checkout (a copied folder), where there is no such date to give.
 */
export function sourceDate(root: string): string | undefined {
  try {
    const date = execFileSync("git", ["log", "-1", "--format=%cs"], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    return /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : undefined;
  } catch {
    return undefined;
  }
}
