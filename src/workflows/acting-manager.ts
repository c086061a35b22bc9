import * as z from "zod";
import type { Config } from "../config/schema.js";
import { daysBetween } from "../engine/dates.js";
import { resolveDate } from "../engine/gates.js";
import { endDate, extendCommand, wasExtended } from "./extend.js";
import { commonFields, DayField } from "./fields.js";
import type { Problem, WorkflowContext, WorkflowDefinition } from "./types.js";

/**
 * Acting Manager (seed: "Temporary Management Positions" and "Acting Manager"): someone occupies a
 * management role for a while, to try it or to cover a vacancy, and moves back to their original
 * role afterwards. No Greenhouse step and, unlike an interim, the reports stay where they are in
 * BambooHR. The seed asks for a talent review "depending on the length of appointment" without a
 * number, so the length is the config's `acting.talent_review_after_days`.
 */

export const ActingData = z
  .object({
    ...commonFields,
    start_date: DayField,
    end_date: DayField,
    reason: z.enum(["trial", "coverage"], {
      error: 'must be "trial" (trying the role) or "coverage" (filling in while we hire)',
    }),
  })
  .strict();
export type ActingData = z.infer<typeof ActingData>;

type Ctx = WorkflowContext<ActingData>;

const END = endDate();

function endDay(ctx: Ctx): string {
  return resolveDate(END, ctx as WorkflowContext) ?? ctx.data.end_date;
}

function appointmentDays(ctx: Ctx): number {
  return daysBetween(ctx.data.start_date, endDay(ctx));
}

function longAppointment(ctx: Ctx): boolean {
  return appointmentDays(ctx) > ctx.config.acting.talent_review_after_days;
}

function check(data: ActingData, _config: Config): Problem[] {
  if (data.end_date > data.start_date) return [];
  return [
    {
      field: "end_date",
      value: data.end_date,
      message: `must be after start_date (${data.start_date}); an acting appointment needs a planned end`,
    },
  ];
}

const eligibilityItems = [
  "Shows managerial interest",
  "Has experience in the individual contributor role they would manage",
  "Has been at the company for at least 6 months and is thriving in the remote-only context",
  "Exemplifies the company values",
];

export const TALENT_REVIEW_ITEM =
  "Talent review done for this appointment (it is longer than the configured length)";

const activeItems = [
  "Made explicit with the team member and the team that the role is acting (temporary) and ends with a return to the original role",
  "Direct reports stay with their current manager in BambooHR (they are not moved to an acting manager)",
];

export const actingManager: WorkflowDefinition<ActingData> = {
  id: "acting-manager",
  label: "career::acting-manager",
  title: "Acting manager",
  schema: ActingData as unknown as z.ZodType<ActingData>,
  period: { start: { field: "start_date" }, end: END },
  people: (d) => ({
    team_member: d.team_member,
    manager: d.manager,
    people_business_partner: d.people_business_partner,
  }),
  check,
  stages: [
    {
      id: "eligibility",
      title: "Eligibility",
      actors: ["manager"],
      guidance: "acting-manager/guidance-eligibility",
      checklist: () => eligibilityItems.map((text) => ({ text })),
    },
    {
      id: "active",
      title: "Active",
      actors: ["manager"],
      guidance: "acting-manager/guidance-active",
      checklist: (ctx) => [
        ...activeItems.map((text) => ({ text })),
        ...(longAppointment(ctx as Ctx) ? [{ text: TALENT_REVIEW_ITEM }] : []),
      ],
      // After an extension the command's reply says enough; the Active note is for the start.
      onEnter: { notes: [{ template: "acting-manager/active", mention: ["manager"], when: "notExtended" }] },
    },
    {
      id: "return",
      title: "Return",
      actors: ["team_member", "manager"],
      guidance: "acting-manager/guidance-return",
      onEnter: { notes: [{ template: "acting-manager/return", mention: ["team_member", "manager"] }] },
    },
    {
      id: "done",
      title: "Done",
      actors: [],
      guidance: "acting-manager/guidance-done",
      final: true,
      onEnter: { notes: [{ template: "acting-manager/done", mention: ["team_member", "manager"] }] },
    },
  ],
  transitions: [
    { from: "eligibility", to: "active", when: [{ gate: "checklistComplete" }] },
    {
      from: "active",
      to: "return",
      when: [
        { gate: "checklistComplete" },
        { gate: "onOrAfter", date: { from: END, minusDays: { config: "acting.return_reminder_days" } } },
      ],
      checkpoint: "return reminder",
    },
    // The appointment ends on its date even when the active checklist was left open.
    ...(["active", "return"] as const).flatMap((from) => [
      {
        from,
        to: "done",
        when: [
          { gate: "onOrAfter" as const, date: END },
          { gate: "condition" as const, name: "extended", negate: true },
        ],
        outcome: "returned",
        checkpoint: "appointment ends",
      },
      {
        from,
        to: "done",
        when: [
          { gate: "onOrAfter" as const, date: END },
          { gate: "condition" as const, name: "extended" },
        ],
        outcome: "extended",
        checkpoint: "appointment ends",
      },
    ]),
    { from: "return", to: "active", when: [{ gate: "command", verb: "extend" }] },
  ],
  commands: [
    extendCommand({
      stages: ["active", "return"],
      roles: ["manager"],
      end: END,
      help: "the manager moves the end of the appointment to a later date",
    }),
  ],
  reminders: [
    {
      // Only still due in Active when the active checklist is open: otherwise the stage is Return by then.
      key: "return-soon",
      stages: ["active"],
      at: { from: END, minusDays: { config: "acting.return_reminder_days" } },
      keyByDay: true,
      note: { template: "acting-manager/return-soon", mention: ["manager"] },
      checkpoint: "return reminder",
    },
  ],
  conditions: {
    longAppointment: (ctx: Ctx) => longAppointment(ctx),
    extended: (ctx: Ctx) => wasExtended(ctx as WorkflowContext),
    notExtended: (ctx: Ctx) => !wasExtended(ctx as WorkflowContext),
  },
  summary: (ctx: Ctx) => {
    const d = ctx.data;
    const limit = ctx.config.acting.talent_review_after_days;
    const lines = [
      `Appointment: ${d.start_date} to ${endDay(ctx)} (${appointmentDays(ctx)} days), reason: ${d.reason}`,
      `Talent review: ${longAppointment(ctx) ? "needed" : "not needed"} (appointments longer than ${limit} days need one)`,
    ];
    if (wasExtended(ctx as WorkflowContext)) {
      lines.push(`Extended on ${ctx.facts.extend_day}: planned end ${d.end_date}, now ${endDay(ctx)}`);
    }
    return lines;
  },
  noteData: (ctx: Ctx) => ({
    end_day: endDay(ctx),
    days: String(appointmentDays(ctx)),
    talent_review: longAppointment(ctx) ? "yes" : "no",
  }),
};
