import type { Issue, IssueUpdate } from "../gitlab/port.js";
import type { Action, Plan, SectionModel } from "./actions.js";
import { carryTicks, sectionTicks } from "./checklist.js";
import { stateMarker } from "./dashboard-state.js";
import {
  commandRecordMarker,
  findSection,
  followUpMarker,
  followUpToken,
  noteMarker,
  SECTION_BEGIN,
  SECTION_END,
} from "./markers.js";
import { peopleRecordMarker } from "./people-record.js";
import { canonicalFollowUp, type PostedNote, type RaceOptions, withdrawDuplicates } from "./races.js";
import type { Renderer } from "./render.js";
import type { StateSigner } from "./state-signature.js";
import { issueRef, type WriteRecord } from "./write-record.js";
import { budgetedWriter, type Write, type WriterOptions } from "./writer.js";

export interface ApplyOptions extends WriterOptions, RaceOptions {
  renderer: Renderer;
  /** Signs the section's state marker (state-signature.ts); without it the marker goes unsigned. */
  stateSigner?: StateSigner;
}

/** Every performed (or, in a dry run, planned) write, with the text it posts. */
export interface ApplyResult {
  writes: WriteRecord[];
}

/**
 * Performs a plan through the port, once each. Rendering, the dry run and the write budget live
 * here only. Every step is an "ensure": re-running a plan that was already applied writes nothing.
 *
 * Order: notes and follow-ups first, then one update with the section, labels, due date and closing
 * (one PUT where there used to be two: every write counts). The section's fresh read also tells
 * whether anyone else commented meanwhile. Closing comes last so that a run dying halfway leaves an
 * open issue, which the next sweep still finds.
 */
export async function apply(plan: Plan, options: ApplyOptions): Promise<ApplyResult> {
  const writes: WriteRecord[] = [];
  const { port, renderer } = options;
  const issue = issueRef(plan.project, plan.iid);
  const write = budgetedWriter(options, writes);

  const update: IssueUpdate = {};
  const posted: PostedNote[] = [];
  let section: SectionModel | undefined;
  for (const action of plan.actions) {
    switch (action.kind) {
      case "section":
        section = action.model;
        break;
      case "labels":
        if (action.add.length > 0) update.addLabels = action.add;
        if (action.remove.length > 0) update.removeLabels = action.remove;
        break;
      case "due-date":
        update.dueDate = action.date;
        break;
      case "close":
        update.stateEvent = "close";
        break;
      case "note": {
        const { message, ...data } = action.data;
        const trusted = typeof message === "string" ? { message } : {};
        const record = action.record ? `\n${commandRecordMarker(action.record)}` : "";
        const people = action.people ? `\n${peopleRecordMarker(action.people)}` : "";
        const body = `${renderer.render(action.template, data, trusted, action.mentions)}\n\n${noteMarker(action.key)}${record}${people}`;
        await postNote(plan, action.key, body, options, write, posted, action.internal);
        break;
      }
      case "follow-up":
        await ensureFollowUp(plan, action, options, write, posted);
        break;
    }
  }
  const fresh = section ? await sectionUpdate(plan, section, options, posted.length > 0) : undefined;
  if (fresh?.description !== undefined) update.description = fresh.description;
  if (posted.length > 0 && !options.dryRun)
    await withdrawDuplicates(plan, posted, fresh?.issue, options, write);
  if (Object.keys(update).length > 0) {
    const { description: _, ...changes } = update;
    const record: WriteRecord = { kind: "update", issue, what: `update ${describeUpdate(update)}` };
    if (fresh?.section !== undefined && update.description !== undefined) record.text = fresh.section;
    if (Object.keys(changes).length > 0) record.changes = changes;
    await write(record, () => port.updateIssue(plan.project, plan.iid, update));
  }
  return { writes };
}

async function postNote(
  plan: Plan,
  key: string,
  body: string,
  options: ApplyOptions,
  write: Write,
  posted: PostedNote[],
  internal = false,
): Promise<void> {
  const record: WriteRecord = {
    kind: "note",
    issue: issueRef(plan.project, plan.iid),
    key,
    what: `note ${key}`,
    text: body,
  };
  await write(record, async () => {
    const note = await options.port.createNote(
      plan.project,
      plan.iid,
      body,
      internal ? { internal } : undefined,
    );
    posted.push({ key, id: note.id });
  });
}

/**
 * The description with the bot's section replaced, from a read made right before the write (a PUT
 * has no lock), carrying over every tick made since the snapshot; nothing outside the section
 * changes. `description` is absent when there is nothing to write. When the section would come out
 * as the snapshot already has it, the fresh read is skipped too, unless `needFresh` (notes were
 * posted, see `withdrawDuplicates`).
 */
