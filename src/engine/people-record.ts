import type { Note, User } from "../gitlab/port.js";
import { sameUser } from "../gitlab/users.js";
import type { WorkflowDefinition } from "../workflows/types.js";
import { noteKey } from "./markers.js";

/*
 * The people of a running workflow, as the bot recorded them: every participant can edit the
 * description, so the people who decide cannot live only there. The bot keeps them in a marker of
 * its own notes (the `people:record` note when the workflow starts, then each accepted
 * `/career confirm people` reply), with the user ids, so a run needs no lookup for them.
 */

export const PEOPLE_RECORD_KEY = "people:record";

export interface PeopleRecord {
  /** The data block's people fields by top-level key, as confirmed (`manager: bob`, `reports: [x, y]`). */
  fields: Record<string, string | string[]>;
  /** Lower-cased username (no `@`) -> GitLab user id, for every person of `fields`. */
  ids: Record<string, number>;
}

export interface PeopleChange {
  /** The people field (`manager`, `reports.1`). */
  field: string;
  from?: string;
  to?: string;
}

const MARKER = /<!-- career-bot:people ([A-Za-z0-9_-]+) -->/;

export function peopleRecordMarker(record: PeopleRecord): string {
  return `<!-- career-bot:people ${Buffer.from(JSON.stringify(record)).toString("base64url")} -->`;
}

/** The record in a bot note, or undefined. Only call this on notes authored by the bot user. */
export function parsePeopleRecord(body: string): PeopleRecord | undefined {
  const match = MARKER.exec(body);
  if (!match) return undefined;
  try {
    const value = JSON.parse(Buffer.from(match[1]!, "base64url").toString("utf8")) as Partial<PeopleRecord>;
    if (!isObject(value.fields) || !isObject(value.ids)) return undefined;
    const fields: PeopleRecord["fields"] = {};
    for (const [key, v] of Object.entries(value.fields)) {
      if (typeof v === "string" || (Array.isArray(v) && v.every((x) => typeof x === "string")))
        fields[key] = v;
      else return undefined;
    }
    const ids: PeopleRecord["ids"] = {};
    for (const [name, id] of Object.entries(value.ids)) {
      if (typeof id !== "number" || !Number.isInteger(id)) return undefined;
      ids[name] = id;
    }
    return { fields, ids };
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Lower-cased, without the `@`: how two spellings of one username compare. */
export function personKey(username: string): string {
  return username.replace(/^@/, "").toLowerCase();
}

/** The bot's notes that carry a people record, oldest first (by id: ids grow with time and never tie). */
export function recordNotes(notes: Note[], bot: User): { note: Note; record: PeopleRecord }[] {
  return notes
    .filter((n) => !n.system && sameUser(n.author, bot))
    .flatMap((note) => {
      const record = parsePeopleRecord(note.body);
      return record ? [{ note, record }] : [];
    })
    .sort((a, b) => a.note.id - b.note.id);
}

/** The record the workflow started with: the first `people:record` note of the bot's, if any. */
export function startingRecord(notes: Note[], bot: User): PeopleRecord | undefined {
  return recordNotes(notes, bot).find(({ note }) => noteKey(note.body) === PEOPLE_RECORD_KEY)?.record;
}

/** Everyone any record of the bot's names, with their ids: the users a run need not look up. */
export function recordedUsers(notes: Note[], bot: User): Map<string, User> {
  const users = new Map<string, User>();
  for (const { record } of recordNotes(notes, bot)) {
    for (const [username, id] of Object.entries(record.ids)) users.set(username, { id, username });
  }
  return users;
}

/** The top-level keys of the data block that hold people (`reports.1` lives in `reports`). */
function peopleKeys(definition: WorkflowDefinition, data: unknown): string[] {
  return [...new Set(Object.keys(definition.people(data as never)).map((field) => field.split(".")[0]!))];
}

/**
 * The record of the people a valid data block names, or undefined when a user id is not known
 * (`users` holds the people looked up for this run, recorded people included).
 */
export function recordOf(
  definition: WorkflowDefinition,
  data: unknown,
  users: ReadonlyMap<string, User | null>,
): PeopleRecord | undefined {
  const block = data as Record<string, unknown>;
  const fields: PeopleRecord["fields"] = {};
  for (const key of peopleKeys(definition, data)) {
    const value = block[key];
    if (typeof value === "string" || (Array.isArray(value) && value.every((v) => typeof v === "string")))
      fields[key] = value as string | string[];
  }
  const ids: PeopleRecord["ids"] = {};
  for (const name of Object.values(definition.people(data as never))) {
    if (!name) continue;
    const user = users.get(personKey(name));
    if (!user) return undefined;
    ids[personKey(name)] = user.id;
  }
  return { fields, ids };
}

/**
 * The data block with its people replaced by the recorded ones: dates, levels and the rest are the
 * description's, the people are the bot's. A people field the record does not have is left empty.
 */
export function withPeople(definition: WorkflowDefinition, data: unknown, record: PeopleRecord): unknown {
  const pinned: Record<string, unknown> = { ...(data as Record<string, unknown>) };
  for (const key of peopleKeys(definition, data)) delete pinned[key];
  for (const [key, value] of Object.entries(record.fields))
    pinned[key] = Array.isArray(value) ? [...value] : value;
  return pinned;
}

/** Who changed to whom, field by field, between the people on record and the data block's. */
export function peopleChanges(
  definition: WorkflowDefinition,
  recorded: unknown,
  current: unknown,
): PeopleChange[] {
  const before = definition.people(recorded as never);
  const after = definition.people(current as never);
  const changes: PeopleChange[] = [];
  for (const field of [...new Set([...Object.keys(before), ...Object.keys(after)])]) {
    const from = before[field] ? personKey(before[field]) : undefined;
    const to = after[field] ? personKey(after[field]) : undefined;
    if (from === to) continue;
    changes.push({ field, ...(from ? { from } : {}), ...(to ? { to } : {}) });
  }
  return changes;
}

/** "manager bob → eve", "people business partner (none) → pat": plain words for notes and the section. */
export function describeChanges(changes: PeopleChange[]): string {
  return changes
    .map((c) => `${c.field.replace(/_/g, " ")} ${c.from ?? "(none)"} → ${c.to ?? "(none)"}`)
    .join(", ");
}

/** Whether the change touches the person the workflow is about: only people ops may confirm that. */
export function changesTeamMember(changes: PeopleChange[]): boolean {
  return changes.some((c) => c.field === "team_member");
}
