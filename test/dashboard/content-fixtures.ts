import { type Config, defaultConfig } from "../../src/config/schema.js";
import type { DashboardInput } from "../../src/dashboard/input.js";
import type { Action } from "../../src/engine/actions.js";
import { type DashboardState, stateMarker } from "../../src/engine/dashboard-state.js";
import { decide } from "../../src/engine/decide.js";
import { SECTION_BEGIN, SECTION_END } from "../../src/engine/markers.js";
import type { Issue } from "../../src/gitlab/port.js";
import { workflows } from "../../src/workflows/index.js";
import type { WorkflowDefinition } from "../../src/workflows/types.js";
import { bot, interimBlock, issue, people, snapshot, yamlBlock } from "../support/snapshots.js";

/** Test data for the dashboard's content: workflow issues as listings return them. */

export const TODAY = "2026-03-10";

export function definition(id: string): WorkflowDefinition {
  const found = workflows.find((w) => w.id === id);
  if (!found) throw new Error(`no workflow ${id}`);
  return found;
}

/** The description the bot leaves: a person's data block, then the bot's section ending with the marker. */
export function withSection(human: string, state: DashboardState | undefined): string {
  const marker = state ? `\n${stateMarker(state)}` : "";
  return `${SECTION_BEGIN}\n### Career workflow\n\nstatus${marker}\n${SECTION_END}\n\n${human}`;
}

export function stateOf(workflow: string, overrides: Partial<DashboardState> = {}): DashboardState {
  return {
    v: 1,
    workflow,
    stage: definition(workflow).stages[0]!.id,
    since: "2026-03-01",
    actors: [],
    ...overrides,
  };
}

let nextIid = 100;
/** A workflow issue carrying `state` in its section (and the matching stage label). */
export function workflowIssue(
  state: DashboardState | undefined,
  overrides: Partial<Issue> & { workflow?: string } = {},
): Issue {
  const { workflow = state?.workflow ?? "interim-manager", ...rest } = overrides;
  const iid = rest.iid ?? ++nextIid;
  const labels = [definition(workflow).label, ...(state?.stage ? [`career-stage::${state.stage}`] : [])];
  return issue({
    iid,
    id: 10_000 + iid,
    title: `${definition(workflow).title}: ${state?.member ?? "someone"}`,
    labels,
    description: withSection("```yaml career\nteam_member: alice\n```", state),
    webUrl: `http://gitlab.test/org/careers/-/issues/${iid}`,
    ...rest,
  });
}

export function dashboardInput(parts: Partial<DashboardInput> & { config?: Config } = {}): DashboardInput {
  const today = parts.today ?? TODAY;
  return {
    config: parts.config ?? defaultConfig(),
    now: new Date(`${today}T09:00:00Z`),
    today,
    botId: bot.id,
    open: [],
    closed: [],
    followUps: [],
    ...parts,
  };
}

/** A data block that each workflow accepts, for walks through the real `decide`. */
export const SAMPLE_DATA: Record<string, Record<string, unknown>> = {
  "interim-manager": interimBlock,
  "acting-manager": {
    team_member: "alice",
    manager: "bob",
    company_start_date: "2024-01-01",
    start_date: "2026-01-05",
    end_date: "2026-04-30",
    reason: "coverage",
  },
  "on-loan": {
    team_member: "alice",
    manager: "bob",
    host_manager: "dave",
    host_team: "Platform",
    start_date: "2026-01-05",
    end_date: "2026-06-30",
  },
  apprenticeship: {
    team_member: "alice",
    manager: "bob",
    host_manager: "dave",
    host_department: "Security",
    time_percentage: 20,
    company_start_date: "2024-01-01",
    start_date: "2026-01-05",
    deliverables: ["threat model"],
  },
  "management-trial": { team_member: "alice", manager: "bob", level: "Senior", start_date: "2026-01-05" },
};

/** The section action's state that the real `decide` computes for a fresh issue of `workflow`. */
export function decidedState(workflow: string, today = TODAY, data = SAMPLE_DATA[workflow]!): DashboardState {
  const def = definition(workflow);
  const fresh = issue({
    labels: [def.label],
    description: yamlBlock(data),
    createdAt: "2026-01-05T09:00:00Z",
  });
  const users = Object.fromEntries(Object.entries(people));
  const plan = decide({
    definition: def,
    snapshot: snapshot(fresh, [], users),
    config: defaultConfig(),
    now: new Date(`${today}T09:00:00Z`),
  });
  const section = plan.actions.find((a): a is Extract<Action, { kind: "section" }> => a.kind === "section");
  if (!section?.model.state) throw new Error(`no state for ${workflow}`);
  return section.model.state;
}
