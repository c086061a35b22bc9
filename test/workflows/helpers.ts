import type { Config } from "../../src/config/schema.js";
import type { Action, SectionModel } from "../../src/engine/actions.js";
import { decide } from "../../src/engine/decide.js";
import { noteMarker } from "../../src/engine/markers.js";
import { Renderer } from "../../src/engine/render.js";
import type { Note, User } from "../../src/gitlab/port.js";
import type { WorkflowDefinition } from "../../src/workflows/types.js";
import { bot, config as defaults, issue, snapshot, yamlBlock } from "../support/snapshots.js";

/** Table-test helpers for one workflow: decide on plain objects at a chosen `now`. */
export interface Walk {
  definition: WorkflowDefinition;
  block: Record<string, unknown>;
  createdAt: string;
  config?: Config;
}

export function planAt(
  walk: Walk,
  notes: Note[],
  now: string,
  options: { block?: Record<string, unknown>; users?: Record<string, User | null> } = {},
) {
  const i = issue({
    title: `${walk.definition.title}: test`,
    labels: [walk.definition.label],
    description: yamlBlock(options.block ?? walk.block),
    createdAt: walk.createdAt,
    updatedAt: walk.createdAt,
  });
  return decide({
    definition: walk.definition,
    snapshot: snapshot(i, notes, options.users ?? {}),
    config: walk.config ?? defaults,
    now: new Date(now),
  });
}

export const notesOf = (actions: Action[]) => actions.flatMap((a) => (a.kind === "note" ? [a] : []));
export const templatesOf = (actions: Action[]) => notesOf(actions).map((n) => n.template);
export const labelsOf = (actions: Action[]) => actions.find((a) => a.kind === "labels");
export const dueOf = (actions: Action[]) => actions.find((a) => a.kind === "due-date");

export function sectionOf(actions: Action[]): SectionModel {
  const section = actions.find((a) => a.kind === "section");
  if (section?.kind !== "section") throw new Error("no section action");
  return section.model;
}

export function checklistOf(actions: Action[]): string[] {
  return sectionOf(actions).checklist.map((line) => line.text);
}

/** The reply to a command note: its verdict (from the key) and message. */
export function replyTo(actions: Action[], note: Note) {
  const reply = notesOf(actions).find((n) => n.key.startsWith(`reply:${note.id}.0:`));
  if (!reply) throw new Error(`no reply to note ${note.id}`);
  return { verdict: reply.key.split(":").at(-1), message: String(reply.data.message) };
}

/** The problems listed in the needs-info comment. */
export function problemsOf(actions: Action[]): string[] {
  const note = notesOf(actions).find((n) => n.template === "common/needs-info");
  return (note?.data.problems as string[] | undefined) ?? [];
}

let botNoteId = 90_000;
/** The bot's notes for the notes a plan posts, as GitLab would list them on the next run. */
export function posted(actions: Action[], at: string): Note[] {
  return notesOf(actions).map((n) => ({
    id: ++botNoteId,
    body: `(rendered)\n\n${noteMarker(n.key)}`,
    author: bot,
    system: false,
    internal: false,
    createdAt: at,
  }));
}

/**
 * A walk through time: people's notes are added as they happen, and what each run posts is kept, so
 * the next run sees it (a note is posted once) as it would on GitLab.
 */
export function walker(walk: Walk) {
  const human: Note[] = [];
  const bots: Note[] = [];
  return {
    add(...notes: Note[]) {
      human.push(...notes);
    },
    at(now: string, options: Parameters<typeof planAt>[3] = {}) {
      const plan = planAt(walk, [...human, ...bots], now, options);
      bots.push(...posted(plan.actions, now));
      return plan;
    },
  };
}

const renderer = new Renderer();
/** A planned note as apply renders it: data escaped, only the bot's own `message` trusted. */
export function renderNote(action: Action): string {
  if (action.kind !== "note") throw new Error("not a note");
  const { message, ...data } = action.data;
  return renderer.render(
    action.template,
    data,
    typeof message === "string" ? { message } : {},
    action.mentions,
  );
}
