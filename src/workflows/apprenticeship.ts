import * as z from "zod";
import type { Config } from "../config/schema.js";
import { addMonths } from "../engine/dates.js";
import { resolveDate } from "../engine/gates.js";
import { endDate } from "./extend.js";
import { commonFields, DayField, Percentage, ShortText, TextList, Username } from "./fields.js";
import { CONCLUDED, jointConcludeCommand, pendingConclusion } from "./joint-conclude.js";
import {
  agreeCommand,
  describeSide,
  EXTENDED_DAY,
  jointExtendCommand,
  noExtensionPending,
  pendingExtension,
} from "./joint-extend.js";
import { CompanyStartDate, startsBeforeCompany, type Tenure, tenure, tenureLine } from "./tenure.js";
import type { Problem, WorkflowContext, WorkflowDefinition } from "./types.js";

/**
 * Apprenticeship for Learning (seed section of that name): a team member who excels in their role and
 * has worked full time for 6+ months spends a set share of their time learning in another department,
 * keeping their role and manager. It lasts 6 months by default; then both sides decide whether to extend.
 */

export const ApprenticeshipData = z
  .object({
    ...commonFields,
    host_manager: Username,
    host_department: ShortText,
    time_percentage: Percentage,
    company_start_date: CompanyStartDate,
    start_date: DayField,
    end_date: DayField.optional(),
    deliverables: TextList,
  })
  .strict();
export type ApprenticeshipData = z.infer<typeof ApprenticeshipData>;

type Ctx = WorkflowContext<ApprenticeshipData>;

/** The end: extended by command, else the data block's, else the configured default length. */
const END = endDate({ from: { field: "start_date" }, months: { config: "apprenticeship.default_months" } });

function endDay(ctx: Ctx): string {
  return (
    resolveDate(END, ctx as WorkflowContext) ??
    addMonths(ctx.data.start_date, ctx.config.apprenticeship.default_months)
  );
}

function apprenticeTenure(data: ApprenticeshipData, config: Config): Tenure {
  return tenure(data.company_start_date, data.start_date, config.apprenticeship.tenure_months);
}

function check(data: ApprenticeshipData, _config: Config): Problem[] {
  const problems: Problem[] = [];
  problems.push(...startsBeforeCompany(data.company_start_date, "start_date", data.start_date));
  if (data.end_date !== undefined && data.end_date <= data.start_date) {
    problems.push({
      field: "end_date",
      value: data.end_date,
      message: `must be after start_date (${data.start_date}), or left out for the default length`,
    });
  }
  if (data.host_manager.toLowerCase() === data.manager.toLowerCase()) {
    problems.push({
      field: "host_manager",
      value: data.host_manager,
      message:
        "is the team member's own manager; name the manager of the department that hosts the apprenticeship",
    });
  }
  return problems;
}

const eligibilityItems = [
  "Excelling in the current role, with no performance issues",
  "Works full time with the company",
  "This is an apprenticeship for learning, not a realignment, redeployment or secondment (ask the People Business Partner if unsure)",
];

/** The seed's "The apprentice agrees to", in its order. */
const APPRENTICE_COMMITMENTS = [
  "Apprentice: continues to support the current role and reports to the current manager",
  "Apprentice: dedicates the agreed percentage of time to the apprenticeship",
  "Apprentice: has clear timelines and deliverables throughout the apprenticeship",
  "Apprentice: communicates assignments and availability clearly to both departments",
];

/** The seed's "the department with which they are interning agrees to", in its order. */
const HOST_COMMITMENTS = [
  "Host department: provides guidance and support to the apprentice",
  "Host department: offers meaningful projects for the apprentice to work on",
  "Host department: is flexible, so the apprentice can support their primary team with an appropriate workload",
];

export const AGREEMENT_ITEMS = [...APPRENTICE_COMMITMENTS, ...HOST_COMMITMENTS];

const everyone = ["team_member", "manager", "host_manager"];

/** A proposed extension waiting for the other side, in the status. */
function pendingLine(ctx: Ctx): string[] {
  const lines: string[] = [];
  const pending = pendingExtension(ctx as WorkflowContext);
  if (pending) {
    const other = pending.side === "apprentice" ? "managers" : "apprentice";
    lines.push(
      `Extension proposed by ${pending.by} until ${pending.day}: waiting for ${describeSide(other, ctx as WorkflowContext)} to agree`,
    );
  }
  const ending = pendingConclusion(ctx as WorkflowContext);
  if (ending) {
    const other = ending.side === "apprentice" ? "managers" : "apprentice";
    lines.push(
      `Ending here proposed by ${ending.by}: waiting for ${describeSide(other, ctx as WorkflowContext)} to agree`,
    );
  }
  return lines;
}

