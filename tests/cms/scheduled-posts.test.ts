// A post dated in the future is left out of the published site until its day, with a notice in the
// check saying when it will appear. "Today" comes from NLC_NOW here, so the test never depends on the clock.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scheduledFor } from "../../src/content/scheduled.js";
import { readSettings } from "../../src/core/settings.js";
import { fixtureProject, page, type FixtureProject } from "../support/fixture-project.js";
import { runCli } from "./cms-site.js";

let project: FixtureProject;

beforeAll(() => {
  project = fixtureProject();
  project.write(
    "content/news/posts/annual-forum-2030.md",
    page(
      "title: Annual forum 2030\nmetadesc: The programme for the annual forum of public service leaders in 2030, with speakers and sessions.\ndate: 2030-03-02",
    ),
  );
});

afterAll(() => project?.remove());

describe("scheduled posts", () => {
  it("knows today from NLC_NOW, and refuses a malformed one", () => {
    expect(readSettings({ NLC_NOW: "2030-03-01" }).settings.today).toBe("2030-03-01");
    expect(readSettings({ NLC_NOW: "next week" }).problems).toEqual([expect.stringMatching(/^NLC_NOW must be/)]);
    expect(scheduledFor({ date: new Date("2030-03-02") }, "2030-03-01")).toBe("2030-03-02");
    expect(scheduledFor({ date: new Date("2030-03-02") }, "2030-03-02")).toBeUndefined();
    expect(scheduledFor({}, "2030-03-01")).toBeUndefined();
  });

  it("leaves a post out before its date, and the check says when it will appear", async () => {
    const check = await runCli(project.root, "src/cli/check.ts", { NLC_NOW: "2030-03-01" });
    expect(check.output).toMatch(
      /content\/news\/posts\/annual-forum-2030\.md:\d+:1: warning: this post is dated 2 March 2030, so it will be published on that day/,
    );
    expect(check.code, check.output).toBe(0);
    const built = await runCli(project.root, "src/cli/build.ts", { NLC_NOW: "2030-03-01", NLC_OUTPUT: ".out-before" });
    expect(built.code, built.output).toBe(0);
    expect(readFileSync(join(project.root, ".out-before/news/index.html"), "utf8")).not.toContain("Annual forum 2030");
    expect(readFileSync(join(project.root, ".out-before/feed.xml"), "utf8")).not.toContain("Annual forum 2030");
  }, 180_000);

  it("publishes it on its date", async () => {
    const built = await runCli(project.root, "src/cli/build.ts", {
      NLC_NOW: "2030-03-02",
      NLC_OUTPUT: ".out-on-the-day",
    });
    expect(built.code, built.output).toBe(0);
    expect(readFileSync(join(project.root, ".out-on-the-day/news/index.html"), "utf8")).toContain("Annual forum 2030");
    expect(readFileSync(join(project.root, ".out-on-the-day/feed.xml"), "utf8")).toContain("Annual forum 2030");
  }, 180_000);
});
