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
];

export const INTERIM_SETUP = [
  "BambooHR job information change request submitted for every report",
  "BambooHR access request for interim manager access submitted",
  "Transition plan written with the interim manager",
  "Success criteria agreed between the interim manager and their manager",
  "Temporary position imprinted in the company org chart (by whoever keeps it: People Ops or the People Business Partner)",
];
