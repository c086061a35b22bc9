import { issueTemplate } from "../assets.js";
import { addDays, compareIso, type Day } from "../engine/dates.js";
import type { WebhookPayload } from "../gitlab/fake/index.js";
import { runSetup } from "../setup/run-setup.js";
import { workflows } from "../workflows/index.js";
import { type DemoDashboard, demoDashboard } from "./dashboard-view.js";
import { checklistToDo, stageOf } from "./issue-view.js";
import { TimelineRecorder } from "./timeline.js";
import { DEMO_PROJECT, DemoWorld } from "./world.js";

export const DEMO_START = "2026-01-05T09:00:00.000Z";
/** A bound on simulated time, in case a workflow change leaves the script waiting forever. */
const MAX_DAYS = 200;

export interface DemoResult {
  url: string;
  issue: { iid: number; title: string; webUrl: string };
  entries: TimelineRecorder["entries"];
  outcome?: string;
  stage?: string;
  closed: boolean;
  days: number;
  requests: number;
  /** The dashboard issue as the last sweep left it: the other workflows still run. */
  dashboard?: DemoDashboard;
}

/** A person's action at a time; returns the webhook payloads GitLab would send, in order. */
interface Step {
  at: string;
  act: () => WebhookPayload[][];
}

/**
 * An interim manager appointment from the opened issue to the promotion. People act the way the
 * bot's comments ask them to, each at a plausible time after the stage they answer to began; the
 * bot runs for each of their webhook events and from a daily 06:00 sweep, so its reminders and date
 * gates fire on their days. The script reads the stage from the labels and the checklist from the
 * issue, so it follows the workflow definition rather than repeating it.
 */
export async function runInterimDemo(): Promise<DemoResult> {
  const world = await DemoWorld.start(DEMO_START);
  try {
    return await play(world);
  } finally {
    await world.close();
  }
}

