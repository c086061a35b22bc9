import type { z } from "zod";
import { needsManagingManagers } from "../careers/interim-table.js";
import {
  ALTERNATIVE_CRITERIA,
  applicability,
  CRITERIA_FORMERLY,
  CRITERIA_REASONS,
  check,
  eligibilityItems,
  hireBeforeInterim,
  InterimData,
  interimTenure,
  limitDay,
  setupItems,
} from "./interim-manager-rules.js";
import { explicitReminder, ORG_CHART_ITEM, selfSelectedItem } from "./temporary-roles.js";
import { tenureLine } from "./tenure.js";
import type { WorkflowContext, WorkflowDefinition } from "./types.js";

export { ALTERNATIVE_CRITERIA, type Criterion, InterimData } from "./interim-manager-rules.js";

/**
 * Interim Manager (seed: "Temporary Management Positions" and "Interim Manager") as stages, gates,
 * commands and reminders. The data block and the handbook's rules are in interim-manager-rules.ts.
 */
type Ctx = WorkflowContext<InterimData>;

export const interimManager: WorkflowDefinition<InterimData> = {
  id: "interim-manager",
  label: "career::interim-manager",
  title: "Interim manager",
  schema: InterimData as unknown as z.ZodType<InterimData>,
  people: (d) => ({
    team_member: d.team_member,
    manager: d.manager,
    people_business_partner: d.people_business_partner,
  }),
  check,
  period: {
    start: { field: "interim_start_date" },
    limit: { from: { field: "interim_start_date" }, months: { config: "interim.max_months" } },
  },
  stages: [
    {
      id: "eligibility",
      title: "Eligibility",
      actors: ["manager"],
      guidance: "interim-manager/guidance-eligibility",
      // The manager's items, then the team member's own choice (R27), which only the team member ticks.
      checklist: () => [...eligibilityItems.map((text) => ({ text })), selfSelectedItem("interim")],
      onEnter: {
        notes: [{ template: "interim-manager/tenure-short", mention: ["manager"], when: "tenureShort" }],
      },
    },
    {
      id: "not-required",
      title: "Not required",
      actors: [],
      guidance: "interim-manager/guidance-not-required",
      final: true,
      onEnter: { notes: [{ template: "interim-manager/not-required", mention: ["team_member", "manager"] }] },
    },
    {
      id: "setup",
      title: "Setup",
      actors: ["manager"],
      guidance: "interim-manager/guidance-setup",
      checklist: () => [...setupItems.map((text) => ({ text })), ORG_CHART_ITEM],
      onEnter: {
        notes: [{ template: "interim-manager/setup", mention: ["manager"] }],
        followUps: [
          {
            key: "people-team",
            titleTemplate: "interim-manager/people-team-title",
            template: "interim-manager/people-team",
            assignees: ["people_business_partner", "manager"],
          },
        ],
      },
    },
    {
      id: "hiring",
      title: "Hiring",
      actors: ["team_member", "manager"],
      guidance: "interim-manager/guidance-hiring",
      onEnter: {
        notes: [
          {
            template: "interim-manager/unsuccessful",
            mention: ["team_member", "manager"],
            when: "afterUnsuccessful",
          },
        ],
      },
    },
    {
      id: "criteria",
      title: "Success criteria",
      actors: ["team_member", "manager"],
      guidance: "interim-manager/guidance-criteria",
      // The interim manager meets the criteria; their manager judges that they are met ("a determination
      // made by the interim manager's manager ... after the agreed success criteria has been satisfied").
      checklist: (ctx) => {
        const criteria = (ctx.data as InterimData).success_criteria;
        return (criteria === "hire" ? [] : criteria).map((c) => ({
          text: ALTERNATIVE_CRITERIA[c],
          tickers: ["manager"],
          formerly: CRITERIA_FORMERLY[c],
        }));
      },
    },
    {
      id: "hire-review",
      title: "Hire review",
      actors: ["manager"],
      guidance: "interim-manager/guidance-hire-review",
    },
    {
      id: "promotion-document",
      title: "Promotion document",
      actors: ["team_member", "manager"],
      guidance: "interim-manager/guidance-promotion-document",
      onEnter: { notes: [{ template: "interim-manager/promotion-document", mention: ["team_member"] }] },
    },
    {
      id: "done",
      title: "Done",
      actors: [],
      guidance: "interim-manager/guidance-done",
      final: true,
      onEnter: { notes: [{ template: "interim-manager/done", mention: ["team_member", "manager"] }] },
    },
  ],
  transitions: [
    {
      from: "eligibility",
      to: "not-required",
      when: [{ gate: "condition", name: "notRequired" }],
      outcome: "not-required",
    },
    {
      from: "eligibility",
      to: "setup",
      when: [{ gate: "checklistComplete" }, { gate: "condition", name: "tenureShort", negate: true }],
    },
    {
      from: "setup",
      to: "hiring",
      when: [{ gate: "checklistComplete" }, { gate: "condition", name: "criteriaIsHire" }],
    },
    {
      from: "setup",
      to: "criteria",
      when: [{ gate: "checklistComplete" }, { gate: "condition", name: "criteriaIsHire", negate: true }],
    },
    { from: "hiring", to: "hire-review", when: [{ gate: "command", verb: "hire" }] },
    {
      from: "hire-review",
      to: "promotion-document",
      when: [{ gate: "command", verb: "review", choice: "successful" }],
    },
    {
      from: "hire-review",
      to: "hiring",
      when: [{ gate: "command", verb: "review", choice: "unsuccessful" }],
    },
    { from: "criteria", to: "promotion-document", when: [{ gate: "checklistComplete" }] },
    {
      from: "promotion-document",
      to: "done",
      when: [{ gate: "command", verb: "decision", choice: "promote" }],
      outcome: "promoted",
    },
    {
      from: "promotion-document",
      to: "done",
      when: [{ gate: "command", verb: "decision", choice: "end" }],
      outcome: "returned",
    },
  ],
  commands: [
    {
      verb: "hire",
      stages: ["hiring"],
      roles: ["team_member", "manager"],
      args: [
        { name: "new_hire", kind: "user" },
        { name: "start_date", kind: "day" },
      ],
      records: { new_hire: "new_hire", hire_date: "start_date" },
      validate: (args, ctx) => hireBeforeInterim(args.start_date, ctx.data as InterimData, ctx.today),
      help: "record the interim manager's first hire and their start date, from which the hire review is dated",
    },
    {
      verb: "review",
      stages: ["hire-review"],
      roles: ["manager"],
      args: [{ name: "result", kind: { choice: ["successful", "indeterminate", "unsuccessful"] } }],
      records: { last_review: "result" },
      requires: [
        {
          gate: {
            gate: "onOrAfter",
            date: { from: { fact: "hire_date" }, days: { config: "interim.hire_review_days" } },
          },
          refusal: "The hire can be reviewed once the new hire has been at the company for the review period",
        },
      ],
      help: "the manager's assessment of the hire: successful, indeterminate (review again later) or unsuccessful",
    },
    {
      verb: "document",
      stages: ["promotion-document"],
      roles: ["team_member"],
      args: [{ name: "url", kind: "url" }],
      records: { document_url: "url" },
      notify: ["manager"],
      help: "the team member submits the promotion document to their manager",
    },
    {
      verb: "decision",
      stages: ["promotion-document"],
      roles: ["manager"],
      args: [{ name: "decision", kind: { choice: ["promote", "end"] } }],
      records: { decision: "decision" },
      requires: [
        {
          gate: { gate: "condition", name: "hasDocument" },
          refusal: "The team member submits the promotion document first, with `/career document URL`",
        },
      ],
      help: "the manager's decision: promote to the permanent role, or end the interim period",
    },
  ],
  reminders: [
    explicitReminder("interim", "interim_start_date"),
    {
      key: "review-request",
      stages: ["hire-review"],
      at: { from: { fact: "hire_date" }, days: { config: "interim.hire_review_days" } },
      when: "notReviewedYet",
      note: { template: "interim-manager/review-request", mention: ["manager"] },
      checkpoint: "hire review opens",
    },
    {
      key: "recheck",
      stages: ["hire-review"],
      at: { from: { fact: "review_day" }, days: { config: "interim.recheck_days" } },
      every: { config: "interim.recheck_days" },
      when: "indeterminate",
      note: { template: "interim-manager/recheck", mention: ["manager"] },
      checkpoint: "hire review again",
    },
    {
      key: "limit-reminder",
      stages: "open",
      at: {
        from: { field: "interim_start_date" },
        months: { config: "interim.max_months" },
        minusDays: { config: "interim.limit_reminder_days" },
      },
      // Once the limit itself has passed, the overdue comment says it all: no late "ends soon".
      when: "beforeLimit",
      note: { template: "interim-manager/limit-reminder", mention: ["team_member", "manager"] },
      checkpoint: "reminder ahead of the interim period's limit",
    },
    {
      key: "limit-overdue",
      stages: "open",
      at: { from: { field: "interim_start_date" }, months: { config: "interim.max_months" } },
      note: { template: "interim-manager/limit-overdue", mention: ["manager", "people_business_partner"] },
      label: "career-status::overdue",
      checkpoint: "interim period limit",
    },
  ],
  conditions: {
    beforeLimit: (ctx: Ctx) => ctx.today < limitDay(ctx.data, ctx.config),
    notRequired: (ctx: Ctx) => applicability(ctx.data, ctx.config).required === false,
    tenureShort: (ctx: Ctx) => !interimTenure(ctx.data, ctx.config).met,
    criteriaIsHire: (ctx: Ctx) => ctx.data.success_criteria === "hire",
    afterUnsuccessful: (ctx: Ctx) => ctx.facts.last_review === "unsuccessful",
    notReviewedYet: (ctx: Ctx) =>
      ctx.facts.review_day === undefined || ctx.facts.review_day < (ctx.facts.hire_day ?? ""),
    indeterminate: (ctx: Ctx) => ctx.facts.last_review === "indeterminate",
    hasDocument: (ctx: Ctx) => ctx.facts.document_url !== undefined,
  },
  summary: (ctx: Ctx) => {
    const d = ctx.data;
    const lines = [
      tenureLine(
        d.company_start_date,
        d.interim_start_date,
        "the interim start",
        interimTenure(d, ctx.config),
      ),
      `Interim period: from ${d.interim_start_date}, at most ${ctx.config.interim.max_months} months (until ${limitDay(d, ctx.config)})`,
      `Applicability: ${applicability(d, ctx.config).reason}`,
    ];
    if (d.success_criteria !== "hire" && d.criteria_reason !== undefined) {
      // The manager's agreement is their tick of "Success criteria agreed ..." in Setup (the setup is theirs).
      lines.push(
        `Other success criteria instead of a hire, because ${CRITERIA_REASONS[d.criteria_reason]}; agreed by the manager (${d.manager}) in Setup`,
      );
    }
    if (ctx.facts.new_hire) lines.push(`First hire: ${ctx.facts.new_hire}, starting ${ctx.facts.hire_date}`);
    if (ctx.facts.last_review)
      lines.push(`Last hire review: ${ctx.facts.last_review} (${ctx.facts.review_day})`);
    if (ctx.facts.document_url) lines.push(`Promotion document: ${ctx.facts.document_url}`);
    return lines;
  },
  noteData: (ctx: Ctx) => {
    const d = ctx.data;
    const verdict = applicability(d, ctx.config);
    return {
      row: "row" in verdict ? verdict.row : "",
      reason: verdict.reason,
      tenure_months: String(interimTenure(d, ctx.config).months),
      earliest_start: interimTenure(d, ctx.config).earliestStart,
      limit_day: limitDay(d, ctx.config),
      // A reminder to make the role explicit that comes after the start says the period has begun.
      started: ctx.today >= d.interim_start_date ? "yes" : "no",
      managing_managers: needsManagingManagers(d.desired_level) ? "yes" : "no",
    };
  },
};
