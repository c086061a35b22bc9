import type { ChecklistItem, Reminder } from "./types.js";

/**
 * What the page's "Temporary Management Positions" asks of every temporary management role, interim
 * and acting alike. Pinned to the page in test/workflows/handbook-checklists.test.ts.
 */

/**
 * The page's "Process for selection:", in its order, as things done. The manager keeps it in the first
 * stage: the selection happens before anyone holds the role.
 */
export const SELECTION_ITEMS = [
  "The upcoming role was discussed over the Engineering and Development Staff meetings",
  "Leadership gathered interest from their team members for the upcoming role",
  "The assessment took place against the criteria above and the most suitable team member was selected for the role",
];

/**
 * "We create temporary management positions when there is organizational need, and we imprint these in
 * our company org chart": a step of the appointment's setup for whoever keeps the org chart. The bot
 * cannot tell who that is, so the manager, the People Business Partner and people ops may tick it.
 */
export const ORG_CHART_ITEM: ChecklistItem = {
  text: "Temporary position imprinted in the company org chart (by whoever keeps it: People Ops or the People Business Partner)",
  tickers: ["manager", "people_business_partner"],
};

/**
 * "It's important that Engineering Managers self-select into that track and don't feel pressured": the
 * team member's own choice of the temporary role, recorded by the team member (their tick; the
 * manager's does not count) before the first stage completes and the role starts.
 */
export function selfSelectedItem(kind: "interim" | "acting"): ChecklistItem {
  return {
    text: `Team member: I chose to take the ${kind} manager role myself, without feeling pressured`,
    tickers: ["team_member"],
  };
}

/**
 * "This difference should be made explicit with the individual and team members before the temporary
 * role is created": an item of the first stage, with a reminder before the start date while it is open.
 */
export function explicitItem(kind: "interim" | "acting"): string {
  return kind === "interim"
    ? "Made explicit with the team member and the team that the role is interim"
    : "Made explicit with the team member and the team that the role is acting (temporary) and ends with a return to the original role";
}

/**
 * The reminder before the start date while the role is not yet made explicit: in the first stage,
 * `explicit_reminder_days` of the workflow's config before its start field, to the manager.
 */
export function explicitReminder(kind: "interim" | "acting", startField: string): Reminder {
  return {
    key: "make-explicit",
    stages: ["eligibility"],
    at: { from: { field: startField }, minusDays: { config: `${kind}.explicit_reminder_days` } },
    // A start date moved in the data block gets its own reminder.
    keyByDay: true,
    unlessTicked: explicitItem(kind),
    note: { template: `${kind}-manager/explicit-reminder`, mention: ["manager"] },
    checkpoint: `make the ${kind} role explicit`,
  };
}
