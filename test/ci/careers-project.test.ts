import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import {
  type Ci,
  DEFAULT_STAGES,
  definitions,
  expandComponent,
  JOB_KEYS,
  jobsFor,
  pipelineVars,
  resolved,
  shellOf,
} from "./pipeline.js";

const run = promisify(execFile);
const ROOT = new URL("../../", import.meta.url).pathname;
const COMPONENT = readFileSync(join(ROOT, "templates/career-bot.yml"), "utf8");
const VERSION = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version;
// Where a release of career-bot lives; the release jobs give the bundle these (scripts/bundle.mjs).
const HOME = {
  CAREER_BOT_COMPONENT: "gitlab.example.com/tools/career-bot/career-bot",
  CAREER_BOT_IMAGE: "registry.example.com/tools/career-bot",
};

const work = mkdtempSync(join(tmpdir(), "career-bot-careers-"));
const bundle = join(work, "career-bot.mjs");
const project = join(work, "careers");

/** The bundle as a release builds it, run in the careers project with nothing else around. */
function careerBot(args: string[]) {
  return run(process.execPath, [bundle, ...args], { cwd: project, env: { PATH: process.env.PATH } }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
}

/** The careers project's pipeline: its .gitlab-ci.yml with the component included as GitLab does. */
function pipelineOf(ci: Ci): Ci {
  const { include, ...own } = ci as {
    include: Array<{ component: string; inputs?: Record<string, unknown> }>;
  };
  expect(include).toHaveLength(1);
  const [entry] = include;
  const match = /^(.+)\/career-bot@(\d+\.\d+\.\d+)$/.exec(entry!.component);
  expect(match, entry!.component).not.toBeNull();
  return { ...own, ...expandComponent(COMPONENT, entry!.inputs ?? {}) };
}

beforeAll(async () => {
  await run(process.execPath, [join(ROOT, "scripts/bundle.mjs"), "--outfile", bundle, "--no-snapshot"], {
    cwd: ROOT,
    env: { ...process.env, ...HOME },
  });
  await run("mkdir", ["-p", project]);
  await careerBot(["init"]);
}, 120_000);

describe("a careers project made by `career-bot init` alone", () => {
  it("holds the config, the issue templates and a .gitlab-ci.yml, and nothing of career-bot's source", () => {
    const files = readdirSync(project, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name).slice(project.length + 1))
      .sort();
    expect(files).toEqual([
      ".gitlab-ci.yml",
      ".gitlab/career-bot.yml",
      ".gitlab/career-ladders.yml",
      ...readdirSync(join(ROOT, ".gitlab/issue_templates"))
        .map((name) => `.gitlab/issue_templates/${name}`)
        .sort(),
    ]);
  });

  it("passes `career-bot validate`", async () => {
    const result = await careerBot(["validate"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("8 issue template(s) in .gitlab/issue_templates: ok");
  });

  it("includes the component of the release that built the bundle, at its version", () => {
    const ci = parse(readFileSync(join(project, ".gitlab-ci.yml"), "utf8")) as Ci;
    expect(ci.include).toEqual([
      {
        component: `${HOME.CAREER_BOT_COMPONENT}@${VERSION}`,
        inputs: { image: HOME.CAREER_BOT_IMAGE },
      },
    ]);
  });

  it("resolves to the event job on triggers, the sweep on schedules, validate on pushes and merge requests, and a manual setup", () => {
    const ci = pipelineOf(parse(readFileSync(join(project, ".gitlab-ci.yml"), "utf8")) as Ci);
    const jobs = (source: string, extra: Record<string, string> = {}) =>
      jobsFor(ci, pipelineVars(source, extra)).sort();
    expect(jobs("trigger")).toEqual(["career-bot:event"]);
    expect(jobs("schedule")).toEqual(["career-bot:sweep"]);
    expect(jobs("push")).toEqual(["career-bot:dry-run", "career-bot:setup", "career-bot:validate"]);
    expect(jobs("web")).toEqual(["career-bot:setup", "career-bot:sweep"]);
    expect(jobs("merge_request_event")).toEqual(["career-bot:validate"]);
    // A push to a branch with an open merge request leaves the check to the merge request's pipeline.
    expect(jobs("push", { CI_OPEN_MERGE_REQUESTS: "people/careers!3" })).toEqual([
      "career-bot:dry-run",
      "career-bot:setup",
    ]);
    // Off the default branch neither the sweep nor setup: the protected token is not there.
    expect(jobsFor(ci, { ...pipelineVars("web"), CI_COMMIT_BRANCH: "feature" })).toEqual([]);
    expect(jobsFor(ci, { ...pipelineVars("push"), CI_COMMIT_BRANCH: "feature" })).toEqual([
      "career-bot:validate",
    ]);

    expect(shellOf(resolved(ci, "career-bot:event")).trim()).toBe("career-bot handle");
    expect(shellOf(resolved(ci, "career-bot:sweep")).trim()).toBe("career-bot sweep");
    expect(shellOf(resolved(ci, "career-bot:validate")).trim()).toBe("career-bot validate");
    expect(shellOf(resolved(ci, "career-bot:setup")).trim()).toBe("career-bot setup");
    const setup = resolved(ci, "career-bot:setup");
    expect(setup.rules).toEqual([expect.objectContaining({ when: "manual", allow_failure: true })]);
    // What the bot would do, on demand: a manual sweep that writes nothing.
    const dryRun = resolved(ci, "career-bot:dry-run");
    expect(shellOf(dryRun).trim()).toBe("career-bot sweep --dry-run");
    expect(dryRun.rules).toEqual([expect.objectContaining({ when: "manual", allow_failure: true })]);
  });

  it("runs every job from the release's image, pinned by the include, one bot run at a time, no npm", () => {
    const ci = pipelineOf(parse(readFileSync(join(project, ".gitlab-ci.yml"), "utf8")) as Ci);
    for (const [name, job] of definitions(ci)) {
      for (const key of Object.keys(job)) expect(JOB_KEYS, `${name}: ${key}`).toContain(key);
      if (name.startsWith(".")) continue;
      const full = resolved(ci, name);
      expect(full.image, name).toBe(`${HOME.CAREER_BOT_IMAGE}:${VERSION}`);
      expect(DEFAULT_STAGES, name).toContain(full.stage);
      expect(shellOf(full), name).not.toMatch(/npm|npx|yarn|pnpm|git clone/);
    }
    expect(resolved(ci, "career-bot:event").resource_group).toBe("career-bot");
    expect(resolved(ci, "career-bot:sweep").resource_group).toBe("career-bot");
    expect(resolved(ci, "career-bot:sweep").parallel).toBe(1);
  });
});

describe("the component (templates/career-bot.yml)", () => {
  it("takes the stage, the sweep's shards and options, and another version", () => {
    const ci = expandComponent(COMPONENT, {
      image: "registry.example.com/tools/career-bot",
      version: "1.2.3",
      stage: "bot",
      sweep_parallel: 4,
      sweep_options: "--group people",
    });
    const sweep = resolved(ci, "career-bot:sweep");
    expect(sweep).toMatchObject({
      stage: "bot",
      parallel: 4,
      image: "registry.example.com/tools/career-bot:1.2.3",
    });
    expect(shellOf(sweep)).toBe("career-bot sweep --group people");
  });

  it("refuses an image input with a tag or digest when the pipeline is made, and takes a registry port", () => {
    for (const image of [
      "registry.example.com/tools/career-bot:1.2.3",
      "registry.example.com/tools/career-bot@sha256:0123abcd",
      "registry.example.com:5000/tools/career-bot:0.1.0",
      "career-bot:1.2.3",
      "registry.example.com/tools/career-bot ",
    ])
      expect(() => expandComponent(COMPONENT, { image }), image).toThrow("does not match required RegEx");
    // init's guess before a release says where the image is: a variable GitLab expands after the check.
    for (const image of [
      "registry.example.com/tools/career-bot",
      "registry.example.com:5000/tools/career-bot",
      "$CI_REGISTRY/tools/career-bot",
    ])
      expect(resolved(expandComponent(COMPONENT, { image }), "career-bot:sweep").image).toBe(
        `${image}:${VERSION}`,
      );
  });

  it("retries the event job on exit 1 (some work failed) only, never on 2 (usage or config)", () => {
    const event = resolved(expandComponent(COMPONENT, { image: "x" }), "career-bot:event");
    // With exit_codes and no `when`, GitLab retries on those codes alone (auto_retry.rb).
    expect(event.retry).toEqual({ max: 2, exit_codes: [1] });
  });

  it("needs the image, and defaults its version to the release's own, package.json's", () => {
    expect(() => expandComponent(COMPONENT, {})).toThrow("input image: required value has not been provided");
    expect(() => expandComponent(COMPONENT, { image: "x", sweep_parallel: "4" })).toThrow("not a number");
    expect(() => expandComponent(COMPONENT, { image: "x", parallel: 4 })).toThrow("unknown input parallel");
    expect(resolved(expandComponent(COMPONENT, { image: "x" }), "career-bot:event").image).toBe(
      `x:${VERSION}`,
    );
  });

  it("is the one component GitLab finds in templates/, beside the Handlebars messages", () => {
    // GitLab's rule (docs "CI/CD components", directory structure): templates/<name>.yml, or
    // templates/<name>/template.yml for a component with files of its own.
    const dir = join(ROOT, "templates");
    const components = readdirSync(dir).filter((name) =>
      statSync(join(dir, name)).isDirectory()
        ? readdirSync(join(dir, name)).includes("template.yml")
        : name.endsWith(".yml"),
    );
    expect(components).toEqual(["career-bot.yml"]);
  });
});
