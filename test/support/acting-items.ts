import type { WebhookPayload } from "../../src/gitlab/fake/index.js";
import { TALENT_REVIEW_ITEM } from "../../src/workflows/acting-manager.js";
import { tickAll, tickEach } from "./walk.js";
import type { World } from "./world.js";

/*
 * The acting manager's checklist items, written out (not imported from src): GitLab's tick notes
 * quote these texts, so a change to them is a change the tests should notice. The talent review's
 * wording is the bot's own, not the page's, so it is imported.
 */
const criteria = [
  "Shows managerial interest",
  "Has experience in the individual contributor role they would manage",
  "Is thriving in our remote-only context",
  "Exemplifies the company values",
];
const selection = [
  "The upcoming role was discussed over the Engineering and Development Staff meetings",
  "Leadership gathered interest from their team members for the upcoming role",
  "The assessment took place against the criteria above and the most suitable team member was selected for the role",
];
const explicit =
  "Made explicit with the team member and the team that the role is acting (temporary) and ends with a return to the original role";
/** The team member's own choice (R27): the last item of the first stage, which only the team member ticks. */
const chosen = "Team member: I chose to take the acting manager role myself, without feeling pressured";

export const ACTING_ITEMS = {
  selection,
  explicit,
  chosen,
  /** A long appointment (longer than `acting.talent_review_after_days`): the talent review comes first. */
  eligibility: [...criteria, TALENT_REVIEW_ITEM, ...selection, explicit, chosen],
  shortEligibility: [...criteria, ...selection, explicit, chosen],
  active: [
    "Direct reports stay with their current manager in BambooHR (they are not moved to an acting manager)",
    "Temporary position imprinted in the company org chart (by whoever keeps it: People Ops or the People Business Partner)",
  ],
};

/**
 * Who ticks an item of the first stage in the tests' walks: the team member (alice) their own choice,
 * the manager (bob, or `manager`) everything else.
 */
export function actingTicker(item: string, manager = "bob"): string {
  return item === chosen ? "alice" : manager;
}

/**
 * The walks' first stage: alice ticks her own choice if it is among `items`, then the manager every
 * other item, and the bot handles the last tick's event. Returns that event, to replay it.
 */
export async function tickEligibility(
  world: World,
  iid: number,
  items: readonly string[],
  manager = "bob",
): Promise<WebhookPayload> {
  if (items.includes(chosen)) tickEach(world, "alice", iid, [chosen]);
  return tickAll(
    world,
    manager,
    iid,
    items.filter((item) => item !== chosen),
  );
}