async function sectionUpdate(
  plan: Plan,
  model: SectionModel,
  options: ApplyOptions,
  needFresh: boolean,
): Promise<{ issue?: Issue; description?: string; section?: string }> {
  const { diagram, picture, commands, guidance, texts, state, ...data } = model;
  // The diagrams, the command usage and the guidance are the bot's own text, never a person's.
  const guidanceText = guidance ? options.renderer.render(guidance, { ...texts, outcome: data.outcome }) : "";
  const trusted = { diagram, picture, commands, guidance: guidanceText };
  const rendered = options.renderer.render("section", { ...texts, ...data }, trusted);
  // The state marker goes last, right before the end marker: the only place the dashboard reads it.
  const sign =
    options.stateSigner &&
    ((payload: string) => options.stateSigner!.sign({ projectId: plan.project, iid: plan.iid }, payload));
  const marker = state ? `\n${stateMarker(state, sign)}` : "";
  const sectionOf = (description: string) =>
    `${SECTION_BEGIN}\n${carryTicks(rendered, sectionTicks(description))}${marker}\n${SECTION_END}`;
  const withTicks = (description: string) => replaceSection(description, sectionOf(description));
  const seen = options.seen?.description;
  if (!needFresh && seen !== undefined && withTicks(seen) === seen) return {};
  const issue = await options.port.getIssue(plan.project, plan.iid);
  const description = withTicks(issue.description);
  return description === issue.description
    ? { issue }
    : { issue, description, section: sectionOf(issue.description) };
}

export function replaceSection(description: string, section: string): string {
  const bounds = findSection(description);
  if (bounds) return description.slice(0, bounds.start) + section + description.slice(bounds.end);
  return description.trim().length > 0 ? `${section}\n\n${description}` : section;
}

/**
 * A follow-up issue is created once: a bot note on the parent records it; if a run died between
 * creating the issue and writing that note, the search by the issue's marker finds it. Should a
 * racing run have created one too, the oldest stands and the others are withdrawn (see races.ts).
 */
async function ensureFollowUp(
  plan: Plan,
  action: Extract<Action, { kind: "follow-up" }>,
  options: ApplyOptions,
  write: Write,
  posted: PostedNote[],
): Promise<void> {
  const { port, renderer } = options;
  const token = followUpToken(plan.project, plan.iid, action.key);
  const recordKey = `followup:${action.key}`;
  const title = renderer.render(action.titleTemplate, action.data).split("\n")[0]!.slice(0, 250);
  const body = `${renderer.render(action.template, action.data, {}, action.mentions)}\n\n${followUpMarker(token)}`;
  const created = (what: string): WriteRecord => ({
    kind: "issue",
    issue: issueRef(plan.project, plan.iid),
    key: action.key,
    what,
    title,
    text: body,
  });
  if (options.dryRun) {
    await write(created(`follow-up ${action.key} (if not created yet)`), async () => {});
    return;
  }
  let child = await canonicalFollowUp(plan, token, options, write);
  if (!child) {
    await write(created(`create follow-up ${action.key}`), () =>
      port.createIssue(plan.project, {
        title,
        description: body,
        labels: [],
        confidential: true,
        assigneeIds: action.assigneeIds,
      }),
    );
    // Searched again rather than taken from the answer: a racing run may have made one first.
    child = await canonicalFollowUp(plan, token, options, write);
  }
  if (!child) return;
  const linked = child;
  const link: WriteRecord = {
    kind: "link",
    issue: issueRef(plan.project, plan.iid),
    key: action.key,
    what: `link follow-up #${linked.iid}`,
  };
  await write(link, () =>
    port.linkIssues(plan.project, plan.iid, { projectId: linked.projectId, iid: linked.iid }),
  );
  const note = `${renderer.render("common/follow-up-created", { ...action.data, child: { iid: child.iid } })}\n\n${noteMarker(recordKey)}`;
  await postNote(plan, recordKey, note, options, write, posted);
}

function describeUpdate(update: IssueUpdate): string {
  const parts: string[] = [];
  if (update.description !== undefined) parts.push("section");
  if (update.addLabels) parts.push(`+${update.addLabels.join(",")}`);
  if (update.removeLabels) parts.push(`-${update.removeLabels.join(",")}`);
  if (update.dueDate !== undefined) parts.push(`due ${update.dueDate ?? "none"}`);
  if (update.stateEvent) parts.push(update.stateEvent);
  return parts.join(" ");
}
