import { execFile } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { writeForeignBlob } from "../support/foreign-blob.js";
import { evaluate, type Rule, runsWith } from "./rules.js";

const run = promisify(execFile);
const ROOT = new URL("../../", import.meta.url);
/** What the bundle job builds and the bot jobs run: the bundle and its startup snapshot. */
const BUNDLE_FILES = ["dist/career-bot.mjs", "dist/career-bot.blob"] as const;
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

  it("builds the bundle and its startup snapshot once, on the bot jobs' image, and keeps both", () => {
    const bundle = resolved("bundle");
    expect(shellOf(bundle)).toContain("npm run bundle");
    expect(shellOf(bundle)).toContain("node --snapshot-blob dist/career-bot.blob -- --help");
    expect(bundle.artifacts).toMatchObject({ paths: [...BUNDLE_FILES] });
    const cache = (bundle.cache as Array<{ key: unknown; paths: string[] }>).find(
      (entry) => entry.key === "career-bot-bundle-$CI_COMMIT_SHA",
    );
    expect(cache?.paths).toEqual([...BUNDLE_FILES]);
    // A snapshot fits only the node that built it: same image for the build and the bot.
    expect(bundle.image).toBe(resolved("career-bot:event").image);
    expect(bundle.image).toBe(resolved("career-bot:sweep").image);
    const pkg = JSON.parse(readFileSync(new URL("package.json", ROOT), "utf8"));
    expect(pkg.scripts.bundle).toContain("scripts/bundle.mjs");
  });

  it("runs the bot from the snapshot on a plain node image, one run at a time, without npm ci", () => {
    const event = resolved("career-bot:event");
    const sweep = resolved("career-bot:sweep");
    for (const job of [event, sweep]) {
      expect(job.resource_group).toBe("career-bot");
      expect(job.image).toMatch(/^node:\d+(-[a-z]+)?$/);
      expect(shellOf(job)).not.toMatch(/npm (ci|install|i\b)|npx|yarn|pnpm/);
      expect(job.cache).toMatchObject({
        key: "career-bot-bundle-$CI_COMMIT_SHA",
        paths: [...BUNDLE_FILES],
        policy: "pull",
      });
      expect(shellOf(job)).toContain(`node scripts/fetch-bundle.mjs ${BUNDLE_FILES.join(" ")}`);
    }
    expect(event.script).toHaveLength(1);
    expect(event.script![0]).toMatch(/^node --snapshot-blob dist\/career-bot\.blob handle \|\| /);
    expect(sweep.script).toEqual([event.script![0]!.replaceAll("handle", "sweep")]);
    expect(existsSync(new URL("scripts/fetch-bundle.mjs", ROOT))).toBe(true);
  });

  describe("the bot job's command", () => {
    // A stand-in bundle and snapshot that print how they were started and exit with $EXIT_CODE.
    const work = mkdtempSync(join(tmpdir(), "career-bot-job-"));
    const report =
      "console.log(WHO + ' ' + process.argv.slice(ARGS).join(' '));\n" +
      "process.exitCode = Number(process.env.EXIT_CODE ?? 0);\n";
    beforeAll(async () => {
      mkdirSync(join(work, "dist"));
      writeFileSync(
        join(work, "dist/career-bot.mjs"),
        report.replace("WHO", "'bundle'").replace("ARGS", "2"),
      );
      const entry = join(work, "entry.cjs");
      writeFileSync(
        entry,
        `require("node:v8").startupSnapshot.setDeserializeMainFunction(() => {\n${report
          .replace("WHO", "'snapshot'")
          .replace("ARGS", "1")}});\n`,
      );
      await run(process.execPath, ["--snapshot-blob", "dist/career-bot.blob", "--build-snapshot", entry], {
        cwd: work,
      });
    }, 60_000);

    /** The job's script line in `sh -e`, as the runner runs it, with `node` first on PATH. */
    function job(extra: NodeJS.ProcessEnv, cwd = work) {
      const line = resolved("career-bot:event").script![0]!;
      const env = { PATH: `${dirname(process.execPath)}:${process.env.PATH}`, ...extra };
      return run("sh", ["-ec", line], { cwd, env }).then(
        ({ stdout }) => ({ code: 0, stdout }),
        (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
      );
    }

    it("starts from the snapshot and keeps the bot's exit code", async () => {
      expect(await job({})).toEqual({ code: 0, stdout: "snapshot handle\n" });
      expect(await job({ EXIT_CODE: "1" })).toEqual({ code: 1, stdout: "snapshot handle\n" });
      expect(await job({ EXIT_CODE: "2" })).toEqual({ code: 2, stdout: "snapshot handle\n" });
    });

    it("runs the bundle when node refuses the snapshot (exit 14), and only then", async () => {
      // A blob from another node version: node refuses it before running anything.
      const foreign = mkdtempSync(join(tmpdir(), "career-bot-job-"));
      mkdirSync(join(foreign, "dist"));
      copyFileSync(join(work, "dist/career-bot.mjs"), join(foreign, "dist/career-bot.mjs"));
      writeForeignBlob(join(work, "dist/career-bot.blob"), join(foreign, "dist/career-bot.blob"));
      expect(await job({}, foreign)).toEqual({ code: 0, stdout: "bundle handle\n" });
      expect(await job({ EXIT_CODE: "2" }, foreign)).toEqual({ code: 2, stdout: "bundle handle\n" });
      const noBlob = mkdtempSync(join(tmpdir(), "career-bot-job-"));
      mkdirSync(join(noBlob, "dist"));
      copyFileSync(join(work, "dist/career-bot.mjs"), join(noBlob, "dist/career-bot.mjs"));
      expect(await job({}, noBlob)).toEqual({ code: 0, stdout: "bundle handle\n" });
    });
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