async function play(world: DemoWorld): Promise<DemoResult> {
  const { state } = world;
  const recorder = new TimelineRecorder(state);
  const setup = await runSetup(world.port, {
    project: DEMO_PROJECT,
    gitlabUrl: world.url,
    workflows,
    cron: "0 6 * * *",
    timezone: world.config.timezone,
    dryRun: false,
    secrets: world.secrets,
  });
  recorder.collect();
  recorder.add({
    at: state.now,
    actor: "career-bot",
    issue: 0,
    kind: "setup",
    text: `career-bot setup: ${setup.steps.map((step) => `${step.step} ${step.status}`).join(", ")}`,
  });

  const description = issueTemplate("Interim manager").replace(
    /^#\s*people_business_partner:.*$/m,
    'people_business_partner: "@pat"',
  );
  const opened = state.as("alice").openIssue({ title: "Interim manager: alice", description });
  const iid = opened.issue.iid;
  const project = DEMO_PROJECT;
  // Two temporary roles run alongside, so the dashboard has more than one workflow to show. They
  // are filed and set going; the story follows only #1.
  const acting = state.as("bob").openIssue({
    title: "Acting manager: erin",
    description: filled(issueTemplate("Acting manager"), {
      team_member: "erin",
      manager: "bob",
      start_date: "2026-01-19",
      end_date: "2026-05-29",
    }),
  });
  const apprentice = state.as("bob").openIssue({
    title: "Apprenticeship: frank in Security",
    description: filled(issueTemplate("Apprenticeship"), {
      team_member: "frank",
      manager: "bob",
      company_start_date: "2024-04-01",
      start_date: "2026-02-02",
      end_date: "2026-07-31",
    }),
  });
  const steps: Step[] = [];
  const reacted = new Set<string>();

  const at = (day: Day, time: string) => `${day}T${time}:00.000Z`;
  const later = (days: number, time: string) => at(addDays(state.today(), days), time);
  const tickAll =
    (who: string, mine: (item: string) => boolean = () => true) =>
    () =>
      checklistToDo(state, project, iid)
        .filter(mine)
        .map((item) => [state.as(who).tick(project, iid, item).payload]);
  // The team member's own choice of the role is hers to tick ("self-select into that track"), the rest the manager's.
  const ownChoice = (item: string) => item.startsWith("Team member: ");
  const say = (who: string, text: string) => () => [state.as(who).comment(project, iid, text).payloads];

  /** What the people do once a stage begins (SPEC section 6, interim manager). */
  function react(stage: string): void {
    if (reacted.has(stage)) return;
    reacted.add(stage);
    if (stage === "eligibility") {
      steps.push({ at: later(1, "09:30"), act: tickAll("alice", ownChoice) });
      steps.push({ at: later(1, "10:00"), act: tickAll("bob", (item) => !ownChoice(item)) });
    }
    if (stage === "setup") steps.push({ at: later(1, "10:00"), act: tickAll("bob") });
    if (stage === "hiring") {
      const start = addDays(state.today(), 14);
      steps.push({
        at: later(3, "14:00"),
        act: say("alice", `We hired Dave, who starts on ${start}!\n/career hire @dave ${start}`),
      });
    }
    if (stage === "hire-review") {
      const due = state.findIssue(opened.issue.projectId, iid)?.dueDate ?? addDays(state.today(), 30);
      steps.push({
        at: at(due, "11:00"),
        act: say("bob", "Dave is doing great.\n/career review successful"),
      });
    }
    if (stage === "promotion-document") {
      steps.push({
        at: later(1, "10:00"),
        act: say("alice", "/career document https://docs.example.com/promotion-alice"),
      });
      steps.push({
        at: later(3, "15:00"),
        act: say("bob", "Read it, well deserved.\n/career decision promote"),
      });
    }
  }

  let events: WebhookPayload[][] = [[opened.payload], [acting.payload], [apprentice.payload]];
  let nextSweep = later(1, "06:00");
  const end = later(MAX_DAYS, "00:00");
  for (;;) {
    recorder.collect();
    for (const group of events) {
      for (const payload of group) {
        await world.handle(payload);
        recorder.collect("handle");
      }
    }
    const issue = state.findIssue(opened.issue.projectId, iid)!;
    const stage = stageOf(issue.labels);
    if (issue.state === "closed" || !stage) break;
    react(stage);
    steps.sort((a, b) => compareIso(a.at, b.at));
    const next = steps[0];
    if (!next || next.at > end) break;
    // The daily schedule runs before anything a person does later that day.
    while (nextSweep <= next.at) {
      state.now = nextSweep;
      await world.sweep();
      recorder.collect("sweep");
      nextSweep = later(1, "06:00");
    }
    steps.shift();
    state.now = next.at;
    events = [];
    for (const group of next.act()) {
      events.push(group);
    }
  }

  const issue = state.findIssue(opened.issue.projectId, iid)!;
  // The dashboard is kept by the sweep: one more run shows the closed appointment there too.
  await world.sweep();
  return {
    url: world.url,
    issue: { iid, title: issue.title, webUrl: opened.issue.webUrl },
    entries: recorder.entries,
    outcome: issue.labels
      .find((label) => label.startsWith("career-outcome::"))
      ?.slice("career-outcome::".length),
    stage: stageOf(issue.labels),
    closed: issue.state === "closed",
    days: Math.round((Date.parse(state.now) - Date.parse(DEMO_START)) / 86_400_000),
    requests: state.requestCount(),
    dashboard: demoDashboard(state, opened.issue.projectId),
  };
}

/** An issue template with some fields of its data block set (the rest of each line goes). */
function filled(template: string, fields: Record<string, string>): string {
  let text = template;
  for (const [key, value] of Object.entries(fields)) {
    text = text.replace(new RegExp(`^(#\\s*)?${key}:.*$`, "m"), `${key}: ${value}`);
  }
  return text;
}
