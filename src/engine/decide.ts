import type { Config } from "../config/schema.js";
import type { Issue, Note, User } from "../gitlab/port.js";
import { sameUser } from "../gitlab/users.js";
import type { NoteEffect, WorkflowDefinition } from "../workflows/types.js";
import type { Action, Plan, SectionModel, TemplateData } from "./actions.js";
import { dueReminders, nextCheckpoint, overdueDay, reminderLabels } from "./checkpoints.js";
import { parseCommandLines } from "./command-parse.js";
import { readDataBlock } from "./data-block.js";
import { type Day, dayOf } from "./dates.js";
import { type CommandRecord, commandRecord, noteKey } from "./markers.js";
import { describeProblem, validateData } from "./problems.js";
import { type ReplayResult, replay } from "./replay.js";
import { type RoleMap, roleMap } from "./roles.js";
import { needsInfoSection, sectionModel } from "./section.js";
import { contextOf, type PriorAnswer, stageOf, type Verdict, type WorkflowState } from "./workflow-state.js";

export const STAGE_PREFIX = "career-stage::";
export const OUTCOME_PREFIX = "career-outcome::";
export const NEEDS_INFO = "career-status::needs-info";
export const OVERDUE = "career-status::overdue";

/** What the engine knows about one issue, read right before deciding. */
export interface Snapshot {
  issue: Issue;
  notes: Note[];
  bot: User;
  /** People of the data block looked up on the instance (lower-cased username -> user, null: none). */
  users: ReadonlyMap<string, User | null>;
}

export interface DecideInput {
  definition: WorkflowDefinition;
  snapshot: Snapshot;
  config: Config;
  now: Date;
}

/**
 * The heart of the bot: a pure function from GitLab's state to the writes that bring the issue
 * where the workflow says it should be. No I/O and no clock of its own, so every rule is a table test.
 */
