import type { FakeGitLabState, HumanIssueResult } from "../../src/gitlab/fake/index.js";

/** The team member's own choice (R27): the last item of the first stage, which only the team member ticks. */
export const INTERIM_CHOSEN =
  "Team member: I chose to take the interim manager role myself, without feeling pressured";

/**
 * The interim manager's checklist items, written out (not imported from src): GitLab's system notes
 * quote these texts, so a change to them is a change the tests should notice.
 */
export const INTERIM_ELIGIBILITY = [
  "Shows managerial interest",
  "Has experience in the individual contributor role they would manage",
  "Is thriving in our remote-only context",
  "Exemplifies the company values",
  "Applied through Greenhouse and went through the selection process",
  "The upcoming role was discussed over the Engineering and Development Staff meetings",
  "Leadership gathered interest from their team members for the upcoming role",
  "The assessment took place against the criteria above and the most suitable team member was selected for the role",
  "Made explicit with the team member and the team that the role is interim",
  INTERIM_CHOSEN,
];

export const INTERIM_SETUP = [
  "BambooHR job information change request submitted for every report",
  "BambooHR access request for interim manager access submitted",
  "Transition plan written with the interim manager",
  "Success criteria agreed between the interim manager and their manager",
  "Temporary position imprinted in the company org chart (by whoever keeps it: People Ops or the People Business Partner)",
];

/**
 * Who ticks an item of the first stage in the tests' walks: the team member (alice) their own choice,
 * the manager (bob, or `manager`) everything else.
 */
export function interimTicker(item: string, manager = "bob"): string {
  return item === INTERIM_CHOSEN ? "alice" : manager;
}

/**
 * The walks' first stage in the fake GitLab: alice ticks her own choice first if it is among `items`,
 * then `manager` (bob) every other item, so the manager's last tick moves the stage on. Returns the
 * last tick, whose event the bot handles.
 */
export function tickInterimEligibility(
  state: FakeGitLabState,
  iid: number,
  items: readonly string[] = INTERIM_ELIGIBILITY,
  manager = "bob",
  project = "org/careers",
): HumanIssueResult {
  if (items.includes(INTERIM_CHOSEN)) state.as("alice").tick(project, iid, INTERIM_CHOSEN);
  const rest = items.filter((item) => item !== INTERIM_CHOSEN);
  if (rest.length === 0) throw new Error("nothing for the manager to tick");
  const person = state.as(manager);
  let last: HumanIssueResult | undefined;
  for (const item of rest) last = person.tick(project, iid, item);
  return last!;
}
