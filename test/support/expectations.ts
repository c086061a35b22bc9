import { expect } from "vitest";
import type { WebhookPayload } from "../../src/gitlab/fake/index.js";
import { PROJECT, type World } from "./world.js";

/**
 * The expectations every workflow's scenario walk must meet: a refused command changes nothing, a
 * broken data block is asked about once and resumes when fixed, a finished issue is closed cleanly.
 */

/** Handling `payload` again (if given) and sweeping again both write nothing. */
export async function expectNothingMoreToDo(world: World, payload?: WebhookPayload | null): Promise<void> {
  if (payload) expect(await world.writesDuring(() => world.handle(payload))).toBe(0);
  expect(await world.writesDuring(() => world.sweep())).toBe(0);
}

/**
 * What a refused command must leave as it was. The section's state marker is left out: it records
 * the refusal for the dashboard (see src/engine/dashboard-state.ts), its one change.
 */
function issueFacts(world: World, iid: number) {
  const issue = world.issue(iid);
  return {
    labels: world.labels(iid),
    description: issue.description.replace(
      /\n<!-- career-bot:state [A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)? -->/,
      "",
    ),
    dueDate: issue.dueDate,
    state: issue.state,
    title: issue.title,
    confidential: issue.confidential,
    assigneeIds: [...issue.assigneeIds],
    botNotes: world.botNotes(iid).map((n) => n.body),
  };
}

/**
 * `author` comments `body` (a command they may not give) on issue `iid`: the run exits 0 and makes
 * a reply saying "Refused" and `reason`, plus at most one update that records the refusal in the
 * section's state marker (for the dashboard); labels, description, due date, state,
 * title, confidentiality, assignees and the earlier bot notes stay as they were. Handling the comment
 * again and sweeping write nothing. Returns the reply's text.
 */
export async function expectRefusedChangingNothing(
  world: World,
  iid: number,
  author: string,
  body: string,
  reason: string,
): Promise<string> {
  const before = issueFacts(world, iid);
  const writesBefore = world.writes();
  const comment = world.state.as(author).comment(PROJECT, iid, body);
  const run = await world.handle(comment.payload);
  expect(run.code).toBe(0);
  // The reply, and the update of the state marker (none when the same refusal is already recorded).
  expect(world.writes() - writesBefore).toBeGreaterThanOrEqual(1);
  expect(world.writes() - writesBefore).toBeLessThanOrEqual(2);
  const after = issueFacts(world, iid);
  expect(after.botNotes).toHaveLength(before.botNotes.length + 1);
  const reply = after.botNotes.at(-1)!;
  expect(reply).toContain("Refused");
  expect(reply).toContain(reason);
  expect({ ...after, botNotes: after.botNotes.slice(0, -1) }).toEqual(before);
  await expectNothingMoreToDo(world, comment.payload);
  return reply;
}

/**
 * The bot handles `opened` (an issue with a broken data block): exit 0, `career-status::needs-info`
 * added and nothing else (no stage), one bot comment naming every one of `problems`; handling the
 * event again writes nothing, and so does a sweep (unless `sweeps: false`, for a project whose sweep
 * has other work to do). Returns the comment's text.
 */
export async function expectNeedsInfo(
  world: World,
  opened: { issue: { iid: number }; payload: WebhookPayload },
  problems: string | string[],
  { sweeps = true } = {},
): Promise<string> {
  const iid = opened.issue.iid;
  const labels = world.labels(iid);
  expect((await world.handle(opened.payload)).code).toBe(0);
  expect(world.labels(iid)).toEqual([...labels, "career-status::needs-info"].sort());
  expect(world.stages(iid)).toEqual([]);
  const notes = world.botNotes(iid);
  expect(notes).toHaveLength(1);
  for (const problem of [problems].flat()) expect(notes[0]!.body).toContain(problem);
  expect(await world.writesDuring(() => world.handle(opened.payload))).toBe(0);
  if (sweeps) expect(await world.writesDuring(() => world.sweep())).toBe(0);
  return notes[0]!.body;
}

/** `author` (alice unless said) edits the data block, replacing `from` (which must be there) by `to`; the bot handles it. */
export async function fixDataBlock(world: World, iid: number, from: string, to: string, author = "alice") {
  const description = world.issue(iid).description;
  expect(description).toContain(from);
  const fixed = world.state.as(author).editDescription(PROJECT, iid, description.replace(from, to));
  expect((await world.handle(fixed.payload)).code).toBe(0);
  return fixed.payload;
}

/**
 * After `expectNeedsInfo`: fixing the data block (`from` -> `to`) drops `career-status::needs-info`,
 * the issue starts at `stage`, and the bot says once that it reads correctly now (two bot notes in
 * all); handling the edit again writes nothing.
 */
export async function expectFixedAndResumed(
  world: World,
  iid: number,
  from: string,
  to: string,
  stage: string,
): Promise<void> {
  const labels = world.labels(iid).filter((l) => l !== "career-status::needs-info");
  const payload = await fixDataBlock(world, iid, from, to);
  expect(world.labels(iid)).toEqual([...labels, `career-stage::${stage}`].sort());
  // One confirmation that the fix worked, nothing else.
  expect(world.botNotes(iid)).toHaveLength(2);
  expect(world.botNotes(iid).at(-1)!.body).toContain("reads correctly now");
  expect(await world.writesDuring(() => world.handle(payload))).toBe(0);
}

/** The bot ran no quick action, and every note of the issues has a key, none posted twice. */
export function expectCleanNotes(world: World, ...iids: number[]): void {
  expect(world.botQuickActions()).toEqual([]);
  for (const iid of iids) {
    const keys = world.noteKeys(iid);
    expect(keys).not.toContain("");
    expect(new Set(keys).size).toBe(keys.length);
  }
}

/**
 * The issue is closed at `career-stage::done` with `career-outcome::<outcome>` beside its workflow
 * label (and no other label), and has no due date left.
 */
export function expectDone(world: World, iid: number, workflowLabel: string, outcome: string): void {
  expect(world.labels(iid)).toEqual(
    [`career-outcome::${outcome}`, "career-stage::done", workflowLabel].sort(),
  );
  expect(world.issue(iid).state).toBe("closed");
  expect(world.issue(iid).dueDate).toBeNull();
}

/**
 * The walk is over: `expectDone` (closed, `career-outcome::<outcome>`, no due date), handling
 * `replay` again (if given) and sweeping write nothing, and `expectCleanNotes`.
 */
export async function expectFinished(
  world: World,
  iid: number,
  workflowLabel: string,
  outcome: string,
  replay?: WebhookPayload | null,
): Promise<void> {
  expectDone(world, iid, workflowLabel, outcome);
  await expectNothingMoreToDo(world, replay);
  expectCleanNotes(world, iid);
}

/**
 * The walk's first step: the issue `opened` from its template is confidential, the bot handles it
 * (exit 0) and puts it at `stage`; handling the event again and sweeping write nothing.
 */
export async function expectOpensAt(
  world: World,
  opened: { issue: { iid: number; confidential: boolean }; payload: WebhookPayload },
  stage: string,
): Promise<number> {
  expect(opened.issue.confidential).toBe(true);
  expect((await world.handle(opened.payload)).code).toBe(0);
  expect(world.stages(opened.issue.iid)).toEqual([stage]);
  await expectNothingMoreToDo(world, opened.payload);
  return opened.issue.iid;
}
