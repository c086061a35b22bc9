import { defaultConfig } from "../src/config/schema.js";
import { addDays, addMonths } from "../src/engine/dates.js";
import { Renderer } from "../src/engine/render.js";
import type { StateSigner } from "../src/engine/state-signature.js";
import { FakeGitLab, type FakeGitLabState, type FakeNote } from "../src/gitlab/fake/index.js";
import type { RunContext } from "../src/run/context.js";
import { processIssue } from "../src/run/process-issue.js";

export const BOT = "career-bot";
export const PROJECT = "org/careers";

/** An interim block whose 30-days-before-the-limit reminder falls on `reminder` (4 months after start, less 30 days). */
function block(start: string): string {
  return [
    "Interim appointment.",
    "",
    "```yaml career",
    "team_member: alice",
    "manager: bob",
    "current_level: Senior",
    "desired_level: Manager",
    "previous_management_experience: no",
    "company_start_date: 2020-01-01",
    `interim_start_date: ${start}`,
    "success_criteria: hire",
    "```",
    "",
  ].join("\n");
}

function reminderOf(start: string): string {
  return addDays(addMonths(start, 4), -30);
}

/**
 * Fills the fake with `total` open interim issues in the state the bot left them in (section, stage
 * label, due date = the next reminder), `due` of them due on or before `today`. A handful of
 * templates go through the real engine once; the rest are copies, so seeding 10,000 takes a second.
 * Every issue was last updated ten days ago: no event is missing, so only due issues need the bot.
 */
export async function seedSettled(
  state: FakeGitLabState,
  options: { total: number; due: number; today: string; stateSigner?: StateSigner },
): Promise<void> {
  const { total, due, today } = options;
  const port = new FakeGitLab(state, { username: BOT });
  const ctx: RunContext = {
    port,
    config: { ...defaultConfig(), people_ops: ["carol"] },
    renderer: new Renderer(),
    bot: await port.currentUser(),
    now: new Date(),
    dryRun: false,
    budget: { limit: Number.MAX_SAFE_INTEGER, used: 0 },
    reporter: { info: () => {} },
    userCache: new Map(),
    // Signed as the bot under test signs them (its token's key): an unsigned marker would make every
    // handle rewrite the section once to sign it, which is the upgrade's cost, not a settled issue's.
    ...(options.stateSigner ? { stateSigner: options.stateSigner } : {}),
  };
  // Starts whose reminder is due (the last four days) and starts whose reminder lies ahead (a year).
  const dueStarts: string[] = [];
  const laterStarts: string[] = [];
  for (let offset = -200; offset < 400; offset += 1) {
    const start = addDays(today, offset);
    const reminder = reminderOf(start);
    if (
      reminder <= today &&
      reminder >= addDays(today, -3) &&
      !dueStarts.some((s) => reminderOf(s) === reminder)
    )
      dueStarts.push(start);
    if (reminder > today && reminder <= addDays(today, 300) && offset % 3 === 0) laterStarts.push(start);
  }
  const old = `${addDays(today, -10)}T08:00:00.000Z`;
  const project = state.requireProject(PROJECT);
  const settled = new Map<
    string,
    { description: string; labels: string[]; dueDate: string | null; notes: FakeNote[] }
  >();
  for (const start of [...dueStarts, ...laterStarts]) {
    state.now = `${addDays(today, -60)}T08:00:00Z`;
    const opened = state.as("alice").openIssue({
      title: `Interim manager: alice (${start})`,
      description: block(start),
      labels: ["career::interim-manager"],
      confidential: true,
    });
    // Settled the day before its reminder, or today when that is later (a bot never ran in the
    // future): the bot's section, stage label and due date are in place as of today.
    const settledAt = Math.min(
      Date.parse(`${addDays(reminderOf(start), -1)}T08:00:00Z`),
      Date.parse(`${today}T00:00:00Z`),
    );
    ctx.now = new Date(settledAt);
    await processIssue(ctx, project.id, opened.issue, { verifyUsers: false });
    const issue = state.findIssue(project.id, opened.issue.iid)!;
    // The bot's notes too (its record of the workflow's people, the reminders it posted): a settled
    // issue has them, and without them the next run would post them again.
    const notes = state.notes.filter((n) => n.issueId === issue.id && n.authorId === ctx.bot.id);
    settled.set(start, {
      description: issue.description,
      labels: [...issue.labels],
      dueDate: issue.dueDate,
      notes,
    });
    state.issues.pop(); // the template itself is cloned like the others below
    project.nextIid -= 1;
  }
  state.notes.length = 0;
  for (let n = 0; n < total; n += 1) {
    const start = n < due ? dueStarts[n % dueStarts.length]! : laterStarts[n % laterStarts.length]!;
    const template = settled.get(start)!;
    state.issues.push({
      id: state.nextId("issue"),
      iid: project.nextIid++,
      projectId: project.id,
      title: `Interim manager #${n}`,
      description: resigned(template.description, project.id, project.nextIid - 1, options.stateSigner),
      labels: [...template.labels],
      state: "opened",
      confidential: true,
      dueDate: template.dueDate,
      assigneeIds: [],
      authorId: state.requireUser("alice").id,
      createdAt: `${addDays(today, -60)}T08:00:00.000Z`,
      updatedAt: old,
      updatedById: null,
      closedAt: null,
      lastEditedAt: null,
      lastEditedById: null,
    });
    const issue = state.issues.at(-1)!;
    for (const note of template.notes)
      state.notes.push({ ...note, id: state.nextId("note"), issueId: issue.id });
  }
  state.requestCounts.clear();
}

/** GETs and writes the fake served, from its per-route request counts. */
export function counts(state: FakeGitLabState): { gets: number; writes: number } {
  let gets = 0;
  let writes = 0;
  for (const [key, n] of state.requestCounts) {
    if (key.startsWith("GET ")) gets += n;
    else writes += n;
  }
  return { gets, writes };
}

/** A template's state marker signed for the copy's own iid, as the bot would have signed it there. */
function resigned(description: string, projectId: number, iid: number, signer?: StateSigner): string {
  if (!signer) return description;
  return description.replace(
    /(<!-- career-bot:state )([A-Za-z0-9_-]+)\.[A-Za-z0-9_-]+( -->)/,
    (_, open: string, payload: string, close: string) =>
      `${open}${payload}.${signer.sign({ projectId, iid }, payload)}${close}`,
  );
}
