/*
 * Enough of GitLab's pipeline construction to test our CI files without a GitLab: a job with its
 * `extends` applied, which jobs a pipeline source runs (with ./rules.ts), and a CI/CD component
 * included with inputs (`spec:inputs`, `$[[ inputs.x ]]`).
 */
import { parseAllDocuments } from "yaml";
import { type Rule, runsWith } from "./rules.js";

export type Ci = Record<string, unknown>;
export type Job = Record<string, unknown> & {
  script?: string[];
  before_script?: string[];
  rules?: Array<Rule & { allow_failure?: boolean }>;
  stage?: string;
  extends?: string | string[];
};

/**
 * GitLab's global keywords (lib/gitlab/ci/config/entry/root.rb; `spec` heads a component); every
 * other top-level key is a job (hidden when it starts with "."). A "job" named `image` is the keyword.
 */
export const GLOBAL_KEYS = new Set([
  "default",
  "include",
  "stages",
  "variables",
  "workflow",
  "spec",
  "image",
  "services",
  "before_script",
  "after_script",
  "cache",
]);

/** The keywords GitLab accepts in a job (docs: CI/CD YAML syntax reference, "Job keywords"). */
export const JOB_KEYS = new Set([
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

/** The stages a pipeline has when its file declares none. */
export const DEFAULT_STAGES = [".pre", "build", "test", "deploy", ".post"];

export function definitions(ci: Ci): Array<[string, Job]> {
  return Object.entries(ci).filter(([key]) => !GLOBAL_KEYS.has(key)) as Array<[string, Job]>;
}

export function jobNames(ci: Ci): string[] {
  return definitions(ci)
    .map(([name]) => name)
    .filter((name) => !name.startsWith("."));
}

/** A job with its `extends` applied as GitLab does: hashes merged deeply, everything else replaced. */
export function resolved(ci: Ci, name: string): Job {
  const job = ci[name] as Job | undefined;
  if (!job) throw new Error(`no job ${name}`);
  const parents = job.extends === undefined ? [] : [job.extends].flat();
  let merged: Job = {};
  for (const parent of parents) merged = merge(merged, resolved(ci, parent));
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

/** The jobs a pipeline runs for these variables: the workflow's rules, then each job's. */
export function jobsFor(ci: Ci, vars: Record<string, string | undefined>): string[] {
  const workflow = (ci.workflow as { rules?: Rule[] } | undefined)?.rules;
  if (workflow && !runsWith(workflow, vars)) return [];
  return jobNames(ci).filter((name) => runsWith(resolved(ci, name).rules, vars));
}

/** The variables of a pipeline on branch `main`, the default branch, for a source. */
export function pipelineVars(source: string, extra: Record<string, string> = {}) {
  return {
    CI_PIPELINE_SOURCE: source,
    CI_COMMIT_BRANCH: source === "merge_request_event" || extra.CI_COMMIT_TAG ? undefined : "main",
    CI_DEFAULT_BRANCH: "main",
    ...extra,
  };
}

export const shellOf = (job: Job) => [...(job.before_script ?? []), ...(job.script ?? [])].join("\n");

interface InputSpec {
  default?: unknown;
  type?: "string" | "number" | "boolean" | "array";
  description?: string;
  options?: unknown[];
  regex?: string;
}

/**
 * A component's configuration with `inputs` given, as `include: component:` makes it: GitLab
 * refuses an input the spec does not declare, a missing one without a default, and a value of
 * another type; `$[[ inputs.x ]]` is replaced, keeping the input's type when it is the whole value.
 */
export function expandComponent(text: string, inputs: Record<string, unknown>): Ci {
  const [header, body, ...more] = parseAllDocuments(text);
  if (!header || !body || more.length > 0) throw new Error("a component is a spec document, ---, then jobs");
  const spec = (header.toJS() as { spec: { inputs: Record<string, InputSpec | null> } }).spec.inputs;
  for (const name of Object.keys(inputs)) if (!(name in spec)) throw new Error(`unknown input ${name}`);
  const values: Record<string, unknown> = {};
  for (const [name, declared] of Object.entries(spec)) {
    const value = name in inputs ? inputs[name] : declared?.default;
    if (value === undefined) throw new Error(`input ${name}: required value has not been provided`);
    const type = declared?.type ?? "string";
    const actual = Array.isArray(value) ? "array" : typeof value;
    if (actual !== type) throw new Error(`input ${name}: provided value is not a ${type}`);
    // GitLab matches a string input against `regex` unanchored, as RE2
    // (lib/gitlab/ci/config/interpolation/inputs/string_input.rb).
    if (declared?.regex !== undefined && !new RegExp(declared.regex).test(String(value)))
      throw new Error(`input ${name}: provided value does not match required RegEx pattern`);
    values[name] = value;
  }
  return interpolate(body.toJS(), values) as Ci;
}

/** GitLab interpolates parsed values, not text: a value that is one `$[[ ]]` keeps the input's type. */
function interpolate(node: unknown, values: Record<string, unknown>): unknown {
  const lookup = (name: string) => {
    if (!(name in values)) throw new Error(`unknown interpolation inputs.${name}`);
    return values[name];
  };
  if (typeof node === "string") {
    const whole = /^\$\[\[\s*inputs\.([\w-]+)\s*\]\]$/.exec(node);
    if (whole) return lookup(whole[1]!);
    return node.replace(/\$\[\[\s*inputs\.([\w-]+)\s*\]\]/g, (_match, name: string) => String(lookup(name)));
  }
  if (Array.isArray(node)) return node.map((item) => interpolate(item, values));
  if (node !== null && typeof node === "object")
    return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, interpolate(value, values)]));
  return node;
}
