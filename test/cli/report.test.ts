import { beforeEach, describe, expect, it, vi } from "vitest";
import { FakeGitLab } from "../../src/gitlab/fake/index.js";
import { cli, freshState, handleText, memory, writesSoFar } from "../support/cli-memory.js";
import { BOT, interimDescription, PROJECT } from "../support/world.js";

vi.mock("../../src/commands/connect.js", () => ({
  connect: () => new FakeGitLab(memory.state, { username: BOT }),
}));

/** `career-bot report`: the dashboard's content from the issues the bot keeps, written nowhere. */
describe("career-bot report", () => {
  let iid = 0;
  beforeEach(async () => {
    memory.state = freshState();
    const opened = memory.state
      .as("alice")
      .openIssue({ title: "Interim manager: alice", description: interimDescription({}) });
    iid = opened.issue.iid;
    expect((await handleText(JSON.stringify(opened.payload))).code).toBe(0);
  });

  it("prints the dashboard's Markdown, read from the state the bot wrote into its section", async () => {
    const before = writesSoFar(memory.state);
    const run = await cli(["report"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("- [ ] Re-check every workflow now");
    expect(run.stdout).toContain("### Interim manager (1)");
    expect(run.stdout).toMatch(
      new RegExp(`\\| \\[#${iid}\\]\\([^)]+\\) \\| alice \\| Eligibility \\| 2026-01-05 \\|.*\\| bob \\|`),
    );
    expect(run.stdout).toContain("```mermaid\ngantt");
    expect(writesSoFar(memory.state)).toBe(before);
  });

  it("prints one CSV row per workflow issue", async () => {
    const run = await cli(["report", "--format", "csv"]);
    expect(run.code).toBe(0);
    const records = run.stdout.split("\r\n");
    expect(records[0]).toMatch(/^project_id,iid,url,workflow,/);
    expect(records.filter((r) => r !== "")).toHaveLength(2);
    expect(records[1]).toContain(`,${iid},`);
    expect(records[1]).toContain(",interim-manager,opened,");
  });

  it("prints the same content as JSON, with --format json or --json", async () => {
    const run = await cli(["report", "--format", "json"]);
    const json = JSON.parse(run.stdout);
    expect(json.workflows).toHaveLength(1);
    expect(json.workflows[0]).toMatchObject({
      workflow: "interim-manager",
      stage: "eligibility",
      member: "alice",
    });
    expect(JSON.parse((await cli(["report", "--json"])).stdout)).toEqual(json);
  });

  it("covers a group with --group", async () => {
    const run = await cli(["report", "--group", PROJECT.split("/")[0]!]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("### Interim manager (1)");
  });

  it("refuses an unknown format (exit 2)", async () => {
    expect((await cli(["report", "--format", "xlsx"])).code).toBe(2);
  });
});
