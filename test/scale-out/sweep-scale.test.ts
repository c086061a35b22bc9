import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { inShard } from "../../src/run/sweep.js";
import { CliHarness } from "../support/cli-harness.js";

const TEMPLATE = readFileSync(
  new URL("../../.gitlab/issue_templates/Interim manager.md", import.meta.url),
  "utf8",
);
const PROJECTS = ["people/emea", "people/amer"];
const OUTSIDE = "elsewhere/careers";

let gitlab: CliHarness;
beforeEach(async () => {
  gitlab = await new CliHarness({ projects: [...PROJECTS, OUTSIDE] }).start();
  for (const project of [...PROJECTS, OUTSIDE]) gitlab.state.addLabel(project, "career::interim-manager");
});
afterEach(() => gitlab.stop());

/** Opens `count` interim issues in each project; returns their refs (`projectId#iid`). */
function open(projects: string[], count: number): string[] {
  const refs: string[] = [];
  for (const project of projects) {
    for (let i = 0; i < count; i += 1) {
      const { issue } = gitlab.state
        .as("alice")
        .openIssue({ project, title: `Interim manager ${i}`, description: TEMPLATE });
      refs.push(`${issue.projectId}#${issue.iid}`);
    }
  }
  return refs.sort();
}

async function sweepRefs(args: string[], env: NodeJS.ProcessEnv = {}): Promise<string[]> {
  const run = await gitlab.cli(["sweep", "--dry-run", "--json", "--now", gitlab.state.now, ...args], {
    CAREER_BOT_PROJECT: "people/emea",
    ...env,
  });
  expect(run.code, run.stderr).toBe(0);
  const summary = JSON.parse(run.stdout) as { issuesSeen: number; issues: Array<{ ref: string }> };
  const refs = summary.issues.map((issue) => issue.ref).filter((ref) => ref.includes("#"));
  expect(refs).toHaveLength(summary.issuesSeen);
  return refs.sort();
}

describe("sweep across a group and in shards", () => {
  it("--group PATH sweeps every project of the group and nothing outside it", async () => {
    const inGroup = open(PROJECTS, 2);
    const outside = open([OUTSIDE], 1);
    const run = await gitlab.cli(["sweep", "--group", "people", "--now", gitlab.state.now], {
      CAREER_BOT_PROJECT: "people/emea",
    });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/sweep: 4 issue\(s\) seen/);
    for (const ref of inGroup) {
      const [projectId, iid] = ref.split("#").map(Number);
      expect(gitlab.state.findIssue(projectId!, iid!)!.labels).toContain("career-stage::eligibility");
    }
    const [projectId, iid] = outside[0]!.split("#").map(Number);
    expect(gitlab.state.findIssue(projectId!, iid!)!.labels).not.toContain("career-stage::eligibility");
  });

  it("--group naming no group the token sees is a usage error about groups (exit 2)", async () => {
    const run = await gitlab.cli(["sweep", "--group", "peopel", "--json", "--now", gitlab.state.now]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--group "peopel": GitLab shows the token no such group (404)');
    expect(run.stderr).not.toMatch(/project path|issue iid/);
    expect(JSON.parse(run.stdout).error.code).toBe("EGROUP");
  });

  it("CI_NODE_INDEX/CI_NODE_TOTAL shards are disjoint and together cover every issue", async () => {
    const all = open(PROJECTS, 12);
    expect(await sweepRefs(["--group", "people"])).toEqual(all);
    const shards: string[][] = [];
    for (const index of [1, 2, 3]) {
      shards.push(
        await sweepRefs(["--group", "people"], { CI_NODE_INDEX: String(index), CI_NODE_TOTAL: "3" }),
      );
    }
    expect(shards.every((shard) => shard.length > 0)).toBe(true);
    expect(shards.flat().sort()).toEqual(all);
    expect(new Set(shards.flat()).size).toBe(all.length);
  });

  it("puts every issue in exactly one shard, for any number of shards", () => {
    for (let total = 1; total <= 9; total += 1) {
      const counts = new Array<number>(total).fill(0);
      for (let projectId = 100; projectId < 110; projectId += 1) {
        for (let iid = 1; iid <= 300; iid += 1) {
          const owners = [];
          for (let index = 1; index <= total; index += 1) {
            if (inShard({ projectId, iid }, { index, total })) owners.push(index);
          }
          expect(owners).toHaveLength(1);
          counts[owners[0]! - 1]! += 1;
        }
      }
      // Roughly even: no shard gets less than half its fair share.
      for (const count of counts) expect(count).toBeGreaterThan(3000 / total / 2);
    }
  });

  it("refuses a CI_NODE_INDEX outside 1..CI_NODE_TOTAL", async () => {
    const run = await gitlab.cli(["sweep", "--now", gitlab.state.now], {
      CI_NODE_INDEX: "4",
      CI_NODE_TOTAL: "3",
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("CI_NODE_INDEX 4 is outside 1..3");
  });
});