export function decide({ definition, snapshot, config, now }: DecideInput): Plan {
  const { issue } = snapshot;
  const today = dayOf(now, config.timezone);
  const botNotes = snapshot.notes.filter((n) => !n.system && sameUser(n.author, snapshot.bot));
  const posted = new Set(botNotes.flatMap((n) => noteKey(n.body) ?? []));
  const plan: Plan = { project: issue.projectId, iid: issue.iid, workflow: definition.id, actions: [] };
  const notes: Action[] = [];
  const internalNotes = new Set(snapshot.notes.filter((n) => n.internal).map((n) => n.id));
  const addNote = (
    key: string,
    template: string,
    data: TemplateData,
    mentions: string[],
    record?: CommandRecord,
  ) => {
    if (posted.has(key)) return;
    // A reply quotes the command: when the command was an internal comment, so is the reply.
    const replyTo = /^reply:(\d+)\./.exec(key)?.[1];
    const internal = replyTo !== undefined && internalNotes.has(Number(replyTo));
    notes.push({
      kind: "note",
      key,
      template,
      data,
      mentions,
      ...(record ? { record } : {}),
      ...(internal ? { internal } : {}),
    });
  };
  const issueData = { iid: issue.iid, title: issue.title, workflow: definition.title };

  if (!issue.confidential)
    addNote("confidential-warning", "common/not-confidential", { issue: issueData }, []);

  const validated = validateData(definition, readDataBlock(issue.description), config, snapshot.users);
  if (!validated.ok) {
    const problems = validated.problems.map(describeProblem);
    const currentStage = issue.labels.find((l) => l.startsWith(STAGE_PREFIX))?.slice(STAGE_PREFIX.length);
    // No mention: the author and participants are notified of comments anyway, and mentions are
    // limited to people in the data block, which cannot be trusted here.
    addNote(
      `needs-info:${hash(problems.join("\n"))}`,
      "common/needs-info",
      { issue: issueData, problems },
      [],
    );
    for (const command of unansweredCommands(snapshot, botNotes)) {
      // help and status are answered (the answer is the problem); anything else waits for a fixed block.
      const informative = command.record.verb === "help" || command.record.verb === "status";
      const verdict = informative ? "accepted" : "refused";
      const message = informative
        ? "The workflow is paused: the data block has problems (listed in the comment above and in the description). Fix them and the workflow resumes by itself."
        : "The data block has problems (see the comment above); fix it first, then try again.";
      addNote(
        `reply:${command.id}:${verdict}`,
        "common/command-reply",
        { message, command: command.raw, verdict },
        [],
        command.record,
      );
    }
    const known = definition.stages.some((s) => s.id === currentStage) ? currentStage : undefined;
    plan.stage = known;
    plan.actions.push(
      ...labelActions(issue.labels, [NEEDS_INFO, ...(known ? [STAGE_PREFIX + known] : [])], [NEEDS_INFO]),
      { kind: "section", model: needsInfoSection(definition, known, problems) },
      ...notes,
    );
    return plan;
  }

  const data = validated.data;
  // The block was fixed since the bot asked: say so once, so the person knows it worked.
  const lastAsk = botNotes.filter((n) => noteKey(n.body)?.startsWith("needs-info:")).at(-1);
  if (lastAsk && issue.labels.includes(NEEDS_INFO)) {
    addNote(`needs-info-fixed:${lastAsk.id}`, "common/needs-info-fixed", { issue: issueData }, []);
  }
  // Keyed by the text, so a warning is said once, and again only if the data block changes what it says.
  for (const warning of definition.warnings?.(data as never, config) ?? []) {
    addNote(`warning:${hash(warning)}`, "common/warning", { issue: issueData, warning }, []);
  }
  const roles = roleMap(definition, data, {}, config);
  const result = replay({
    definition,
    data,
    config,
    roles,
    notes: snapshot.notes,
    botUsername: snapshot.bot.username,
    issueCreatedAt: issue.createdAt,
    issueClosed: issue.state === "closed",
    users: snapshot.users,
    now,
    priorAnswers: priorAnswers(botNotes),
    refusedTickIds: new Set(
      [...posted].flatMap((key) => {
        const match = /^tick:(\d+)$/.exec(key);
        return match ? [Number(match[1])] : [];
      }),
    ),
    botWatermark: latestBotWrite(snapshot),
  });
  const { state } = result;
  const input = { definition, data, config };
  const stage = stageOf(definition, state.stage);
  plan.stage = stage.id;

  // Refusals of ticks go first: any later bot note marks every earlier tick as judged (replay.ts).
  for (const tick of result.refusedTicks) {
    addNote(
      `tick:${tick.noteId}`,
      "common/tick-refused",
      { item: tick.item, by: tick.by, allowed: namedPeople(roles) },
      [],
    );
  }
  for (const command of result.commands) {
    if (command.answered) continue;
    // An accepted command that hands the work to someone else tells them (`notify` in the definition).
    const notify =
      command.verdict === "accepted"
        ? (definition.commands.find((c) => c.verb === command.line.verb)?.notify ?? [])
        : [];
    addNote(
      `reply:${command.key}:${command.verdict}`,
      "common/command-reply",
      { message: command.message, command: command.line.raw, verdict: command.verdict },
      mentions({ template: "", mention: notify }, roles),
      command.record,
    );
  }
  const ctx = contextOf(input, state, today);
  const extra = definition.noteData?.(ctx as never) ?? {};
  const noteData = {
    issue: issueData,
    data,
    facts: state.facts,
    extra,
    stage: stage.title,
    outcome: state.outcome,
    config,
  };
  for (const effect of stage.onEnter?.notes ?? []) {
    if (effect.when && !definition.conditions[effect.when]?.(ctx as never)) continue;
    addNote(
      `enter:${stage.id}#${state.visit}:${effect.template.replace(/\//g, ".")}`,
      effect.template,
      noteData,
      mentions(effect, roles),
    );
  }
  for (const due of dueReminders(input, state, today)) {
    addNote(
      `remind:${due.key}`,
      due.reminder.note.template,
      { ...noteData, day: due.day },
      mentions(due.reminder.note, roles),
    );
  }

  const labels = [STAGE_PREFIX + stage.id, ...reminderLabels(input, state, today)];
  if (stage.final && state.outcome) labels.push(OUTCOME_PREFIX + state.outcome);
  const checkpoint = nextCheckpoint(input, state, today);
  const overdue = overdueDay(input, state, today);
  const section: SectionModel = sectionModel(input, state, today, {
    overdue: overdue !== undefined,
    checkpoint,
  });

  plan.actions.push(...labelActions(issue.labels, labels, [NEEDS_INFO, OVERDUE]), {
    kind: "section",
    model: section,
  });
  const dueDate = checkpoint?.day ?? overdue ?? null;
  if (dueDate !== issue.dueDate) plan.actions.push({ kind: "due-date", date: dueDate });
  plan.actions.push(...followUps(definition, state, snapshot, roles, noteData, posted), ...notes);
  const outcomeLabel = state.outcome ? OUTCOME_PREFIX + state.outcome : undefined;
  // Close once, when the outcome is first reached; a person who reopens the issue keeps it open.
  if (stage.final && issue.state === "opened" && outcomeLabel && !issue.labels.includes(outcomeLabel)) {
    plan.actions.push({ kind: "close" });
  }
  return plan;
}

