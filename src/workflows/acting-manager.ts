import type * as z from "zod";
import {
  ActingData,
  actingTenure,
  activeItems,
  appointmentDays,
  type ActingCtx as Ctx,
  check,
  END,
  eligibilityItems,
  endDay,
  longAppointment,
} from "./acting-manager-rules.js";
import { daysFromNow, endEarlyCommand } from "./end-early.js";
import { endedEarly, extendCommand, wasExtended } from "./extend.js";
import { explicitReminder, ORG_CHART_ITEM, selfSelectedItem } from "./temporary-roles.js";
import { tenureLine } from "./tenure.js";
import type { WorkflowContext, WorkflowDefinition } from "./types.js";

export { ActingData, TALENT_REVIEW_ITEM } from "./acting-manager-rules.js";

/**
 * Acting Manager (seed: "Temporary Management Positions" and "Acting Manager"): someone occupies a
 * management role for a while, to try it or to cover a vacancy, and moves back to their original
 * role afterwards. No Greenhouse step and, unlike an interim, the reports stay where they are in
 * BambooHR. Everything the page asks before the role is created (the criteria, the time at the
 * company, the talent review of a long appointment, the selection, making it explicit) gates the
 * start. The seed gives no length for the talent review, so it is the config's
 * `acting.talent_review_after_days`.
 */

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
      // The manager's items, then the team member's own choice (R27), which only the team member ticks.
      checklist: (ctx) => [
        ...eligibilityItems(ctx.data as ActingData, ctx.config).map((text) => ({ text })),
        selfSelectedItem("acting"),
      ],
      onEnter: {
        notes: [{ template: "acting-manager/tenure-short", mention: ["manager"], when: "tenureShort" }],
      },
    },
    {
      id: "active",
      title: "Active",
      actors: ["manager"],
      guidance: "acting-manager/guidance-active",
      checklist: (ctx) => [...activeItems(ctx as Ctx).map((text) => ({ text })), ORG_CHART_ITEM],
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
    {
      from: "eligibility",
      to: "active",
      when: [{ gate: "checklistComplete" }, { gate: "condition", name: "tenureShort", negate: true }],
    },
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
    endEarlyCommand({
      stages: ["active", "return"],
      roles: ["manager"],
      end: END,
      help: "the manager ends the appointment early, on a date before the planned end",
    }),
  ],
  reminders: [
    explicitReminder("acting", "start_date"),
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
    tenureShort: (ctx: Ctx) => !actingTenure(ctx.data, ctx.config).met,
    longAppointment: (ctx: Ctx) => longAppointment(ctx),
    extended: (ctx: Ctx) => wasExtended(ctx as WorkflowContext),
    notExtended: (ctx: Ctx) => !wasExtended(ctx as WorkflowContext),
  },
  summary: (ctx: Ctx) => {
    const d = ctx.data;
    const limit = ctx.config.acting.talent_review_after_days;
    const lines = [
      tenureLine(d.company_start_date, d.start_date, "the start", actingTenure(d, ctx.config)),
      `Appointment: ${d.start_date} to ${endDay(ctx)} (${appointmentDays(ctx)} days), reason: ${d.reason}`,
      `Talent review: ${longAppointment(ctx) ? "needed" : "not needed"} (appointments longer than ${limit} days need one)`,
    ];
    if (wasExtended(ctx as WorkflowContext)) {
      lines.push(`Extended on ${ctx.facts.extend_day}: planned end ${d.end_date}, now ${endDay(ctx)}`);
    }
    if (endedEarly(ctx as WorkflowContext)) {
      lines.push(`Ended early on ${ctx.facts.end_day}: planned end ${d.end_date}, now ${endDay(ctx)}`);
    }
    return lines;
  },
  noteData: (ctx: Ctx) => ({
    end_day: endDay(ctx),
    // "in 9 days", computed from the dates: an early end or a late run makes it other than the reminder's days.
    ends_in: daysFromNow(ctx.today, endDay(ctx)),
    days: String(appointmentDays(ctx)),
    talent_review: longAppointment(ctx) ? "yes" : "no",
    // A reminder to make the role explicit that comes after the start says the appointment has begun.
    started: ctx.today >= ctx.data.start_date ? "yes" : "no",
    tenure_months: String(actingTenure(ctx.data, ctx.config).months),
    earliest_start: actingTenure(ctx.data, ctx.config).earliestStart,
  }),
};
