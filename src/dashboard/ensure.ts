import { noteKey, noteMarker } from "../engine/markers.js";
import { CONFIDENTIAL_WARNING } from "../engine/notices.js";
import { issueRef, type WriteRecord } from "../engine/write-record.js";
import { budgetedWriter } from "../engine/writer.js";
import type { Issue, ProjectRef } from "../gitlab/port.js";
import type { RunContext } from "../run/context.js";
import type { DashboardDecision } from "./decide.js";
import { DASHBOARD_LABEL } from "./input.js";
import { recheckTicked, sameText } from "./lifecycle-text.js";
import { PUBLIC_DASHBOARD_TEXT } from "./public-text.js";

/** What keeping the dashboard did: its writes (for the summary's count) and a line for people. */
export interface DashboardOutcome {
  writes: WriteRecord[];
  line?: string;
}

/* The workflows' warning, so a person reads the same words on the dashboard. */
const { key: WARNING_KEY, template: WARNING_TEMPLATE } = CONFIDENTIAL_WARNING;

/**
 * Applies a decision through the port. Writes go through the run's budgeted writer, so the dry
 * run, `max_writes_per_run` and trigger-mode pacing hold for the dashboard as for any issue.
 * `current` is the open dashboard as the run read it (absent when there is none).
 */
export async function ensureDashboard(
  ctx: RunContext,
  project: ProjectRef,
  decision: DashboardDecision,
  current: Issue | undefined,
): Promise<DashboardOutcome> {
  const writes: WriteRecord[] = [];
  const write = budgetedWriter(ctx, writes);
  switch (decision.kind) {
    case "nothing":
      return { writes };
    case "create": {
      const why = decision.previous === undefined ? "" : ` (#${decision.previous} was closed)`;
      const record: WriteRecord = {
        kind: "issue",
        issue: issueRef(project),
        key: "dashboard",
        what: `create dashboard issue${why}`,
        title: decision.title,
        text: decision.description,
      };
      await write(record, () =>
        ctx.port.createIssue(project, {
          title: decision.title,
          description: decision.description,
          labels: [DASHBOARD_LABEL],
          confidential: true,
        }),
      );
      return { writes };
    }
    case "update":
      return update(ctx, project, decision, current, write, writes);
    case "not-confidential":
      return warn(ctx, project, decision.iid, decision.description !== undefined, write, writes);
  }
}

/**
 * A description PUT has no lock: re-read right before writing. A re-check box ticked since the run
 * read the dashboard must not be overwritten unticked before anything was re-checked: leave it for
 * the next event or sweep, which will see it.
 */
async function update(
  ctx: RunContext,
  project: ProjectRef,
  decision: Extract<DashboardDecision, { kind: "update" }>,
  current: Issue | undefined,
  write: ReturnType<typeof budgetedWriter>,
  writes: WriteRecord[],
): Promise<DashboardOutcome> {
  const fresh = await ctx.port.getIssue(project, decision.iid);
  if (!fresh.confidential) {
    const blank = !sameText(fresh.description, PUBLIC_DASHBOARD_TEXT);
    return warn(ctx, project, decision.iid, blank, write, writes);
  }
  if (recheckTicked(fresh.description) && !recheckTicked(current?.description ?? "")) {
    return { writes, line: `dashboard #${decision.iid}: re-check ticked meanwhile; the next run re-checks` };
  }
  const title = decision.title !== undefined && decision.title !== fresh.title ? decision.title : undefined;
  const description =
    decision.description !== undefined && !sameText(decision.description, fresh.description)
      ? decision.description
      : undefined;
  if (title === undefined && description === undefined) return { writes };
  const record: WriteRecord = {
    kind: "update",
    issue: issueRef(fresh.projectId, fresh.iid),
    key: "dashboard",
    what: `update dashboard${title === undefined ? "" : " title"}${description === undefined ? "" : " description"}`,
    ...(description === undefined ? {} : { text: description }),
  };
  await write(record, () =>
    ctx.port.updateIssue(project, decision.iid, {
      ...(title === undefined ? {} : { title }),
      ...(description === undefined ? {} : { description }),
    }),
  );
  return { writes };
}

/**
 * A person made the dashboard readable by everyone in the project. It lists people's career
 * workflows, so the bot first replaces its content with a short text that names nobody (`blank`:
 * it does not read so yet), then says why, once, as it does on a workflow issue.
 */
async function warn(
  ctx: RunContext,
  project: ProjectRef,
  iid: number,
  blank: boolean,
  write: ReturnType<typeof budgetedWriter>,
  writes: WriteRecord[],
): Promise<DashboardOutcome> {
  const line = `dashboard #${iid} is not confidential: its content is removed until it is confidential again`;
  if (blank) {
    const record: WriteRecord = {
      kind: "update",
      issue: issueRef(project, iid),
      key: "dashboard",
      what: "update dashboard description (not confidential: content removed)",
      text: PUBLIC_DASHBOARD_TEXT,
    };
    await write(record, () => ctx.port.updateIssue(project, iid, { description: PUBLIC_DASHBOARD_TEXT }));
  }
  const notes = await ctx.port.listNotes(project, iid);
  const warned = notes.some((note) => note.author.id === ctx.bot.id && noteKey(note.body) === WARNING_KEY);
  if (warned) return { writes, line };
  const issue = { iid, title: ctx.config.dashboard.title, workflow: "dashboard" };
  const body = `${ctx.renderer.render(WARNING_TEMPLATE, { issue })}\n\n${noteMarker(WARNING_KEY)}`;
  const record: WriteRecord = {
    kind: "note",
    issue: issueRef(project, iid),
    key: WARNING_KEY,
    what: `note ${WARNING_KEY}`,
    text: body,
  };
  await write(record, () => ctx.port.createNote(project, iid, body));
  return { writes, line };
}
