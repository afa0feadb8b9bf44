// One allow-list for the CSP and the raw-HTML check: a host added to it reaches both, so they cannot drift.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RenderedChecker } from "../../src/checks/rendered.js";
import {
  allowedHosts,
  hostAllowed,
  loadRules,
  mayLoad,
  type AllowedHosts,
  type LoadKind,
} from "../../src/output/allowed-hosts.js";
import { contentSecurityPolicy } from "../../src/output/headers.js";
import { cspAllows, parseCsp } from "../support/host-files.js";
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
    // Frames are the video player's, which opens the address on its button when a visitor presses Play.
    const frame = '<p><button type="button" data-video-src="https://media.example.org/v/1">Play</button></p>\n';
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

  it("answers exactly as the CSP written from it, for every kind, host list and address", () => {
    const origin = "https://www.nationalleadership.gov.uk";
    const host = fc.constantFrom(
      "www.nationalleadership.gov.uk",
      "player.vimeo.com",
      "vimeo.com",
      "a.example.org",
      "b.a.example.org",
      "example.org",
      "badexample.org",
      "tracker.example",
    );
    const hostList = fc.array(
      fc.constantFrom("player.vimeo.com", "*.example.org", "tracker.example", "www.nationalleadership.gov.uk"),
      { maxLength: 3 },
    );
    const kinds = Object.keys(loadRules) as LoadKind[];
    fc.assert(
      fc.property(
        fc.constantFrom(...kinds),
        fc.record(Object.fromEntries(kinds.map((kind) => [kind, hostList])) as Record<LoadKind, typeof hostList>),
        fc.constantFrom("https:", "http:"),
        host,
        fc.constantFrom("/", "/x.png", "/video/1?dnt=1"),
        (kind, hosts: AllowedHosts, scheme, name, path) => {
          const url = new URL(`${scheme}//${name}${path}`);
          const csp = parseCsp(contentSecurityPolicy("", hosts));
          const directive = loadRules[kind].directive === "script-src" ? "script-src-elem" : loadRules[kind].directive;
          expect(mayLoad(kind, url, origin, hosts), `${kind} ${url.href}`).toBe(
            cspAllows(csp, directive, url.href, origin),
          );
        },
      ),
      { numRuns: 500 },
    );
  });
});
