// One allow-list for the CSP and the raw-HTML check: a host added to it reaches both, so they cannot drift.
import { describe, expect, it } from "vitest";
import { RenderedChecker } from "../../src/checks/rendered.js";
import { allowedHosts, hostAllowed, type AllowedHosts } from "../../src/output/allowed-hosts.js";
import { contentSecurityPolicy } from "../../src/output/headers.js";
import { fixturePage } from "../support/rendered-fixture.js";

/** The sources a CSP directive lists. */
function directive(csp: string, name: string): string[] {
  return (
    csp
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .find(([first]) => first === name) ?? []
  ).slice(1);
}

/** What the page check says about one line of content, with the given allow-list. */
function problems(body: string, hosts: AllowedHosts): string[] {
  const { page, source } = fixturePage("page", body);
  const checker = new RenderedChecker((file) => (file === page.file ? source : undefined), hosts);
  checker.check(page);
  return checker.finish(new Set([page.path])).map((problem) => problem.message);
}

describe("the allowed hosts", () => {
  it("a host added to the list is allowed by both the CSP and the page check", () => {
    const hosts: AllowedHosts = {
      ...allowedHosts,
      frames: [...allowedHosts.frames, "media.example.org"],
      images: ["images.example.org"],
    };
    const frame = '<iframe src="https://media.example.org/v/1" title="A film"></iframe>\n';
    const image = '<img src="https://images.example.org/a.jpg" alt="A view">\n';

    expect(problems(frame, allowedHosts)).toHaveLength(1);
    expect(problems(image, allowedHosts)).toHaveLength(1);
    expect(directive(contentSecurityPolicy(), "frame-src")).not.toContain("https://media.example.org");

    expect(problems(frame, hosts)).toEqual([]);
    expect(problems(image, hosts)).toEqual([]);
    expect(directive(contentSecurityPolicy("", hosts), "frame-src")).toContain("https://media.example.org");
    expect(directive(contentSecurityPolicy("", hosts), "img-src")).toContain("https://images.example.org");
  });

  it("every host the check allows by default is one the CSP in _headers allows", () => {
    const csp = contentSecurityPolicy();
    for (const host of allowedHosts.frames) expect(directive(csp, "frame-src")).toContain(`https://${host}`);
    for (const host of allowedHosts.images) expect(directive(csp, "img-src")).toContain(`https://${host}`);
    for (const host of allowedHosts.scripts) expect(directive(csp, "script-src")).toContain(`https://${host}`);
  });

  it("matches hosts as CSP does: exact names, *. for subdomains, https only", () => {
    expect(hostAllowed(new URL("https://player.vimeo.com/x"), ["player.vimeo.com"])).toBe(true);
    expect(hostAllowed(new URL("https://evilplayer.vimeo.com/x"), ["player.vimeo.com"])).toBe(false);
    expect(hostAllowed(new URL("http://player.vimeo.com/x"), ["player.vimeo.com"])).toBe(false);
    expect(hostAllowed(new URL("https://a.example.org/"), ["*.example.org"])).toBe(true);
    expect(hostAllowed(new URL("https://example.org/"), ["*.example.org"])).toBe(false);
    expect(hostAllowed(new URL("https://badexample.org/"), ["*.example.org"])).toBe(false);
  });
});
