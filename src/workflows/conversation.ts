import * as z from "zod";
import { addDays, parseDay, quarterOf } from "../engine/dates.js";
import { ShortText, Username } from "./fields.js";
import type { WorkflowContext, WorkflowDefinition } from "./types.js";

/**
 * Career conversations (seed: "Individual Initiative": "Managers and team members should strive to
 * have a career development conversation at least once a quarter"). One issue per manager per quarter,
 * usually created by the sweep from the config's roster, with one checklist item per report.
 */

const QUARTER = /^(\d{4})-Q([1-4])$/;

/** The quarter's first day for `2026-Q1`, or undefined. */
export function quarterStart(text: string): string | undefined {
  const match = QUARTER.exec(text);
  if (!match) return undefined;
  const month = (Number(match[2]) - 1) * 3 + 1;
  return parseDay(`${match[1]}-${String(month).padStart(2, "0")}-01`);
}

const QuarterField = z
  .string({ error: "must be a quarter written YYYY-Qn, e.g. 2026-Q1" })
  .refine((text) => quarterStart(text) !== undefined, "must be a quarter written YYYY-Qn, e.g. 2026-Q1");

export const ConversationData = z
  .object({
    manager: Username,
    reports: z
      .array(Username, { error: "must be a YAML list of usernames, e.g. [alice, dave]" })
      .min(1, "must list at least one report"),
    quarter: QuarterField,
    people_business_partner: Username.optional(),
    department: ShortText.optional(),
  })
  .strict()
  // The quarter's last day, derived, so gates and reminders can name it as a field.
  .transform((d) => ({ ...d, quarter_end: quarterOf(quarterStart(d.quarter)!).lastDay }));
export type ConversationData = z.infer<typeof ConversationData>;

type Ctx = WorkflowContext<ConversationData>;

export function conversationItem(report: string): string {
  return `Career development conversation held with ${report}`;
}

const QUARTER_OVER = { from: { field: "quarter_end" }, days: 1 };

export const conversation: WorkflowDefinition<ConversationData> = {
  id: "conversation",
  label: "career::conversation",
  title: "Career conversations",
  schema: ConversationData as unknown as z.ZodType<ConversationData>,
  people: (d) => ({
    manager: d.manager,
    people_business_partner: d.people_business_partner,
    ...Object.fromEntries(d.reports.map((report, i) => [`reports.${i}`, report])),
  }),
  roles: (d) => ({
    manager: [d.manager],
    reports: d.reports,
    people_business_partner: d.people_business_partner ? [d.people_business_partner] : [],
  }),
  check: (d) => {
    const names = d.reports.map((r) => r.toLowerCase());
    const twice = d.reports.find((_, i) => names.indexOf(names[i]!) !== i);
    return twice
      ? [{ field: "reports", value: twice, message: "names the same person twice; list each report once" }]
      : [];
  },
  stages: [
    {
      id: "conversations",
      title: "Conversations",
      actors: ["manager"],
      guidance: "conversation/guidance-conversations",
      checklist: (ctx) =>
        (ctx.data as ConversationData).reports.map((report) => ({ text: conversationItem(report) })),
    },
    {
      id: "done",
      title: "Done",
      actors: [],
      guidance: "conversation/guidance-done",
      final: true,
      onEnter: { notes: [{ template: "conversation/done", mention: ["manager"] }] },
    },
  ],
  transitions: [
    { from: "conversations", to: "done", when: [{ gate: "checklistComplete" }], outcome: "completed" },
    {
      from: "conversations",
      to: "done",
      when: [{ gate: "onOrAfter", date: QUARTER_OVER }],
      outcome: "incomplete",
      checkpoint: "quarter over",
    },
  ],
  commands: [],
  reminders: [
    {
      key: "quarter-end",
      stages: ["conversations"],
      at: { from: { field: "quarter_end" }, minusDays: { config: "conversations.reminder_days" } },
      note: { template: "conversation/quarter-end", mention: ["manager"] },
      checkpoint: "reminder ahead of the end of the quarter",
    },
  ],
  conditions: {},
  summary: (ctx: Ctx) => [
    `Quarter: ${ctx.data.quarter}, until ${ctx.data.quarter_end}`,
    `Reports: ${ctx.data.reports.join(", ")}`,
  ],
  noteData: (ctx: Ctx) => ({ quarter_over: addDays(ctx.data.quarter_end, 1) }),
};
