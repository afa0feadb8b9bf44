// Finds a Chrome or Chromium for the browser tests, installing Debian's chromium on a fresh machine of ours.
import { execSync } from "node:child_process";
import { existsSync } from "node:fs";

/** Where Chrome or Chromium usually live, after CHROME_PATH. */
const usualPlaces = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/lib/chromium/chromium",
  "/usr/bin/google-chrome-stable",
  "/usr/bin/google-chrome",
  "/opt/google/chrome/chrome",
  "/snap/bin/chromium",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
  "/Applications/Chromium.app/Contents/MacOS/Chromium",
  "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe",
];

export const installCommand = "apt-get update && apt-get install -y chromium";

export const howToInstall =
  "No Chrome or Chromium found for the browser tests: install one (Debian/Ubuntu: sudo apt-get install chromium; macOS: brew install --cask chromium) or set CHROME_PATH to its binary.";

export interface FindBrowserOptions {
  env?: Record<string, string | undefined>;
  exists?: (path: string) => boolean;
  /** Root on a machine with apt-get: may install Debian's chromium. */
  canInstall?: boolean;
  /** Runs a shell command, showing its output. */
  run?: (command: string) => void;
  log?: (line: string) => void;
}

const isRootWithApt = () => process.getuid?.() === 0 && existsSync("/usr/bin/apt-get");

/**
 * The path of a browser to drive: CHROME_PATH, else the first of the usual
 * places that exists. With none, as root with apt-get it installs Debian's
 * chromium (saying so); otherwise it throws one line saying how to install
 * one. It never returns without a browser, in CI or not: no silent skips.
 */
export function findBrowser(options: FindBrowserOptions = {}): string {
  const env = options.env ?? process.env;
  const exists = options.exists ?? existsSync;
  const log = options.log ?? ((line: string) => console.log(line));
  const chromePath = env.CHROME_PATH?.trim();
  if (chromePath) {
    if (!exists(chromePath))
      throw new Error(
        `CHROME_PATH is ${chromePath}, but there is no file there: point it at a Chrome or Chromium binary, or unset it.`,
      );
    return chromePath;
  }
  const found = () => usualPlaces.find((path) => exists(path));
  const first = found();
  if (first) return first;
  if (!(options.canInstall ?? isRootWithApt())) throw new Error(howToInstall);
  log(`No Chrome or Chromium found; installing Debian's chromium: ${installCommand}`);
  const run =
    options.run ??
    ((command: string) =>
      execSync(command, { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } }));
  try {
    run(installCommand);
  } catch (error) {
    throw new Error(`Installing chromium failed (${(error as Error).message.split("\n")[0]}). ${howToInstall}`, {
      cause: error,
    });
  }
  const installed = found();
  if (!installed) throw new Error(`chromium was installed but is not in any usual place. ${howToInstall}`);
  log(`Using ${installed}`);
  return installed;
}