export const apprenticeship: WorkflowDefinition<ApprenticeshipData> = {
  id: "apprenticeship",
  label: "career::apprenticeship",
  title: "Apprenticeship",
  schema: ApprenticeshipData as unknown as z.ZodType<ApprenticeshipData>,
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
      id: "eligibility",
      title: "Eligibility",
      actors: ["manager"],
      guidance: "apprenticeship/guidance-eligibility",
      checklist: () => eligibilityItems.map((text) => ({ text })),
      onEnter: {
        notes: [{ template: "apprenticeship/tenure-short", mention: ["manager"], when: "tenureShort" }],
      },
    },
    {
      id: "agreement",
      title: "Agreement",
      actors: ["team_member", "host_manager"],
      guidance: "apprenticeship/guidance-agreement",
      // Each side agrees to its own commitments: the apprentice ticks theirs, the host manager the department's.
      checklist: () => [
        ...APPRENTICE_COMMITMENTS.map((text) => ({ text, tickers: ["team_member"] })),
        ...HOST_COMMITMENTS.map((text) => ({ text, tickers: ["host_manager"] })),
      ],
      onEnter: {
        notes: [{ template: "apprenticeship/agreement", mention: ["team_member", "host_manager"] }],
      },
    },
    {
      id: "active",
      title: "Active",
      actors: everyone,
      guidance: "apprenticeship/guidance-active",
    },
    {
      id: "review",
      title: "Review",
      actors: everyone,
      guidance: "apprenticeship/guidance-review",
      onEnter: { notes: [{ template: "apprenticeship/review", mention: everyone }] },
    },
    {
      id: "done",
      title: "Done",
      actors: [],
      guidance: "apprenticeship/guidance-done",
      final: true,
      onEnter: { notes: [{ template: "apprenticeship/done", mention: everyone }] },
    },
  ],
  transitions: [
    {
      from: "eligibility",
      to: "agreement",
      when: [{ gate: "checklistComplete" }, { gate: "condition", name: "tenureShort", negate: true }],
    },
    { from: "agreement", to: "active", when: [{ gate: "checklistComplete" }] },
    {
      from: "active",
      to: "review",
      when: [{ gate: "onOrAfter", date: END }],
      checkpoint: "end of the apprenticeship",
    },
    // Only the command that completes the two sides' agreement moves on; a proposal waits.
    {
      from: "review",
      to: "active",
      when: [
        { gate: "command", verb: "extend" },
        { gate: "condition", name: "noExtensionPending" },
        // The home manager's support changes no date: the review goes on.
        { gate: "condition", name: "endAhead" },
      ],
    },
    { from: "review", to: "active", when: [{ gate: "command", verb: "agree" }] },
    // Both sides end it: the first `/career conclude` is a proposal, the other side's ends it.
    {
      from: "review",
      to: "done",
      when: [
        { gate: "command", verb: "conclude" },
        { gate: "condition", name: "concludedByBoth" },
      ],
      outcome: "concluded",
    },
  ],
  commands: [
    jointExtendCommand({ stages: ["active", "review"], end: END }),
    agreeCommand({ stages: ["active", "review"], end: END }),
    jointConcludeCommand({ stages: ["review"] }),
  ],
  reminders: [
    {
      key: "checkin",
      stages: ["active"],
      // Monthly from the apprenticeship's start, whenever the agreement was finished.
      at: { from: { field: "start_date" }, days: { config: "apprenticeship.checkin_days" } },
      every: { config: "apprenticeship.checkin_days" },
      note: { template: "apprenticeship/checkin", mention: everyone },
      checkpoint: "check-in",
    },
    {
      key: "review-pending",
      stages: ["review"],
      at: { from: { stageEntered: true }, days: { config: "apprenticeship.review_reminder_days" } },
      every: { config: "apprenticeship.review_reminder_days" },
      note: { template: "apprenticeship/review-pending", mention: ["manager", "host_manager"] },
      checkpoint: "review decision",
    },
  ],
  conditions: {
    noExtensionPending: (ctx: Ctx) => noExtensionPending(ctx as WorkflowContext),
    endAhead: (ctx: Ctx) => ctx.today < endDay(ctx),
    concludedByBoth: (ctx: Ctx) => ctx.facts[CONCLUDED] !== undefined,
    tenureShort: (ctx: Ctx) => !apprenticeTenure(ctx.data, ctx.config).met,
  },
  summary: (ctx: Ctx) => {
    const d = ctx.data;
    return [
      tenureLine(d.company_start_date, d.start_date, "the start", apprenticeTenure(d, ctx.config)),
      `Host: ${d.host_manager} in ${d.host_department}, ${d.time_percentage}% of the time`,
      `Period: ${d.start_date} to ${endDay(ctx)}${ctx.facts.end_date ? ` (extended on ${ctx.facts[EXTENDED_DAY]})` : ""}`,
      ...pendingLine(ctx),
      ...d.deliverables.map((item) => `Deliverable: ${item}`),
    ];
  },
  noteData: (ctx: Ctx) => ({
    end_day: endDay(ctx),
    tenure_months: String(apprenticeTenure(ctx.data, ctx.config).months),
    earliest_start: apprenticeTenure(ctx.data, ctx.config).earliestStart,
  }),
};
