/*
 * GitLab's own JSON schema of CI configuration (gitlab-org/gitlab,
 * app/assets/javascripts/editor/schema/ci.json: what GitLab's pipeline editor checks files with),
 * and the global keywords GitLab reserves, which no job may be named.
 *
 * The schema comes from the devDependency gitlab-ci-local (MIT), a maintained reader of GitLab CI
 * files that fetches GitLab's ci.json and bundles it; its dist/index.js holds it as the object
 * `var X = {$schema: ..., $id: "https://gitlab.com/.gitlab-ci.yml", ...}`, followed by the few
 * patterns gitlab-ci-local relaxes for itself (`delete X.definitions...`). We take the object before
 * those edits, so what we check against is GitLab's schema as GitLab ships it.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import vm from "node:vm";
import { Ajv, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";

/**
 * Root keys GitLab treats as configuration, never as a job: the entries marked `reserved: true` in
 * lib/gitlab/ci/config/entry/root.rb (include, before_script, image, services, after_script,
 * variables, stages, cache) and its other ALLOWED_KEYS (default, workflow). A job under one of these
 * names is read as that keyword, and the pipeline is refused.
 */
export const RESERVED_KEYWORDS = [
  "default",
  "include",
  "before_script",
  "image",
  "services",
  "after_script",
  "variables",
  "stages",
  "cache",
  "workflow",
] as const;

const SCHEMA_START =
  /var ([\w$]+)=(\{\$schema:"http:\/\/json-schema\.org\/draft-07\/schema#",\$id:"https:\/\/gitlab\.com\/\.gitlab-ci\.yml")/;

/** GitLab's ci.json, as the object gitlab-ci-local bundles. */
export function gitlabCiSchema(): Record<string, unknown> {
  const require = createRequire(import.meta.url);
  const file = require.resolve("gitlab-ci-local/dist/index.js");
  const bundle = readFileSync(file, "utf8");
  const start = SCHEMA_START.exec(bundle);
  if (!start)
    throw new Error(
      `GitLab's CI schema is no longer where test/ci/gitlab-ci-schema.ts looks for it in ${file}: update the pattern after upgrading gitlab-ci-local`,
    );
  const [whole, name, head] = start as unknown as [string, string, string];
  const from = start.index + whole.length - head.length;
  const to = bundle.indexOf(`;delete ${name}.definitions`, from);
  if (to < 0) throw new Error(`the end of GitLab's CI schema was not found in ${file}`);
  // The bundle is JavaScript, not JSON (esbuild writes `!1` for false); evaluate only the literal.
  return vm.runInNewContext(`(${bundle.slice(from, to)})`) as Record<string, unknown>;
}

let compiled: ValidateFunction | undefined;

/** Problems GitLab's schema finds in a parsed CI file, one line each; empty when it is valid. */
export function schemaProblems(config: unknown): string[] {
  if (!compiled) {
    // `markdownDescription` and the like are the editor's keywords, unknown to ajv: not strict.
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats.default(ajv);
    compiled = ajv.compile(gitlabCiSchema());
  }
  if (compiled(config)) return [];
  return (compiled.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message} (${e.schemaPath})`);
}
