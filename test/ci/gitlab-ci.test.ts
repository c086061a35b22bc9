import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import {
  type Ci,
  definitions,
  JOB_KEYS,
  type Job,
  jobNames,
  jobsFor,
  pipelineVars,
  resolved,
  shellOf,
} from "./pipeline.js";
import { evaluate, runsWith } from "./rules.js";

const ROOT = new URL("../../", import.meta.url);
const ci = parse(readFileSync(new URL(".gitlab-ci.yml", ROOT), "utf8")) as Ci;
const DOCKERFILE = readFileSync(new URL("Dockerfile", ROOT), "utf8");
const job = (name: string) => resolved(ci, name);
const vars = ci.variables as Record<string, string>;
/** A job's image with the pipeline's global variables expanded, as GitLab does for `image:`. */
const imageOf = (j: Job, extra: Record<string, string> = {}) =>
  String(j.image).replace(/\$(\w+)/g, (_m, name: string) => extra[name] ?? vars[name] ?? `$${name}`);

const CHECKS = ["typecheck", "lint", "test", "validate", "bundle", "package"];
const RELEASE = ["release-notes", "container-image", "assets", "npm-publish", "release"];
const PUBLISHING = ["container-image", "assets", "npm-publish", "release"];

describe(".gitlab-ci.yml (career-bot's own pipeline)", () => {
  it("uses only keywords GitLab accepts, stages it declares and parents that exist", () => {
    const stages = ci.stages as string[];
    for (const [name, definition] of definitions(ci)) {
      for (const key of Object.keys(definition)) expect(JOB_KEYS, `${name}: ${key}`).toContain(key);
      for (const parent of [definition.extends ?? []].flat())
        expect(ci, `${name} extends ${parent}`).toHaveProperty([parent]);
    }
    for (const name of jobNames(ci)) {
      expect(stages, name).toContain(job(name).stage);
      expect(job(name).script?.length, `${name} has a script`).toBeGreaterThan(0);
      for (const need of (job(name).needs as string[] | undefined) ?? [])
        expect(jobNames(ci), `${name} needs ${need}`).toContain(need);
    }
  });

  it("checks pushes and merge requests, releases tags, and runs no bot (that is the careers projects')", () => {
    expect(jobsFor(ci, pipelineVars("push")).sort()).toEqual([...CHECKS].sort());
    expect(jobsFor(ci, pipelineVars("merge_request_event")).sort()).toEqual([...CHECKS].sort());
    const tag = pipelineVars("push", { CI_COMMIT_TAG: "1.2.3", NPM_TOKEN: "set" });
    expect(jobsFor(ci, tag).sort()).toEqual([...CHECKS, ...RELEASE].sort());
    // Without an npm token, everything but the npm registry.
    expect(jobsFor(ci, pipelineVars("push", { CI_COMMIT_TAG: "1.2.3" }))).not.toContain("npm-publish");
    for (const source of ["trigger", "schedule", "web", "pipeline"])
      expect(jobsFor(ci, pipelineVars(source))).toEqual([]);
  });

  it("checks types, lint, tests with a JUnit report on Node 22 and Node 24, and the shipped templates", () => {
    expect(shellOf(job("typecheck"))).toContain("npm run typecheck");
    expect(shellOf(job("lint"))).toContain("npm run lint");
    const test = job("test");
    expect(shellOf(test)).toContain("npm test");
    expect(test.artifacts).toMatchObject({ when: "always", reports: { junit: "junit.xml" } });
    expect(test.parallel).toEqual({ matrix: [{ NODE_VERSION: ["22", "24"] }] });
    // package.json's engines names the oldest Node the tests run on.
    const engines = (
      JSON.parse(readFileSync(new URL("package.json", ROOT), "utf8")) as { engines: { node: string } }
    ).engines.node;
    expect(engines).toBe(">=22");
    expect(imageOf(test, { NODE_VERSION: "24" })).toBe("node:24");
    expect(shellOf(job("validate"))).toContain("career-bot validate");
    for (const name of ["typecheck", "lint", "validate", "package"])
      expect(imageOf(job(name)), name).toMatch(/^node:24\b/);
  });

  it("builds the bundle and snapshot on the release image's node, and the package with scripts/pack.mjs", () => {
    const bundle = job("bundle");
    expect(imageOf(bundle)).toBe("node:24-alpine");
    // The Dockerfile's default base is the same node, so the asset's snapshot fits the image.
    expect(/^ARG NODE_IMAGE=(\S+)$/m.exec(DOCKERFILE)?.[1]).toBe(imageOf(bundle));
    expect(shellOf(bundle)).toContain("npm run bundle");
    expect(shellOf(bundle)).toContain("sh scripts/image/career-bot.sh --help");
    expect(bundle.artifacts).toMatchObject({ paths: ["dist/career-bot.mjs", "dist/career-bot.blob"] });
    expect(shellOf(job("package"))).toContain("node scripts/pack.mjs --out pack");
    expect(job("package").artifacts).toMatchObject({ paths: ["pack/*.tgz"] });
  });

  it("releases a tag only after release-notes checked it, with the image, the assets and the package", () => {
    expect(shellOf(job("release-notes"))).toBe(
      'node scripts/release-notes.mjs "$CI_COMMIT_TAG" > release-notes.md',
    );
    expect(job("release-notes").before_script).toEqual([]);
    for (const name of PUBLISHING) expect(job(name).needs, name).toContain("release-notes");
    const image = shellOf(job("container-image"));
    expect(image).toContain('--tag "$CI_REGISTRY_IMAGE:$CI_COMMIT_TAG" .');
    expect(image).toContain(
      "--build-arg NODE_IMAGE --build-arg CAREER_BOT_COMPONENT --build-arg CAREER_BOT_IMAGE",
    );
    expect(image.indexOf("career-bot validate")).toBeLessThan(image.indexOf("docker push"));
    expect(shellOf(job("assets"))).toContain("/packages/generic/career-bot/$CI_COMMIT_TAG/$file");
    expect(job("assets").needs).toContain("bundle");
    expect(shellOf(job("npm-publish"))).toContain("npm publish pack/career-bot-cli-$CI_COMMIT_TAG.tgz");
    expect(job("release").release).toMatchObject({
      tag_name: "$CI_COMMIT_TAG",
      description: "release-notes.md",
    });
    expect(job("release").needs).toEqual(expect.arrayContaining(["container-image", "assets"]));
    expect(vars.CAREER_BOT_COMPONENT).toBe("$CI_SERVER_FQDN/$CI_PROJECT_PATH/career-bot");
    expect(vars.CAREER_BOT_IMAGE).toBe("$CI_REGISTRY_IMAGE");
  });

  it("publishes nothing (image, packages, npm, release) before the tests, typecheck, lint and validate passed", () => {
    // `needs` starts a job as soon as what it names is done, whatever the stages: each publishing
    // job must name every check itself.
    for (const name of PUBLISHING)
      expect(job(name).needs, name).toEqual(
        expect.arrayContaining(["typecheck", "lint", "test", "validate"]),
      );
  });

  it("leaves nothing of the old in-repository bot behind", () => {
    expect(existsSync(new URL("scripts/fetch-bundle.mjs", ROOT))).toBe(false);
    for (const name of jobNames(ci)) expect(name).not.toMatch(/^career-bot:/);
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
