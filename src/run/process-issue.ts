import { apply } from "../engine/apply.js";
import { decide } from "../engine/decide.js";
import type { WriteRecord } from "../engine/write-record.js";
import type { Issue, ProjectRef } from "../gitlab/port.js";
import { workflowFor } from "../workflows/index.js";
import type { RunContext } from "./context.js";
import { readSnapshot } from "./read.js";

export interface IssueOutcome {
  ref: string;
  workflow?: string;
  stage?: string;
  writes: WriteRecord[];
  skipped?: string;
}

/** read -> decide -> apply for one issue. Errors propagate: the caller lists them per issue. */
export async function processIssue(
  ctx: RunContext,
  project: ProjectRef,
  issue: Issue,
  options: { verifyUsers: boolean },
): Promise<IssueOutcome> {
  const ref = `${issue.projectId}#${issue.iid}`;
  const definition = workflowFor(issue.labels);
  if (!definition) return { ref, writes: [], skipped: "no career:: workflow label" };
  const snapshot = await readSnapshot(ctx, definition, project, issue, options);
  const plan = decide({ definition, snapshot, config: ctx.config, now: ctx.now });
  // A closed workflow issue was finished by the bot or set aside by people: the bot still answers
  // commands (every command gets a reply) but changes nothing else until the issue is reopened.
  if (issue.state === "closed") {
    plan.actions = plan.actions.filter((a) => a.kind === "note" && a.key.startsWith("reply:"));
  }
  const result = await apply(plan, {
    port: ctx.port,
    renderer: ctx.renderer,
    bot: ctx.bot,
    dryRun: ctx.dryRun,
    budget: ctx.budget,
    pacer: ctx.pacer,
    stateSigner: ctx.stateSigner,
    seen: { description: issue.description, comments: snapshot.notes.filter((n) => !n.system).length },
  });
  return { ref, workflow: definition.id, stage: plan.stage, writes: result.writes };
}
