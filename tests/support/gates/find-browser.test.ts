import { describe, expect, it } from "vitest";
import { findBrowser, howToInstall, installCommand } from "./find-browser.js";

const quiet = () => {};

describe("findBrowser", () => {
  it("uses CHROME_PATH first", () => {
    expect(findBrowser({ env: { CHROME_PATH: "/opt/my/chrome" }, exists: () => true, log: quiet })).toBe(
      "/opt/my/chrome",
    );
  });

  it("says so when CHROME_PATH names nothing, rather than looking elsewhere", () => {
    expect(() =>
      findBrowser({ env: { CHROME_PATH: "/nope" }, exists: (path) => path !== "/nope", log: quiet }),
    ).toThrow(/CHROME_PATH is \/nope, but there is no file there/);
  });

  it("then looks in the usual places, /usr/bin/chromium first", () => {
    expect(findBrowser({ env: {}, exists: () => true, log: quiet })).toBe("/usr/bin/chromium");
    expect(findBrowser({ env: {}, exists: (path) => path === "/usr/bin/google-chrome", log: quiet })).toBe(
      "/usr/bin/google-chrome",
    );
  });

  it("installs Debian's chromium when there is none and it may, saying what it runs", () => {
    const installed = new Set<string>();
    const ran: string[] = [];
    const logged: string[] = [];
    const path = findBrowser({
      env: {},
      exists: (p) => installed.has(p),
      canInstall: true,
      run: (command) => {
        ran.push(command);
        installed.add("/usr/bin/chromium");
      },
      log: (line) => logged.push(line),
    });
    expect(path).toBe("/usr/bin/chromium");
    expect(ran).toEqual([installCommand]);
    expect(logged[0]).toContain("apt-get update && apt-get install -y chromium");
  });

  it("fails with one line on how to install one when it cannot install, in CI or not", () => {
    for (const env of [{}, { CI: "true" }]) {
      expect(() => findBrowser({ env, exists: () => false, canInstall: false, log: quiet })).toThrow(howToInstall);
    }
    expect(howToInstall).not.toContain("\n");
  });

  it("fails, not skips, when the install does not work", () => {
    const run = () => {
      throw new Error("E: Unable to locate package chromium");
    };
    expect(() => findBrowser({ env: { CI: "true" }, exists: () => false, canInstall: true, run, log: quiet })).toThrow(
      /Installing chromium failed \(E: Unable to locate package chromium\)/,
    );
  });
});
