import * as z from "zod";
import { addMonths, dayProblem, monthsBetween } from "../engine/dates.js";
import type { Problem } from "./types.js";

/**
 * The page's "have been employed at GitLab for at least 6 months" (temporary management roles) and
 * "working full time with GitLab for at least 6 months" (apprenticeships): a check the bot computes from
 * the first day at the company and the day the role starts, so nobody ticks a box for it. The interim
 * manager, the acting manager and the apprenticeship share it; each reads its months from the config.
 */

const EXAMPLE = "written YYYY-MM-DD (e.g. company_start_date: 2025-03-01)";

/** `company_start_date`: a missing one says what to add and why, not only that a date is expected. */
export const CompanyStartDate = z
  .string({
    error: (issue) =>
      issue.input === undefined || issue.input === null
        ? `is missing: add the team member's first day at the company, ${EXAMPLE}, to the details at the top of this issue; the time at the company the handbook asks for is counted from it`
        : `must be the team member's first day at the company, ${EXAMPLE}`,
  })
  .superRefine((text, context) => {
    const problem = dayProblem(text);
    if (problem === undefined) return;
    const message = problem.startsWith("must be a real date")
      ? `must be the team member's first day at the company, a real date ${EXAMPLE}`
      : `${problem} (the team member's first day at the company)`;
    context.addIssue({ code: "custom", message });
  });

export interface Tenure {
  /** Whole months at the company on the day the role starts. */
  months: number;
  needed: number;
  met: boolean;
  /** The first start day on which the tenure is met. */
  earliestStart: string;
}

export function tenure(companyStart: string, roleStart: string, neededMonths: number): Tenure {
  const months = monthsBetween(companyStart, roleStart);
  return {
    months,
    needed: neededMonths,
    met: months >= neededMonths,
    earliestStart: addMonths(companyStart, neededMonths),
  };
}

/** The status line: both dates, the months, what is needed and the verdict. */
export function tenureLine(companyStart: string, roleStart: string, startName: string, t: Tenure): string {
  return `Tenure: ${t.months} month(s) from ${companyStart} to ${startName} on ${roleStart} (${t.needed} needed): ${t.met ? "met" : "not met"}`;
}

/** A role that starts before the first day at the company means one of the two dates is mistyped. */
export function startsBeforeCompany(companyStart: string, field: string, roleStart: string): Problem[] {
  if (roleStart >= companyStart) return [];
  return [
    { field, value: roleStart, message: `is before company_start_date (${companyStart}); check both dates` },
  ];
}
