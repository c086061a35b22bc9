import * as z from "zod";
import {
  DIRECTOR_PLUS_NOTE,
  directorPlusReason,
  interimApplicability,
  LEVELS,
  type Level,
  parseLevel,
} from "../careers/interim-table.js";
import type { Config } from "../config/schema.js";
import { addMonths } from "../engine/dates.js";
import { commonFields, DayField } from "./fields.js";
import { explicitItem, SELECTION_ITEMS } from "./temporary-roles.js";
import { CompanyStartDate, startsBeforeCompany, type Tenure, tenure } from "./tenure.js";
import type { Problem } from "./types.js";

/**
 * Interim Manager (seed: "Temporary Management Positions" and "Interim Manager"). The person pursues
 * a people-manager role long term; the promotion comes after one successful hire has been at the
 * company 30 days, or after other agreed success criteria, and the period should not exceed 4 months.
 */

/**
 * The seed's alternative success criteria ("Examples of other success criteria are (multiselect)"),
 * each as the page gives it, with its link reduced to the link's text and its closing ";" or "."
 * dropped. Pinned to the page in test/workflows/interim-manager.test.ts.
 */
export const ALTERNATIVE_CRITERIA = {
  "leader-interviews":
    "Successfully pass an interview(s) with the Leader(s) of the department(s) around team management competencies/scorecard for Manager",
  "relations-role-play":
    "Successfully pass team member relations case role play with the People Business Partner",
  "career-conversations": "Performing career development conversations with direct reports successfully",
  "talent-assessment":
    "Perform a Talent Assessment with the manager's manager to determine readiness for the role",
  "feedback-360": "Gather 360 feedback via Culture Amp for the manager",
} as const;
export type Criterion = keyof typeof ALTERNATIVE_CRITERIA;

/** Earlier wordings of three criteria (before they followed the page word for word): their ticks still count. */
export const CRITERIA_FORMERLY: Partial<Record<Criterion, string[]>> = {
  "leader-interviews": [
    "Pass interviews with the department leaders on team management competencies and the Manager scorecard",
  ],
  "relations-role-play": ["Pass a team member relations case role play with the People Business Partner"],
  "career-conversations": ["Perform career development conversations with direct reports successfully"],
};
const CRITERIA = Object.keys(ALTERNATIVE_CRITERIA) as [Criterion, ...Criterion[]];

/**
 * Why other success criteria replace the hire, in the page's three cases: "In some cases, or for
 * Director level interim roles, it may not be practical or headcount planning might not allow for the
 * Interim Manager to make a new hire."
 */
export const CRITERIA_REASONS = {
  "hiring-not-practical": "it is not practical for the interim manager to make a new hire",
  headcount: "headcount planning does not allow for a new hire",
  "director-level": "it is a Director-level interim role",
} as const;
export type CriteriaReason = keyof typeof CRITERIA_REASONS;
const REASONS = Object.keys(CRITERIA_REASONS) as [CriteriaReason, ...CriteriaReason[]];

const LevelField = z
  .string({ error: `must be one of ${LEVELS.join(", ")}` })
  .refine((text) => parseLevel(text) !== undefined, `must be one of ${LEVELS.join(", ")}`)
  .transform((text) => parseLevel(text) as Level);

/** YAML 1.2 reads `no` as a string; people write yes/no, so both spellings are accepted. */
const YesNoOrMonths = z.preprocess(
  (value) =>
    typeof value === "string"
      ? ({ yes: true, no: false, true: true, false: false }[value.toLowerCase()] ?? value)
      : value,
  z.union([z.boolean(), z.number().nonnegative()], {
    error: "must be yes/no, or the number of months of previous management experience",
  }),
);

export const InterimData = z
  .object({
    ...commonFields,
    current_level: LevelField,
    desired_level: LevelField,
    previous_management_experience: YesNoOrMonths,
    company_start_date: CompanyStartDate,
    interim_start_date: DayField,
    success_criteria: z.union([z.literal("hire"), z.array(z.enum(CRITERIA)).min(1)], {
      error: `must be "hire" or a list of: ${CRITERIA.join(", ")}`,
    }),
    criteria_reason: z.enum(REASONS, { error: `must be one of ${REASONS.join(", ")}` }).optional(),
  })
  .strict();
export type InterimData = z.infer<typeof InterimData>;

