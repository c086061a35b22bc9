import type { CommandLine } from "./command-parse.js";
import { changesTeamMember, describeChanges, type PeopleRecord, peopleChanges } from "./people-record.js";
import { describeRoles, hasRole, type RoleMap } from "./roles.js";
import type { ReplayInput, Verdict } from "./workflow-state.js";

export const CONFIRM_USAGE = "/career confirm people";

/** The people an accepted confirmation puts on record: the block's data, its roles, and the record kept in the reply. */
export interface ConfirmedPeople {
  data: unknown;
  roles: RoleMap;
  record: PeopleRecord;
}

export interface ConfirmJudgement {
  verdict: Verdict;
  message: string;
  people?: ConfirmedPeople;
}

/**
 * `/career confirm people`: accepts the people the description names now in place of the people on
 * record. The manager on record or people ops may confirm; a change of the team member is another
 * person's workflow, so only people ops may. Judged against the people on record at the command's
 * time (`input.data`, `input.roles`), so a person the description newly names cannot confirm themself.
 */
export function judgeConfirm(input: ReplayInput, line: CommandLine, author: string): ConfirmJudgement {
  if (line.args.length !== 1 || line.args[0]!.toLowerCase() !== "people") {
    return refuse(`Usage: \`${CONFIRM_USAGE}\` (the only thing to confirm is a change of people).`);
  }
  const proposed = input.proposed;
  const changes = proposed ? peopleChanges(input.definition, input.data, proposed.data) : [];
  if (!proposed || changes.length === 0) {
    return refuse(
      "Nothing to confirm: the people in the description are the people on record. Edit the details at the top first, then confirm.",
    );
  }
  const deciders = changesTeamMember(changes) ? [] : ["manager"];
  if (!hasRole(input.roles, deciders, author)) {
    const who = describeRoles(input.roles, deciders);
    const why = changesTeamMember(changes)
      ? "A change of the team member makes it another person's workflow, so only "
      : "Only the ";
    return refuse(`${why}${who} can confirm this change of people (${describeChanges(changes)}).`);
  }
  if (!proposed.record) {
    return refuse(
      "The people in the description could not all be found on GitLab; fix the usernames, then confirm again.",
    );
  }
  return {
    verdict: "accepted",
    message: `Confirmed: ${describeChanges(changes)}. These are the people of this workflow from now on.`,
    people: { data: proposed.data, roles: proposed.roles, record: proposed.record },
  };
}

function refuse(message: string): ConfirmJudgement {
  return { verdict: "refused", message };
}
