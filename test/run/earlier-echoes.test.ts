import { describe, expect, it } from "vitest";
import { PACING_WINDOW_MS } from "../../src/engine/pacer.js";
import { GitLabError, type RecentPipeline, type RecentPipelineQuery } from "../../src/gitlab/port.js";
import { earlierEchoes, type RunClock } from "../../src/run/trigger-mode.js";

/*
 * GitLab's pipeline times placed on the pacer's monotonic clock through the wall clock, which runs
 * on another scale (and may be set wrong: skew).
 */

const WALL = Date.parse("2026-03-02T10:00:00.000Z");
const MONO = 5_000;

function world(pipelines: RecentPipeline[] | GitLabError) {
  const queries: RecentPipelineQuery[] = [];
  const lines: string[] = [];
  const clock: RunClock = { now: () => MONO, sleep: async () => {}, wallMs: () => WALL };
  const options = {
    clock,
    project: "org/careers" as string | undefined,
    bot: { username: "career-bot" },
    reporter: { info: (line: string) => lines.push(line) },
    port: {
      listRecentPipelines: async (_project: unknown, query: RecentPipelineQuery) => {
        queries.push(query);
        if (pipelines instanceof GitLabError) throw pipelines;
        return pipelines;
      },
    },
  };
  return { options, queries, lines };
}

const at = (ms: number) => new Date(WALL + ms).toISOString();

describe("earlierEchoes", () => {
  it("asks for the bot's pipelines of the last window by the wall clock and places them on the pacer's", async () => {
    const { options, queries, lines } = world([
      { id: 3, createdAt: at(5_000), source: "trigger" },
      { id: 2, createdAt: at(-10_000), source: "trigger" },
      { id: 1, createdAt: at(-PACING_WINDOW_MS), source: "schedule" },
    ]);
    // From the future (GitLab's clock ahead of this machine's): made now. At the window's edge: gone.
    expect(await earlierEchoes(options, 20)).toEqual([MONO, MONO - 10_000]);
    expect(queries).toEqual([{ username: "career-bot", createdAfter: at(-PACING_WINDOW_MS) }]);
    expect(lines).toEqual([]);
  });

  it("says once why it starts from an empty window, and never rejects", async () => {
    for (const [failure, says] of [
      [new GitLabError("forbidden", "GitLab refused the request (403): 403 Forbidden", 403), "Reporter role"],
      [new GitLabError("server", "GitLab answered 500", 500), "GitLab answered 500"],
    ] as const) {
      const { options, lines } = world(failure);
      expect(await earlierEchoes(options, 20)).toBeNull();
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(says);
      expect(lines[0]).toContain("more than 20 pipelines in a minute");
    }
    const { options, queries, lines } = world([]);
    options.project = undefined;
    expect(await earlierEchoes(options, 20)).toBeNull();
    expect(queries).toEqual([]);
    expect(lines).toHaveLength(1);
  });
});
