import { readFileSync } from "node:fs";
import { addDays } from "../../src/engine/dates.js";
import { findSection } from "../../src/engine/markers.js";
import type { FakeGitLabState, Fault, FaultHook, WebhookPayload } from "../../src/gitlab/fake/index.js";
import type { WorkflowDefinition } from "../../src/workflows/types.js";
import { INTERIM_SETUP as SETUP, tickInterimEligibility } from "./interim-items.js";
import { BOT, interimDescription, PROJECT } from "./world.js";

/**
 * Scenario scripts that run unchanged against any bot runner (the CLI over HTTP, or the engine over
 * the in-memory fake, with faults, crashes or neither), and the normalised GitLab state they end in.
 */

/** What one bot run reported: its exit code and everything it printed. */
export interface RunOutcome {
  code: number;
  output: string;
}

export interface BotRunner {
  state: FakeGitLabState;
  handle(payload: WebhookPayload): Promise<RunOutcome>;
  sweep(): Promise<RunOutcome>;
}

/**
 * Runs the bot until a run succeeds, as the next pipeline would. Every failed run must exit 1 and
 * name the issue it failed on; `failedRuns` counts them so tests can check faults really bit.
 */
export class Persistent implements BotRunner {
  failedRuns = 0;
  readonly failures: string[] = [];
  constructor(
    private readonly inner: BotRunner,
    private readonly maxRuns = 40,
  ) {}

  get state(): FakeGitLabState {
    return this.inner.state;
  }

  handle(payload: WebhookPayload): Promise<RunOutcome> {
    return this.until(() => this.inner.handle(payload));
  }

  sweep(): Promise<RunOutcome> {
    return this.until(() => this.inner.sweep());
  }

  private async until(run: () => Promise<RunOutcome>): Promise<RunOutcome> {
    for (let attempt = 1; ; attempt += 1) {
      const outcome = await run();
      if (outcome.code === 0) return outcome;
      this.failedRuns += 1;
      this.failures.push(outcome.output);
      if (outcome.code !== 1) throw new Error(`a run exited ${outcome.code}:\n${outcome.output}`);
      if (attempt >= this.maxRuns) throw new Error(`still failing after ${attempt} runs:\n${outcome.output}`);
    }
  }
}

/** A small seeded PRNG (mulberry32): the same seed gives the same faults in the same order. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every kind of trouble GitLab.com gives a client; after-write ones save the write, then fail. */
export const FAULTS: Array<Exclude<Fault, null>> = [
  { status: 429, retryAfter: 0 },
  { status: 429 },
  { status: 500 },
  { status: 502 },
  { status: 503 },
  "timeout",
  "reset",
  { status: 502, afterWrite: true },
  "reset-after-write",
];

/** Answers `rate` of the requests (seeded) with one of FAULTS. */
export function randomFaults(seed: number, rate: number): FaultHook {
  const random = seeded(seed);
  return () => {
    const roll = random();
    const pick = random();
    return roll < rate ? FAULTS[Math.floor(pick * FAULTS.length)]! : null;
  };
}

/** What GitLab holds for the project, without ids or times: equal states mean equal outcomes. */
export function normalise(state: FakeGitLabState) {
  const username = (id: number) => state.userById(id).username;
  const byId = new Map(state.issues.map((issue) => [issue.id, issue.iid]));
  return {
    issues: [...state.issues]
      .sort((a, b) => a.iid - b.iid)
      .map((issue) => {
        const notes = state.notesOf(issue.id);
        return {
          iid: issue.iid,
          title: issue.title,
          author: username(issue.authorId),
          state: issue.state,
          confidential: issue.confidential,
          labels: [...issue.labels].sort(),
          dueDate: issue.dueDate,
          assignees: issue.assigneeIds.map(username).sort(),
          description: issue.description,
          // People's and the bot's comments in order; GitLab's own notes (label, due date, ticks) as a
          // sorted list, since a retried run may interleave them differently with comments.
          comments: notes.filter((n) => !n.system).map((n) => `${username(n.authorId)}: ${n.body}`),
          systemNotes: notes
            .filter((n) => n.system)
            .map((n) => `${username(n.authorId)}: ${n.body}`)
            .sort(),
        };
      }),
    links: state.links
      .map((link) => [byId.get(link.sourceIssueId), byId.get(link.targetIssueId)].sort())
      .sort(),
    labels: state.labels.map((label) => label.name).sort(),
  };
}

