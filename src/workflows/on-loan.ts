import * as z from "zod";
import type { Config } from "../config/schema.js";
import { resolveDate } from "../engine/gates.js";
import { endDate, extendCommand } from "./extend.js";
import { commonFields, DayField, ShortText, Username } from "./fields.js";
import type { Problem, WorkflowContext, WorkflowDefinition } from "./types.js";

/**
 * Team members on loan to another team (seed section of that name): less formal than an interim role.
 * The host manager takes the three steps the seed recommends; the loan ends on its end date.
 */

export const LoanData = z
  .object({
    ...commonFields,
    host_manager: Username,
    host_team: ShortText,
    start_date: DayField,
    end_date: DayField,
  })
  .strict();
export type LoanData = z.infer<typeof LoanData>;

type Ctx = WorkflowContext<LoanData>;

const END = endDate();

function endDay(ctx: Ctx): string {
  return resolveDate(END, ctx as WorkflowContext) ?? ctx.data.end_date;
}

function check(data: LoanData, _config: Config): Problem[] {
  const problems: Problem[] = [];
  if (data.end_date <= data.start_date) {
    problems.push({
      field: "end_date",
      value: data.end_date,
      message: `must be after start_date (${data.start_date})`,
    });
  }
  if (data.host_manager.toLowerCase() === data.manager.toLowerCase()) {
    problems.push({
      field: "host_manager",
      value: data.host_manager,
      message: "is the team member's own manager; name the manager of the team they are on loan to",
    });
  }
  return problems;
}

/** The seed's three recommendations, for the host team's manager. */
export const LOAN_ITEMS = [
  "Invited the team member to all Slack channels used by the team",
  "Invited the team member to the team's standups (they may stop joining their home team's standup)",
  "Scheduled weekly 1-1s with the team member (they may stop the weekly 1-1s with their home manager)",
];

const everyone = ["team_member", "manager", "host_manager"];

export const onLoan: WorkflowDefinition<LoanData> = {
  id: "on-loan",
  label: "career::on-loan",
  title: "On loan",
  schema: LoanData as unknown as z.ZodType<LoanData>,
  period: { start: { field: "start_date" }, end: END },
  people: (d) => ({
    team_member: d.team_member,
    manager: d.manager,
    host_manager: d.host_manager,
    people_business_partner: d.people_business_partner,
  }),
  check,
  stages: [
    {
      id: "setup",
      title: "Setup",
      actors: ["host_manager"],
      guidance: "on-loan/guidance-setup",
      checklist: () => LOAN_ITEMS.map((text) => ({ text })),
      onEnter: { notes: [{ template: "on-loan/setup", mention: ["host_manager"] }] },
    },
    {
      id: "active",
      title: "On loan",
      actors: ["team_member", "host_manager"],
      guidance: "on-loan/guidance-active",
    },
    {
      id: "done",
      title: "Done",
      actors: [],
      guidance: "on-loan/guidance-done",
      final: true,
      onEnter: { notes: [{ template: "on-loan/done", mention: everyone }] },
    },
  ],
  transitions: [
    { from: "setup", to: "active", when: [{ gate: "checklistComplete" }] },
    // The loan ends on its date whether or not the setup checklist was finished.
    ...(["setup", "active"] as const).map((from) => ({
      from,
      to: "done",
      when: [{ gate: "onOrAfter" as const, date: END }],
      outcome: "returned",
      checkpoint: "loan ends",
    })),
  ],
  commands: [
    extendCommand({
      stages: ["setup", "active"],
      roles: ["manager", "host_manager"],
      end: END,
      help: "the home or host manager moves the end of the loan to a later date",
    }),
  ],
  reminders: [
    {
      key: "end-soon",
      stages: "open",
      at: { from: END, minusDays: { config: "loan.reminder_days" } },
      keyByDay: true,
      note: { template: "on-loan/end-soon", mention: everyone },
      checkpoint: "reminder ahead of the end of the loan",
    },
  ],
  conditions: {},
  summary: (ctx: Ctx) => {
    const d = ctx.data;
    return [
      `Loan: ${d.team_member} to ${d.host_team} (host manager ${d.host_manager}) from ${d.start_date} to ${endDay(ctx)}${ctx.facts.end_date ? ` (extended on ${ctx.facts.extend_day})` : ""}`,
    ];
  },
  noteData: (ctx: Ctx) => ({ end_day: endDay(ctx) }),
};
