import * as z from "zod";
import { trialPicture } from "../careers/ladder-picture.js";
import { addDays } from "../engine/dates.js";
import { commonFields, DayField, TextList } from "./fields.js";
import { TrialLevelField } from "./trial-level.js";
import type { ChecklistItem, Stage, WorkflowContext, WorkflowDefinition } from "./types.js";

/**
 * Trying the Management Track (seed section of that name): a focused transition plan, after the
 * 90-day plan the seed links (own your education, find your rhythm, assess yourself), with a check-in
 * at the end of each part and the option to return to the IC track at any point.
 */

export const TrialData = z
  .object({
    ...commonFields,
    /** The team member's level: the page offers the trial to Senior and Staff Engineers. */
    level: TrialLevelField,
    start_date: DayField,
    /** The trial activities agreed, such as the seed's examples. */
    activities: TextList.optional(),
  })
  .strict();
export type TrialData = z.infer<typeof TrialData>;

type Ctx = WorkflowContext<TrialData>;

/** The seed's examples of occasions to try management functions. */
export const TRIAL_EXAMPLES = [
  "hosting a Group Conversation",
  "acting as the hiring manager for an intern position",
  "running a series of demo meetings for an important deliverable",
];

const planItems = [
  "Focused transition plan written with the manager",
  "Trial activities chosen (for example hosting a Group Conversation, acting as the hiring manager for an intern position, running a series of demo meetings)",
  "Agreed that the team member can return to the IC track at any checkpoint",
];

/**
 * "It's important that Engineering Managers self-select into that track and don't feel pressured": the
 * team member's own choice, recorded by the team member (their tick; the manager's does not count)
 * before the plan is complete and the trial starts.
 */
export const SELF_SELECTED_ITEM: ChecklistItem = {
  text: "Team member: I chose to try the management track myself, without feeling pressured",
  tickers: ["team_member"],
};

/** The three parts of the plan, each ending with a check-in on day `trial.checkpoints[i]`. */
const PARTS = [
  { id: "education", title: "Own your education", question: "continue, adjust the plan or opt out" },
  { id: "rhythm", title: "Find your rhythm", question: "continue, adjust the plan or opt out" },
  {
    id: "assessment",
    title: "Assess yourself",
    question: "management track or back to the IC track decided",
  },
] as const;

function checkpointDay(ctx: Pick<Ctx, "config">, index: number): number {
  return ctx.config.trial.checkpoints[index] ?? ctx.config.trial.plan_days;
}

function checkInItem(ctx: Pick<Ctx, "config">, index: number): ChecklistItem {
  return { text: `Day ${checkpointDay(ctx, index)} check-in held: ${PARTS[index]!.question}` };
}

const both = ["team_member", "manager"];

const partStages: Stage[] = PARTS.map((part, index) => ({
  id: part.id,
  title: part.title,
  actors: both,
  guidance: `management-trial/guidance-${part.id}`,
  checklist: (ctx) => [checkInItem(ctx as Ctx, index)],
}));

function checkpointDate(index: number) {
  return { from: { field: "start_date" }, days: { config: `trial.checkpoints.${index}` } };
}

const stageIds = ["plan", ...PARTS.map((p) => p.id)];

export const managementTrial: WorkflowDefinition<TrialData> = {
  id: "management-trial",
  label: "career::management-trial",
  title: "Management trial",
  schema: TrialData as unknown as z.ZodType<TrialData>,
  period: {
    start: { field: "start_date" },
    end: { from: { field: "start_date" }, days: { config: "trial.plan_days" } },
  },
  people: (d) => ({
    team_member: d.team_member,
    manager: d.manager,
    people_business_partner: d.people_business_partner,
  }),
  stages: [
    {
      id: "plan",
      title: "Transition plan",
      actors: both,
      guidance: "management-trial/guidance-plan",
      checklist: () => [...planItems.map((text) => ({ text })), SELF_SELECTED_ITEM],
    },
    ...partStages,
    {
      id: "done",
      title: "Done",
      actors: [],
      guidance: "management-trial/guidance-done",
      final: true,
      onEnter: { notes: [{ template: "management-trial/done", mention: both }] },
    },
  ],
  transitions: [
    { from: "plan", to: "education", when: [{ gate: "checklistComplete" }] },
    ...PARTS.map((part, index) => ({
      from: part.id,
      to: PARTS[index + 1]?.id ?? "done",
      when: [
        { gate: "checklistComplete" as const },
        { gate: "onOrAfter" as const, date: checkpointDate(index) },
      ],
      ...(index === PARTS.length - 1 ? { outcome: "completed" } : {}),
      checkpoint: "check-in",
    })),
    ...stageIds.map((from) => ({
      from,
      to: "done",
      when: [{ gate: "command" as const, verb: "opt-out" }],
      outcome: "returned",
    })),
  ],
  commands: [
    {
      verb: "opt-out",
      stages: stageIds,
      roles: both,
      args: [],
      help: "end the trial and return to the individual contributor track; no harm done",
    },
  ],
  reminders: PARTS.map((part, index) => ({
    key: `checkpoint-${index + 1}`,
    stages: [part.id],
    at: checkpointDate(index),
    // Until the check-in is ticked, the reminder comes back (weekly by default): the due date never goes blank.
    every: { config: "trial.reminder_days" },
    note: { template: "management-trial/checkpoint", mention: both },
    checkpoint: "check-in",
  })),
  conditions: {},
  summary: (ctx: Ctx) => {
    const d = ctx.data;
    const days = PARTS.map(
      (_, i) => `day ${checkpointDay(ctx, i)} (${addDays(d.start_date, checkpointDay(ctx, i))})`,
    );
    const lines = [
      `Level: ${d.level} (the handbook offers the trial to Senior and Staff Engineers)`,
      `Trial: from ${d.start_date}, check-ins on ${days.join(", ")}`,
    ];
    for (const activity of d.activities ?? []) lines.push(`Activity: ${activity}`);
    return lines;
  },
  picture: (ctx: Ctx) => trialPicture(ctx.data.level),
  noteData: (ctx: Ctx) => ({
    end_date: addDays(ctx.data.start_date, ctx.config.trial.plan_days),
    examples: TRIAL_EXAMPLES.join("; "),
  }),
};
