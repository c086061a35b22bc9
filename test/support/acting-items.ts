import { TALENT_REVIEW_ITEM } from "../../src/workflows/acting-manager.js";

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

export const ACTING_ITEMS = {
  selection,
  explicit,
  /** A long appointment (longer than `acting.talent_review_after_days`): the talent review comes first. */
  eligibility: [...criteria, TALENT_REVIEW_ITEM, ...selection, explicit],
  shortEligibility: [...criteria, ...selection, explicit],
  active: [
    "Direct reports stay with their current manager in BambooHR (they are not moved to an acting manager)",
    "Temporary position imprinted in the company org chart (by whoever keeps it: People Ops or the People Business Partner)",
  ],
};
