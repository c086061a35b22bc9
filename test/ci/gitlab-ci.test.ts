import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { evaluate, type Rule, runsWith } from "./rules.js";

const ROOT = new URL("../../", import.meta.url);
const ci = parse(readFileSync(new URL(".gitlab-ci.yml", ROOT), "utf8")) as Record<string, unknown>;

/** GitLab's global keywords; every other top-level key is a job (hidden when it starts with "."). */
const GLOBAL_KEYS = new Set(["default", "include", "stages", "variables", "workflow", "spec"]);
/** The keywords GitLab accepts in a job (docs: CI/CD YAML syntax reference, "Job keywords"). */
const JOB_KEYS = new Set([
  "after_script",
  "allow_failure",
  "artifacts",
  "before_script",
  "cache",
  "coverage",
  "dast_configuration",
  "dependencies",
  "environment",
  "extends",
  "hooks",
  "identity",
  "id_tokens",
  "image",
  "inherit",
  "interruptible",
  "manual_confirmation",
  "needs",
  "pages",
  "parallel",
  "release",
  "resource_group",
  "retry",
  "rules",
  "run",
  "script",
  "secrets",
  "services",
  "stage",
  "tags",
  "timeout",
  "trigger",
  "variables",
  "when",
]);

type Job = Record<string, unknown> & {
  script?: string[];
  before_script?: string[];
  rules?: Rule[];
  stage?: string;
  extends?: string | string[];
};

const definitions = Object.entries(ci).filter(([key]) => !GLOBAL_KEYS.has(key)) as Array<[string, Job]>;
const jobs = definitions.filter(([name]) => !name.startsWith("."));

/** A job with its `extends` applied as GitLab does: hashes merged deeply, everything else replaced. */
function resolved(name: string): Job {
  const job = ci[name] as Job;
  const parents = job.extends === undefined ? [] : [job.extends].flat();
  let merged: Job = {};
  for (const parent of parents) merged = merge(merged, resolved(parent));
  const { extends: _, ...own } = job;
  return merge(merged, own);
}

function merge(base: Job, over: Job): Job {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const current = out[key];
    const bothHashes = [current, value].every(
      (v) => v !== null && typeof v === "object" && !Array.isArray(v),
    );
    out[key] = bothHashes ? merge(current as Job, value as Job) : value;
  }
  return out as Job;
}

function jobsFor(source: string): string[] {
  const vars = {
    CI_PIPELINE_SOURCE: source,
    CI_COMMIT_BRANCH: source === "merge_request_event" ? undefined : "main",
    CI_DEFAULT_BRANCH: "main",
  };
  const workflow = (ci.workflow as { rules: Rule[] }).rules;
  if (!runsWith(workflow, vars)) return [];
  return jobs.filter(([name]) => runsWith(resolved(name).rules, vars)).map(([name]) => name);
}

const shellOf = (job: Job) => [...(job.before_script ?? []), ...(job.script ?? [])].join("\n");

describe(".gitlab-ci.yml", () => {
  it("uses only keywords GitLab accepts, stages it declares and parents that exist", () => {
    const stages = ci.stages as string[];
    for (const [name, job] of definitions) {
      for (const key of Object.keys(job)) expect(JOB_KEYS, `${name}: ${key}`).toContain(key);
      for (const parent of [job.extends ?? []].flat())
        expect(ci, `${name} extends ${parent}`).toHaveProperty([parent]);
    }
    for (const [name] of jobs) {
      const job = resolved(name);
      expect(stages, name).toContain(job.stage);
      expect(job.script?.length, `${name} has a script`).toBeGreaterThan(0);
    }
  });

  it("runs the project's checks on pushes and merge requests, and the bot on triggers and schedules", () => {
    const checks = ["typecheck", "lint", "test", "validate", "bundle"];
    expect(jobsFor("push").sort()).toEqual([...checks].sort());
    expect(jobsFor("merge_request_event").sort()).toEqual([...checks].sort());
    expect(jobsFor("trigger")).toEqual(["career-bot:event"]);
    expect(jobsFor("schedule")).toEqual(["career-bot:sweep"]);
    expect(jobsFor("web")).toEqual(["career-bot:sweep"]);
    expect(jobsFor("pipeline")).toEqual([]);
  });

  it("checks types, lint, tests with a JUnit report, and the bot's own definitions", () => {
    expect(shellOf(resolved("typecheck"))).toContain("npm run typecheck");
    expect(shellOf(resolved("lint"))).toContain("npm run lint");
    const test = resolved("test");
    expect(shellOf(test)).toContain("npm test");
    expect(test.artifacts).toMatchObject({ when: "always", reports: { junit: "junit.xml" } });
    expect(shellOf(resolved("validate"))).toContain("career-bot validate");
  });

  it("builds the bundle once and keeps it as an artifact and in the cache", () => {
    const bundle = resolved("bundle");
    expect(shellOf(bundle)).toContain("npm run bundle");
    expect(bundle.artifacts).toMatchObject({ paths: ["dist/career-bot.mjs"] });
    expect(JSON.stringify(bundle.cache)).toContain("career-bot-bundle-$CI_COMMIT_SHA");
    const pkg = JSON.parse(readFileSync(new URL("package.json", ROOT), "utf8"));
    expect(pkg.scripts.bundle).toContain("scripts/bundle.mjs");
  });

  it("runs the bot from the bundle on a plain node image, one run at a time, without npm ci", () => {
    const event = resolved("career-bot:event");
    const sweep = resolved("career-bot:sweep");
    for (const job of [event, sweep]) {
      expect(job.resource_group).toBe("career-bot");
      expect(job.image).toMatch(/^node:\d+(-[a-z]+)?$/);
      expect(shellOf(job)).not.toMatch(/npm (ci|install|i\b)|npx|yarn|pnpm/);
      expect(job.cache).toMatchObject({ key: "career-bot-bundle-$CI_COMMIT_SHA", policy: "pull" });
      expect(shellOf(job)).toContain("node scripts/fetch-bundle.mjs");
    }
    expect(event.script).toEqual(["node dist/career-bot.mjs handle"]);
    expect(sweep.script).toEqual(["node dist/career-bot.mjs sweep"]);
    expect(existsSync(new URL("scripts/fetch-bundle.mjs", ROOT))).toBe(true);
  });
});

describe("the rules evaluator used above", () => {
  it("reads GitLab's expressions", () => {
    const vars = { CI_PIPELINE_SOURCE: "push", A: "x", B: "x" };
    expect(evaluate('$CI_PIPELINE_SOURCE == "push"', vars)).toBe(true);
    expect(evaluate('$CI_PIPELINE_SOURCE != "push"', vars)).toBe(false);
    expect(evaluate("$CI_PIPELINE_SOURCE =~ /^(push|web)$/", vars)).toBe(true);
    expect(evaluate('$MISSING || ($A == $B && $A == "x")', vars)).toBe(true);
    expect(evaluate("$MISSING", vars)).toBe(false);
    expect(runsWith([{ if: "$A", when: "never" }, { if: "$B" }], vars)).toBe(false);
    expect(runsWith([{ if: "$MISSING" }], vars)).toBe(false);
  });
});
