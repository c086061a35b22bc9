import * as z from "zod";
import type { Config } from "../config/schema.js";
import { daysBetween } from "../engine/dates.js";
import { resolveDate } from "../engine/gates.js";
import { endDate } from "./extend.js";
import { commonFields, DayField } from "./fields.js";
import { explicitItem, SELECTION_ITEMS } from "./temporary-roles.js";
import { CompanyStartDate, startsBeforeCompany, type Tenure, tenure } from "./tenure.js";
import type { Problem, WorkflowContext } from "./types.js";

/**
 * Acting Manager (seed: "Temporary Management Positions" and "Acting Manager"): the data block and the
 * handbook's rules. The stages are in acting-manager.ts.
 */

export const ActingData = z
  .object({
    ...commonFields,
    company_start_date: CompanyStartDate,
    start_date: DayField,
    end_date: DayField,
    reason: z.enum(["trial", "coverage"], {
      error: 'must be "trial" (trying the role) or "coverage" (filling in while we hire)',
    }),
  })
  .strict();
export type ActingData = z.infer<typeof ActingData>;

export type ActingCtx = WorkflowContext<ActingData>;

export const END = endDate();

export function endDay(ctx: ActingCtx): string {
  return resolveDate(END, ctx as WorkflowContext) ?? ctx.data.end_date;
}

export function appointmentDays(ctx: ActingCtx): number {
  return daysBetween(ctx.data.start_date, endDay(ctx));
}

/** The page asks for a talent review "depending on the length of appointment"; the length is the config's. */
export function longAppointment(ctx: ActingCtx): boolean {
  return appointmentDays(ctx) > ctx.config.acting.talent_review_after_days;
}

/** Long as planned in the data block: the review then comes before the appointment starts. */
export function longAsPlanned(data: ActingData, config: Config): boolean {
  return daysBetween(data.start_date, data.end_date) > config.acting.talent_review_after_days;
}

export function actingTenure(data: ActingData, config: Config): Tenure {
  return tenure(data.company_start_date, data.start_date, config.acting.tenure_months);
}

export function check(data: ActingData, _config: Config): Problem[] {
  const problems: Problem[] = [];
  problems.push(...startsBeforeCompany(data.company_start_date, "start_date", data.start_date));
  if (data.end_date <= data.start_date) {
    problems.push({
      field: "end_date",
      value: data.end_date,
      message: `must be after start_date (${data.start_date}); an acting appointment needs a planned end`,
    });
  }
  return problems;
}

/**
 * The page's "Those interested in these roles must:" list for an acting manager, in its order, minus
 * the Interim Manager line. The time at the company is the bot's tenure check (acting.tenure_months);
 * the talent review is an item only for a long appointment (below).
 */
export const CRITERIA_ITEMS = [
  "Shows managerial interest",
  "Has experience in the individual contributor role they would manage",
  "Is thriving in our remote-only context",
  "Exemplifies the company values",
];

export const TALENT_REVIEW_ITEM =
  "Talent review done for this appointment (the appointment is long enough to need one)";

export const EXPLICIT_ITEM = explicitItem("acting");

/** Before the appointment starts: the criteria, the talent review if long, the selection, made explicit. */
export function eligibilityItems(data: ActingData, config: Config): string[] {
  return [
    ...CRITERIA_ITEMS,
    ...(longAsPlanned(data, config) ? [TALENT_REVIEW_ITEM] : []),
    ...SELECTION_ITEMS,
    EXPLICIT_ITEM,
  ];
}

export const BAMBOO_ITEM =
  "Direct reports stay with their current manager in BambooHR (they are not moved to an acting manager)";

/**
 * While the role is held. An extension that makes a short appointment long cannot gate a start that
 * has passed, so its talent review is asked for here instead.
 */
export function activeItems(ctx: ActingCtx): string[] {
  const reviewNow = longAppointment(ctx) && !longAsPlanned(ctx.data, ctx.config);
  return [BAMBOO_ITEM, ...(reviewNow ? [TALENT_REVIEW_ITEM] : [])];
}
