import type { Config } from "../config/schema.js";
import type { WorkflowDefinition } from "../workflows/types.js";
import type { Plan } from "./actions.js";
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
import { describeProblem, validateData } from "./problems.js";
import { replay } from "./replay.js";
import { commandReplies, tickRefusals } from "./replies.js";
import { type RoleMap, roleMap } from "./roles.js";
import type { Snapshot } from "./snapshot.js";
import { entryNotes, reminderNotes } from "./stage-notes.js";
import { textContext, withTextContext } from "./text-context.js";
import { contextOf, stageOf } from "./workflow-state.js";

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

  const validated = validateData(definition, readDataBlock(issue.description), config, snapshot.users);
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
  const roles = roleMap(definition, data, {}, config);
  const { state, commands, refusedTicks } = replay(
    replayInput(definition, data, config, roles, snapshot, history, now),
  );
  const input = { definition, data, config };
  const today = dayOf(now, config.timezone);
  const stage = stageOf(definition, state.stage);
  const ctx = contextOf(input, state, today);
  const noteData = {
    issue: issueData(issue, definition),
    data,
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
    ...dataWarnings(issue, definition, data, config),
    ...tickRefusals(refusedTicks, roles),
    ...commandReplies(commands, definition, roles),
    ...entryNotes(definition, stage, state, ctx, noteData, roles),
    ...reminderNotes(input, state, today, noteData, roles),
  ];
  return {
    ...plan,
    stage: stage.id,
    actions: withTextContext(
      [
        ...statusActions(
          input,
          roles,
          issue,
          stage,
          state,
          today,
          refusals,
          earlierWorkflows(issue, snapshot.earlier),
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
    botWatermark: history.watermark,
  };
}