/** Keys of the bot's notes per issue, to prove none was posted twice. */
export function botNoteKeys(state: FakeGitLabState): string[][] {
  const bot = state.requireUser(BOT);
  return state.issues.map((issue) =>
    state
      .notesOf(issue.id)
      .filter((n) => n.authorId === bot.id && !n.system)
      .map((n) => /<!-- career-bot:note key=(\S+) -->/.exec(n.body)?.[1] ?? "(no key)"),
  );
}

export function expectNoDuplicates(state: FakeGitLabState): void {
  for (const keys of botNoteKeys(state)) {
    const twice = keys.filter((key, index) => keys.indexOf(key) !== index);
    if (twice.length > 0) throw new Error(`notes posted twice: ${twice.join(", ")}`);
  }
  const markers = state.issues.flatMap(
    (issue) => /<!-- (career-bot-followup-\S+) -->/.exec(issue.description)?.[1] ?? [],
  );
  const twice = markers.filter((marker, index) => markers.indexOf(marker) !== index);
  if (twice.length > 0) throw new Error(`follow-up issues created twice: ${twice.join(", ")}`);
}

/** A whole interim appointment, from the opened issue to career-outcome::promoted. */
export async function interimScript(bot: BotRunner): Promise<number> {
  const { state } = bot;
  const alice = state.as("alice");
  const bob = state.as("bob");
  const opened = alice.openIssue({
    title: "Interim manager: alice",
    description: interimDescription({ people_business_partner: "pat" }),
  });
  const iid = opened.issue.iid;
  await bot.handle(opened.payload);
  state.advance({ days: 1 });
  let last = null;
  last = tickInterimEligibility(state, iid);
  await bot.handle(last!.payload);
  state.advance({ days: 1 });
  for (const item of SETUP) last = bob.tick(PROJECT, iid, item);
  await bot.handle(last!.payload);
  state.advance({ days: 3 });
  await bot.handle(alice.comment(PROJECT, iid, "We hired Dave!\n/career hire @dave 2026-01-19").payload!);
  state.now = "2026-02-18T07:00:00Z";
  await bot.sweep();
  state.advance({ hours: 3 });
  await bot.handle(bob.comment(PROJECT, iid, "/career review successful").payload!);
  await bot.handle(alice.comment(PROJECT, iid, "/career document https://docs.example.com/promo").payload!);
  await bot.handle(bob.comment(PROJECT, iid, "/career decision promote").payload!);
  await bot.sweep();
  return iid;
}

/** The workflow's issue template from `.gitlab/issue_templates/`, as people open it. */
export function templateOf(definition: WorkflowDefinition): string {
  const names: Record<string, string> = { conversation: "Career conversations" };
  const name = names[definition.id] ?? definition.title.replace(/^./, (c) => c.toUpperCase());
  return readFileSync(new URL(`../../.gitlab/issue_templates/${name}.md`, import.meta.url), "utf8");
}

/** Unticked items of the bot's checklist, as a person sees them in the description. */
export function openItems(description: string): string[] {
  const bounds = findSection(description);
  if (!bounds) return [];
  return description
    .slice(bounds.start, bounds.end)
    .split("\n")
    .flatMap((line) => /^\s*[-*+] \[ \] (.*)$/.exec(line)?.[1] ?? [])
    .map((text) => text.split(" · ")[0]!.trim());
}

/**
 * Walks any workflow from its issue template to a final stage, as people would: people ops (carol)
 * ticks every open item, gives the command of a transition to a stage not seen yet (a final one
 * first), and otherwise the clock moves to the issue's due date and the sweep runs.
 * Every choice depends only on GitLab's state, so two runs that agree step by step walk alike.
 */