/** Labels to add and remove so the issue carries exactly the workflow-owned labels it should. */
function labelActions(current: string[], desired: string[], owned: string[]): Action[] {
  const add = desired.filter((l) => !current.includes(l));
  const remove = current.filter(
    (l) =>
      !desired.includes(l) &&
      (l.startsWith(STAGE_PREFIX) || l.startsWith(OUTCOME_PREFIX) || owned.includes(l)),
  );
  return add.length > 0 || remove.length > 0 ? [{ kind: "labels", add, remove }] : [];
}

function followUps(
  definition: WorkflowDefinition,
  state: WorkflowState,
  snapshot: Snapshot,
  roles: RoleMap,
  data: TemplateData,
  posted: Set<string>,
): Action[] {
  const visited = new Set(state.history.map((h) => h.stage));
  return definition.stages
    .filter((s) => visited.has(s.id))
    .flatMap((s) => s.onEnter?.followUps ?? [])
    .filter((f) => !posted.has(`followup:${f.key}`))
    .map((f) => ({
      kind: "follow-up" as const,
      key: f.key,
      titleTemplate: f.titleTemplate,
      template: f.template,
      data,
      assigneeIds: f.assignees
        .flatMap((role) => roles[role] ?? [])
        .flatMap((name) => {
          const user = snapshot.users.get(name);
          return user ? [user.id] : [];
        }),
      mentions: [...new Set(f.assignees.flatMap((role) => roles[role] ?? []))],
    }));
}

function mentions(effect: NoteEffect, roles: RoleMap): string[] {
  return [...new Set(effect.mention.flatMap((role) => roles[role] ?? []))];
}

function namedPeople(roles: RoleMap): string {
  return [...new Set(Object.values(roles).flat())].join(", ");
}

/** Earlier answers stand: the verdict is part of the reply's key, the command in its record. */
function priorAnswers(botNotes: Note[]): Map<string, PriorAnswer> {
  const answers = new Map<string, PriorAnswer>();
  for (const note of botNotes) {
    const match = /^reply:(\d+\.\d+):(accepted|refused)$/.exec(noteKey(note.body) ?? "");
    if (!match) continue;
    const record = commandRecord(note.body);
    answers.set(match[1]!, { verdict: match[2] as Verdict, ...(record ? { record } : {}) });
  }
  return answers;
}

/** The bot's latest note on the issue (by id), its own system notes included. */
function latestBotWrite(snapshot: Snapshot): number | undefined {
  const ids = snapshot.notes.filter((n) => sameUser(n.author, snapshot.bot)).map((n) => n.id);
  return ids.length > 0 ? Math.max(...ids) : undefined;
}

/** Commands not answered yet, for when the data block cannot be read. */
function unansweredCommands(snapshot: Snapshot, botNotes: Note[]) {
  const answered = priorAnswers(botNotes);
  return snapshot.notes
    .filter((n) => !n.system && !sameUser(n.author, snapshot.bot))
    .flatMap((n) =>
      parseCommandLines(n.body).map((line, index) => ({
        id: `${n.id}.${index}`,
        raw: line.raw,
        record: { at: n.createdAt, author: n.author.username, verb: line.verb, args: line.args },
      })),
    )
    .filter((c) => !answered.has(c.id));
}

/** A short stable hash: the same problems never get a second comment. */
function hash(text: string): string {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return (h >>> 0).toString(36);
}

export type { Day, ReplayResult };
