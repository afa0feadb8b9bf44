// A throwaway git history for tests of what the build takes from the commit.
import { execFileSync } from "node:child_process";

/** A git repository with one commit made on `date` (an ISO time), so the answer is known. */
export function commitOn(dir: string, date: string): void {
  const env = { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date };
  const git = (...args: string[]) =>
    execFileSync(
      "git",
      ["-c", "user.name=Test", "-c", "user.email=test@example.invalid", "-c", "commit.gpgsign=false", ...args],
      { cwd: dir, env, stdio: "ignore" },
    );
  git("init", "-q");
  git("add", "-A");
  git("commit", "-q", "-m", "test", "--allow-empty");
}
