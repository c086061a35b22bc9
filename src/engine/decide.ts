import type { Config } from "../config/schema.js";
import type { WorkflowDefinition } from "../workflows/types.js";
import type { Action, Plan } from "./actions.js";
import { type BotHistory, botHistory } from "./bot-history.js";
import { recentRefusals } from "./dashboard-state.js";
import { readDataBlock } from "./data-block.js";
import { dayOf } from "./dates.js";
import { earlierWorkflows } from "./earlier.js";
import { followUps } from "./follow-ups.js";
import { closeAction, statusActions } from "./issue-status.js";
import { newNotes } from "./note-drafts.js";
import { confidentialityNotice, dataWarnings, fixedNotice, issueData } from "./notices.js";
import { pausedPlan } from "./paused-plan.js";
import { changeNote, pendingLine, recordNote } from "./people-notes.js";
import { type PeopleChange, peopleChanges, recordOf, withPeople } from "./people-record.js";
import { describeProblem, validateData } from "./problems.js";
import { replay } from "./replay.js";
import { commandReplies, tickRefusals } from "./replies.js";
import { type RoleMap, roleMap } from "./roles.js";
import type { Snapshot } from "./snapshot.js";
import { entryNotes, reminderNotes } from "./stage-notes.js";
import { textContext, withTextContext } from "./text-context.js";
import { contextOf, type ReplayInput, stageOf } from "./workflow-state.js";

/** The section's "At a glance" says when a change of people waits for confirmation. */
function withPendingChange(actions: Action[], changes: PeopleChange[]): Action[] {
  const lines = pendingLine(changes);
  if (lines.length === 0) return actions;
  return actions.map((action) =>
    action.kind === "section"
      ? { ...action, model: { ...action.model, summary: [...action.model.summary, ...lines] } }
      : action,
  );
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
 * Each step is a small pure function; notes are drafted with keys and only new keys are posted.
 */
export function decide({ definition, snapshot, config, now }: DecideInput): Plan {
  const { issue } = snapshot;
  const plan: Plan = { project: issue.projectId, iid: issue.iid, workflow: definition.id, actions: [] };
  const history = botHistory(snapshot);
  const warning = confidentialityNotice(issue, definition);

  const validated = validateData(
    definition,
    readDataBlock(issue.description),
    config,
    snapshot.users,
    snapshot.bot.username,
  );
  if (!validated.ok) {
    const problems = validated.problems.map(describeProblem);
    const today = dayOf(now, config.timezone);
    const paused = pausedPlan(
      definition,
      snapshot,
      history,
      problems,
      issueData(issue, definition),
      today,
      config.timezone,
    );
    const notes = newNotes([...warning, ...paused.notes], history, snapshot);
    const texts = textContext(config, definition.id, paused.stage);
    return { ...plan, stage: paused.stage, actions: withTextContext([...paused.actions, ...notes], texts) };
  }

  const { data } = validated;
  // The people act as the bot recorded them, not as the description reads now (people-record.ts).
  const proposedRecord = recordOf(definition, data, snapshot.users);
  const starting = history.peopleRecord ?? proposedRecord;
  const pinned = starting ? withPeople(definition, data, starting) : data;
  const proposed = {
    data,
    roles: roleMap(definition, data, {}, config),
    ...(proposedRecord ? { record: proposedRecord } : {}),
  };
  const replayed = replay(
    replayInput(
      definition,
      pinned,
      config,
      roleMap(definition, pinned, {}, config),
      snapshot,
      history,
      now,
      proposed,
    ),
  );
  const { state, commands, refusedTicks, roles } = replayed;
  const changes = peopleChanges(definition, replayed.data, data);
  const input = { definition, data: replayed.data, config };
  const today = dayOf(now, config.timezone);
  const stage = stageOf(definition, state.stage);
  const ctx = contextOf(input, state, today);
  const noteData = {
    issue: issueData(issue, definition),
    data: replayed.data,
    facts: state.facts,
    extra: definition.noteData?.(ctx as never) ?? {},
    stage: stage.title,
    outcome: state.outcome,
    config,
  };
  const refusals = recentRefusals(commands, snapshot.notes, config.timezone);
  const drafts = [
    ...warning,
    ...fixedNotice(issue, definition, history),
    ...(history.peopleRecord || !starting ? [] : [recordNote(issue, definition, starting)]),
    ...dataWarnings(issue, definition, data, config),
    ...changeNote(issue, definition, changes, roles, snapshot.departed ?? new Set()),
    ...tickRefusals(refusedTicks, roles, history.refusedTickIds),
    ...commandReplies(commands, definition, roles),
    ...entryNotes(definition, stage, state, ctx, noteData, roles),
    ...reminderNotes(input, state, today, noteData, roles),
  ];
  return {
    ...plan,
    stage: stage.id,
    actions: withTextContext(
      [
        ...withPendingChange(
          statusActions(
            input,
            roles,
            issue,
            stage,
            state,
            today,
            refusals,
            earlierWorkflows(issue, snapshot.earlier),
          ),
          changes,
        ),
        ...followUps(definition, state, snapshot, roles, noteData, history.posted),
        ...newNotes(drafts, history, snapshot),
        ...closeAction(issue, stage, state),
      ],
      textContext(config, definition.id, stage.id),
    ),
  };
}

function replayInput(
  definition: WorkflowDefinition,
  data: unknown,
  config: Config,
  roles: RoleMap,
  snapshot: Snapshot,
  history: BotHistory,
  now: Date,
  proposed: ReplayInput["proposed"],
) {
  return {
    definition,
    data,
    config,
    roles,
    notes: snapshot.notes,
    botUsername: snapshot.bot.username,
    issueCreatedAt: snapshot.issue.createdAt,
    issueClosed: snapshot.issue.state === "closed",
    users: snapshot.users,
    now,
    priorAnswers: history.priorAnswers,
    refusedTickIds: history.refusedTickIds,
    ...(proposed ? { proposed } : {}),
  };
}