/** Verbs whose decision takes both sides: people ops for one, the team member for the other. */
const JOINT_VERBS = new Set(["conclude"]);

export async function autoWalk(bot: BotRunner, definition: WorkflowDefinition, maxSteps = 40) {
  const { state } = bot;
  const carol = state.as("carol");
  const opened = state
    .as("alice")
    .openIssue({ title: `${definition.title}: alice`, description: templateOf(definition) });
  const iid = opened.issue.iid;
  await bot.handle(opened.payload);
  const seen = new Set<string>();
  const tried = new Set<string>();
  for (let step = 0; step < maxSteps; step += 1) {
    const issue = state.findIssue(state.requireProject(PROJECT).id, iid)!;
    const stage = issue.labels.find((l) => l.startsWith("career-stage::"))?.slice("career-stage::".length);
    if (issue.state === "closed" || !stage || definition.stages.find((s) => s.id === stage)?.final) break;
    seen.add(stage);
    const items = openItems(issue.description);
    if (items.length > 0) {
      let last = null;
      for (const item of items) last = carol.tick(PROJECT, iid, item);
      await bot.handle(last!.payload);
      continue;
    }
    const today = state.today();
    const command = pickCommand(definition, stage, seen, (c) => !tried.has(`${stage}|${c}|${today}`), today);
    if (command) {
      tried.add(`${stage}|${command}|${today}`);
      await bot.handle(carol.comment(PROJECT, iid, command).payload!);
      // A decision of two sides (ending an apprenticeship) takes the team member's word as well as
      // people ops' (who stand in for the host department).
      if (JOINT_VERBS.has(command.split(" ")[1] ?? "")) {
        await bot.handle(state.as("alice").comment(PROJECT, iid, command).payload!);
      }
      continue;
    }
    state.now =
      issue.dueDate && issue.dueDate > today ? `${issue.dueDate}T06:00:00Z` : state.advance({ days: 1 });
    await bot.sweep();
  }
  return iid;
}

function pickCommand(
  definition: WorkflowDefinition,
  stage: string,
  seen: Set<string>,
  untried: (command: string) => boolean,
  today: string,
): string | undefined {
  const final = (to: string) => definition.stages.find((s) => s.id === to)?.final === true;
  const fromHere = definition.transitions.filter(
    (t) => t.from === stage && t.when.some((g) => g.gate === "command"),
  );
  // Commands back to a stage already seen (extend, unsuccessful) would loop; the walk goes forward.
  const forward = fromHere
    .filter((t) => !seen.has(t.to))
    .sort((a, b) => Number(final(b.to)) - Number(final(a.to)))
    .flatMap((t) =>
      t.when.flatMap((g) => (g.gate === "command" ? [{ verb: g.verb, choice: g.choice }] : [])),
    );
  // Commands that only record something (a document's URL) may be what a transition waits for.
  const recording = definition.commands
    .filter(
      (c) =>
        c.stages.includes(stage) &&
        !fromHere.some((t) => t.when.some((g) => g.gate === "command" && g.verb === c.verb)),
    )
    .map((c) => ({ verb: c.verb, choice: undefined }));
  for (const { verb, choice } of [...forward, ...recording]) {
    // An escape hatch (back to the IC track) would cut the walk short; extending would stretch it.
    if (verb === "opt-out" || verb === "extend") continue;
    const command = definition.commands.find((c) => c.verb === verb);
    if (!command) continue;
    const args = command.args.map((arg) => {
      if (arg.kind === "user") return "@dave";
      if (arg.kind === "day") return addDays(today, 30);
      if (arg.kind === "url") return "https://docs.example.com/doc";
      return choice ?? arg.kind.choice[0];
    });
    const text = ["/career", command.verb, ...args].join(" ");
    if (untried(text)) return text;
  }
  return undefined;
}