export function hasPriorExperience(data: InterimData, config: Config): boolean {
  const value = data.previous_management_experience;
  return typeof value === "boolean" ? value : value >= config.interim.prior_management_months;
}

export function applicability(data: InterimData, config: Config) {
  // Positions above Director: "For Director+ positions no interim is required."
  if (LEVELS.indexOf(data.desired_level) > LEVELS.indexOf("Director")) {
    const move = `${data.current_level} → ${data.desired_level}`;
    return { required: false as const, row: DIRECTOR_PLUS_NOTE, reason: directorPlusReason(move) };
  }
  return interimApplicability(
    data.current_level,
    data.desired_level,
    hasPriorExperience(data, config),
    config.interim.prior_management_months,
  );
}

export function interimTenure(data: InterimData, config: Config): Tenure {
  return tenure(data.company_start_date, data.interim_start_date, config.interim.tenure_months);
}

export function limitDay(data: InterimData, config: Config): string {
  return addMonths(data.interim_start_date, config.interim.max_months);
}

export function check(data: InterimData, config: Config): Problem[] {
  const problems: Problem[] = [];
  const verdict = applicability(data, config);
  if (verdict.required === undefined) {
    problems.push({ field: "desired_level", value: data.desired_level, message: verdict.reason });
  }
  problems.push(
    ...startsBeforeCompany(data.company_start_date, "interim_start_date", data.interim_start_date),
  );
  if (data.success_criteria !== "hire" && data.criteria_reason === undefined) {
    problems.push({
      field: "criteria_reason",
      message:
        "is needed with other success criteria: the handbook allows them when hiring is not practical, when " +
        "headcount planning does not allow a new hire, or for a Director-level interim role; add " +
        `criteria_reason: ${REASONS.join(", ")} (or use success_criteria: hire)`,
    });
  }
  return problems;
}

/**
 * "They will make at least one successful hire": the hire is the interim manager's own. A new hire who
 * started before the interim period began, or a hire recorded before it began (`recordedOn`, the day
 * of the command), was not made by the interim manager, so neither can meet the gate. The reason for
 * a refusal.
 */
export function hireBeforeInterim(
  startDate: string | undefined,
  data: InterimData,
  recordedOn?: string,
): string | undefined {
  // The engine passes the reason through safeInline (backticks and @ are neutralised, 400 characters).
  if (startDate !== undefined && startDate < data.interim_start_date) {
    return (
      `The hire's start date (${startDate}) is before the interim period began (${data.interim_start_date}): ` +
      "the success gate is a hire the interim manager made. Send '/career hire USERNAME YYYY-MM-DD' again " +
      "with the right start date, or first correct interim_start_date in the details at the top of this issue if that is wrong"
    );
  }
  if (recordedOn !== undefined && recordedOn < data.interim_start_date) {
    return (
      `This hire was recorded on ${recordedOn}, before the interim period began (${data.interim_start_date}): ` +
      "the success gate is a hire the interim manager made as interim manager. Record it with " +
      "'/career hire USERNAME YYYY-MM-DD' once the interim period has begun, or first correct interim_start_date " +
      "in the details at the top of this issue if that is wrong"
    );
  }
  return undefined;
}

/**
 * The page's "Those interested in these roles must:" list, in its order, minus the Acting Manager
 * line. "Employed at GitLab for at least 6 months" is the bot's tenure check (interim.tenure_months);
 * "thriving in our remote-only context" is a judgement, so it is an item. Pinned to the page's text
 * in test/workflows/interim-manager.test.ts.
 */
export const CRITERIA_ITEMS = [
  "Shows managerial interest",
  "Has experience in the individual contributor role they would manage",
  "Is thriving in our remote-only context",
  "Exemplifies the company values",
  "Applied through Greenhouse and went through the selection process",
];

export const EXPLICIT_ITEM = explicitItem("interim");

/** Everything before the interim period starts: the criteria, the selection, made explicit. */
export const eligibilityItems = [...CRITERIA_ITEMS, ...SELECTION_ITEMS, EXPLICIT_ITEM];

export const setupItems = [
  "BambooHR job information change request submitted for every report",
  "BambooHR access request for interim manager access submitted",
  "Transition plan written with the interim manager",
  "Success criteria agreed between the interim manager and their manager",
];
