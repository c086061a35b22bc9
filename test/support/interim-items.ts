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
];

export const INTERIM_SETUP = [
  "Made explicit with the team member and the team that the role is interim",
  "BambooHR job information change request submitted for every report",
  "BambooHR access request for interim manager access submitted",
  "Transition plan written with the interim manager",
  "Success criteria agreed between the interim manager and their manager",
];
