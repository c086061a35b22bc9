import type { Issue } from "../gitlab/port.js";
import type { WorkflowDefinition } from "../workflows/types.js";
import { CONFIRM_USAGE } from "./confirm-people.js";
import { type NoteDraft, textHash } from "./note-drafts.js";
import { issueData } from "./notices.js";
import {
  changesTeamMember,
  describeChanges,
  PEOPLE_RECORD_KEY,
  type PeopleChange,
  type PeopleRecord,
  personKey,
} from "./people-record.js";
import { describeRoles, peopleIn, type RoleMap } from "./roles.js";

/** The note that puts the people on record when the workflow starts; its marker is the record. */
export function recordNote(issue: Issue, definition: WorkflowDefinition, record: PeopleRecord): NoteDraft {
  const people = Object.entries(record.fields)
    .map(([field, value]) => `${field.replace(/_/g, " ")} ${[value].flat().map(personKey).join(", ")}`)
    .join("; ");
  return {
    key: PEOPLE_RECORD_KEY,
    template: "common/people-record",
    data: { issue: issueData(issue, definition), people, confirm: CONFIRM_USAGE },
    mentions: [],
    people: record,
  };
}

/**
 * Says once (keyed by the change) that the description names other people than the record, who
 * may accept it and how, mentioning the people being replaced and the manager on record (people
 * ops instead when that manager has left the instance).
 */
export function changeNote(
  issue: Issue,
  definition: WorkflowDefinition,
  changes: PeopleChange[],
  roles: RoleMap,
  departed: ReadonlySet<string>,
): NoteDraft[] {
  if (changes.length === 0) return [];
  const managers = peopleIn(roles, ["manager"]);
  const managerLeft = managers.length > 0 && managers.every((m) => departed.has(m));
  const replaced = changes.flatMap((c) => (c.from && !departed.has(c.from) ? [c.from] : []));
  const deciders = changesTeamMember(changes) || managerLeft ? [] : ["manager"];
  const mentioned = [...replaced, ...(managerLeft ? peopleIn(roles, ["people_ops"]) : managers)];
  return [
    {
      key: `people-change:${textHash(describeChanges(changes))}`,
      template: "common/people-change",
      data: {
        issue: issueData(issue, definition),
        changes: describeChanges(changes),
        who: whoConfirms(roles, changes, managerLeft, managers, deciders),
        confirm: CONFIRM_USAGE,
      },
      mentions: [...new Set(mentioned)],
    },
  ];
}

function whoConfirms(
  roles: RoleMap,
  changes: PeopleChange[],
  managerLeft: boolean,
  managers: string[],
  deciders: string[],
): string {
  const who = describeRoles(roles, deciders);
  if (changesTeamMember(changes)) return `${who}, since a new team member makes it another person's workflow`;
  if (managerLeft) return `${who}, since the manager on record (${managers.join(", ")}) has left`;
  return `the ${who}`;
}

/** The section's line while a change waits: the people on record act until it is confirmed. */
export function pendingLine(changes: PeopleChange[]): string[] {
  if (changes.length === 0) return [];
  return [
    `Change of people waiting for confirmation: ${describeChanges(changes)}. Until the manager on record or people ops confirm it, the people on record act.`,
  ];
}
