import { sameUser } from "../gitlab/users.js";
import type { WorkflowDefinition } from "../workflows/types.js";
import type { Action } from "./actions.js";
import type { BotHistory } from "./bot-history.js";
import { parseCommandLines } from "./command-parse.js";
import { needsInfoState, type Refusal, refusal } from "./dashboard-state.js";
import type { Day } from "./dates.js";
import { earlierWorkflows } from "./earlier.js";
import { labelActions, NEEDS_INFO, STAGE_PREFIX } from "./issue-labels.js";
import { type NoteDraft, textHash } from "./note-drafts.js";
import { needsInfoSection } from "./section.js";
import type { Snapshot } from "./snapshot.js";

/**
 * What the bot does while the data block cannot be read: ask once for the fix, answer commands with
 * "fix the block first", keep the stage it had, and show the problems in the section.
 */
export function pausedPlan(
  definition: WorkflowDefinition,
  snapshot: Snapshot,
  history: BotHistory,
  problems: string[],
  issueData: Record<string, unknown>,
  today: Day,
  timezone: string,
): { stage?: string; actions: Action[]; notes: NoteDraft[] } {
  const { issue } = snapshot;
  const currentStage = issue.labels.find((l) => l.startsWith(STAGE_PREFIX))?.slice(STAGE_PREFIX.length);
  // No mention: the author and participants are notified of comments anyway, and mentions are
  // limited to people in the data block, which cannot be trusted here.
  const notes: NoteDraft[] = [
    {
      key: `needs-info:${textHash(problems.join("\n"))}`,
      template: "common/needs-info",
      data: { issue: issueData, problems },
      mentions: [],
    },
  ];
  const refused: Refusal[] = [];
  for (const command of unansweredCommands(snapshot, history)) {
    // help and status are answered (the answer is the problem); anything else waits for a fixed block.
    const informative = command.record.verb === "help" || command.record.verb === "status";
    const verdict = informative ? "accepted" : "refused";
    if (!informative)
      refused.push(refusal(command.record.at, command.record.verb, command.record.author, timezone));
    const message = informative
      ? "The workflow is paused: some of the details at the top of this issue need a fix (listed in the comment above and in the description). Fix them and the workflow resumes by itself."
      : "Some of the details at the top of this issue need a fix (see the comment above); fix them first, then try again.";
    notes.push({
      key: `reply:${command.id}:${verdict}`,
      template: "common/command-reply",
      data: { message, command: command.raw, verdict },
      mentions: [],
      record: command.record,
    });
  }
  const known = definition.stages.some((s) => s.id === currentStage) ? currentStage : undefined;
  const actions: Action[] = [
    ...labelActions(issue.labels, [NEEDS_INFO, ...(known ? [STAGE_PREFIX + known] : [])], [NEEDS_INFO]),
    {
      kind: "section",
      model: {
        ...needsInfoSection(definition, known, problems),
        state: needsInfoState(
          definition,
          known ?? "",
          issue,
          today,
          refused,
          earlierWorkflows(issue, snapshot.earlier),
        ),
      },
    },
  ];
  return { ...(known ? { stage: known } : {}), actions, notes };
}

/** Commands not answered yet, for when the data block cannot be read. */
function unansweredCommands(snapshot: Snapshot, history: BotHistory) {
  return snapshot.notes
    .filter((n) => !n.system && !sameUser(n.author, snapshot.bot))
    .flatMap((n) =>
      parseCommandLines(n.body).map((line, index) => ({
        id: `${n.id}.${index}`,
        raw: line.raw,
        record: { at: n.createdAt, author: n.author.username, verb: line.verb, args: line.args },
      })),
    )
    .filter((c) => !history.priorAnswers.has(c.id));
}
