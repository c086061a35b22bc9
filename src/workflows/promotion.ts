import * as z from "zod";
import { stepPicture } from "../careers/ladder-picture.js";
import {
  type Basis,
  findRoles,
  type LadderRole,
  type Ladders,
  laddersOf,
  type NextRole,
  nextRoles,
  PAGE_LADDERS,
} from "../careers/ladders.js";
import type { Config } from "../config/schema.js";
import { commonFields, ShortText } from "./fields.js";
import type { Problem, WorkflowContext, WorkflowDefinition } from "./types.js";

/**
 * Promotion (seed: "Promotion", "Opportunity" and the Roles graphs). The target must be a next role of
 * the current one in the career ladders; a step "based on merit and company need" needs a position of
 * need. Coaching prepares, the promotion document shows what was already done, and people ops decide.
 */

export const PromotionData = z
  .object({
    ...commonFields,
    current_role: ShortText,
    target_role: ShortText,
    position_of_need: ShortText.optional(),
  })
  .strict();
export type PromotionData = z.infer<typeof PromotionData>;

type Ctx = WorkflowContext<PromotionData>;

/** `department` narrows role names shared by two ladders ("Senior Backend Engineer") when it names one. */
function departmentOf(data: PromotionData, ladders: Ladders): string | undefined {
  const text = data.department?.trim().toLowerCase();
  return ladders.departments.find((d) => d.toLowerCase() === text);
}

function currentRoles(data: PromotionData, ladders: Ladders): LadderRole[] {
  return findRoles(data.current_role, departmentOf(data, ladders), ladders);
}

function candidates(data: PromotionData, ladders: Ladders): NextRole[] {
  return currentRoles(data, ladders).flatMap((role) => nextRoles(role, ladders));
}

/** The step from the current to the target role (and the current role), or undefined when the ladders have none. */
export function promotionStep(
  data: PromotionData,
  ladders: Ladders,
): (NextRole & { from: LadderRole }) | undefined {
  const targets = new Set(findRoles(data.target_role, undefined, ladders).map((role) => role.id));
  for (const from of currentRoles(data, ladders)) {
    const step = nextRoles(from, ladders).find((next) => targets.has(next.role.id));
    if (step) return { ...step, from };
  }
  return undefined;
}

function describeBasis(basis: Basis): string {
  return basis === "merit" ? "merit" : "merit and company need";
}

function describeNextRoles(next: NextRole[]): string {
  const names = next.map((n) => n.role.name);
  const shared = new Set(names.filter((name, i) => names.indexOf(name) !== i));
  const lines = next.map(
    (n) =>
      `${n.role.name}${shared.has(n.role.name) ? ` in ${n.role.department}` : ""} (${describeBasis(n.basis)})`,
  );
  return [...new Set(lines)].join("; ");
}

function needsPosition(data: PromotionData, config: Config): boolean {
  return promotionStep(data, laddersOf(config))?.basis === "merit-and-company-need";
}

function check(data: PromotionData, config: Config): Problem[] {
  const ladders = laddersOf(config);
  const where = ladders === PAGE_LADDERS ? "on the handbook page" : `in ${ladders.source}`;
  if (currentRoles(data, ladders).length === 0) {
    // A role outside the ladders is not an error of spelling only: the person may be in another
    // department, whose promotions follow the People Ops process alone.
    return [
      {
        field: "current_role",
        value: data.current_role,
        message:
          where === "on the handbook page"
            ? `is not in the handbook page's career ladders, which cover ${ladders.departments.join(", ")}. ` +
              "Write a role of theirs as the Roles graphs name it (Senior Backend Engineer); " +
              `for any other role, follow the People Ops promotion process: ${config.promotion.process_url}`
            : `is not a role of the career ladders ${where}; write it as a role name there, e.g. ${ladders.roles[0]?.name ?? "a role"}; ` +
              `for any other role, follow the People Ops promotion process: ${config.promotion.process_url}`,
      },
    ];
  }
  const next = candidates(data, ladders);
  if (next.length === 0) {
    return [
      {
        field: "target_role",
        value: data.target_role,
        message: `${data.current_role} has no next role in the career ladders`,
      },
    ];
  }
  const step = promotionStep(data, ladders);
  if (!step) {
    return [
      {
        field: "target_role",
        value: data.target_role,
        message: `is not a next role of ${data.current_role}; the valid next roles are: ${describeNextRoles(next)}`,
      },
    ];
  }
  if (step.basis === "merit-and-company-need" && !data.position_of_need?.trim()) {
    return [
      {
        field: "position_of_need",
        message: `is required: the move from ${data.current_role} to ${data.target_role} is based on merit and company need, so name the open position (its requisition or a link)`,
      },
    ];
  }
  return [];
}

const coachingItems = [
  "Career coaching conversation held between the team member and the manager",
  "Readiness for the target role discussed against its job family requirements",
];
export const POSITION_ITEM =
  "Position of need for the target role confirmed (see position_of_need in the details at the top of this issue)";
/** The item's wording until 0.x: ticks made on it still count. */
const POSITION_ITEM_FORMERLY =
  "Position of need for the target role confirmed (see position_of_need in the data block)";

const documentItems = [
  "Promotion document written, showing what the team member has already done at the target level",
  "360 feedback gathered, peer reviews especially",
];
/** "their manager should follow the promotion process outlined by People Ops": the manager's step. */
export const SUBMITTED_ITEM = "Manager submitted the promotion following the People Ops promotion process";

export const promotion: WorkflowDefinition<PromotionData> = {
  id: "promotion",
  label: "career::promotion",
  title: "Promotion",
  schema: PromotionData as unknown as z.ZodType<PromotionData>,
  people: (d) => ({
    team_member: d.team_member,
    manager: d.manager,
    people_business_partner: d.people_business_partner,
  }),
  check,
  warnings: (_data, config) =>
    config.people_ops.length > 0
      ? []
      : [
          {
            setup:
              "For whoever runs this careers project: no people_ops user is set in .gitlab/career-bot.yml, so nobody can record the decision on this promotion (only people ops may). Add the People Ops usernames under people_ops in that file.",
          },
        ],
  stages: [
    {
      id: "coaching",
      title: "Coaching",
      actors: ["team_member", "manager"],
      guidance: "promotion/guidance-coaching",
      checklist: (ctx) => [
        ...coachingItems.map((text) => ({ text })),
        ...(needsPosition(ctx.data as PromotionData, ctx.config)
          ? // "There must be a position of need": the manager (or people ops) confirms it, not the candidate.
            [{ text: POSITION_ITEM, tickers: ["manager"], formerly: [POSITION_ITEM_FORMERLY] }]
          : []),
      ],
    },
    {
      id: "document",
      title: "Document",
      actors: ["team_member", "manager"],
      guidance: "promotion/guidance-document",
      checklist: () => [
        ...documentItems.map((text) => ({ text })),
        { text: SUBMITTED_ITEM, tickers: ["manager"] },
      ],
      onEnter: { notes: [{ template: "promotion/document", mention: ["team_member", "manager"] }] },
    },
    {
      id: "review",
      title: "Review",
      actors: ["people_ops"],
      guidance: "promotion/guidance-review",
      onEnter: { notes: [{ template: "promotion/review", mention: ["people_ops", "manager"] }] },
    },
    {
      id: "done",
      title: "Done",
      actors: [],
      guidance: "promotion/guidance-done",
      final: true,
      onEnter: { notes: [{ template: "promotion/done", mention: ["team_member", "manager"] }] },
    },
  ],
  transitions: [
    { from: "coaching", to: "document", when: [{ gate: "checklistComplete" }] },
    { from: "document", to: "review", when: [{ gate: "checklistComplete" }] },
    {
      from: "review",
      to: "done",
      when: [{ gate: "command", verb: "decision", choice: "approved" }],
      outcome: "promoted",
    },
    {
      from: "review",
      to: "done",
      when: [{ gate: "command", verb: "decision", choice: "declined" }],
      outcome: "declined",
    },
  ],
  commands: [
    {
      verb: "decision",
      stages: ["review"],
      // Only people ops, whom the engine adds to every command's roles.
      roles: [],
      args: [{ name: "decision", kind: { choice: ["approved", "declined"] } }],
      records: { decision: "decision" },
      help: "people ops record the decision on the promotion",
    },
  ],
  reminders: [],
  conditions: {},
  summary: (ctx: Ctx) => {
    const d = ctx.data;
    const step = promotionStep(d, laddersOf(ctx.config));
    const lines = [
      `Move: ${d.current_role} to ${d.target_role}${step ? `, based on ${describeBasis(step.basis)}` : ""}`,
    ];
    if (d.position_of_need) lines.push(`Position of need: ${d.position_of_need}`);
    if (ctx.facts.decision) lines.push(`Decision: ${ctx.facts.decision} (${ctx.facts.decision_day})`);
    return lines;
  },
  picture: (ctx: Ctx) => {
    const ladders = laddersOf(ctx.config);
    const step = promotionStep(ctx.data, ladders);
    return step ? stepPicture(ladders, step.from, step.role, ctx.config.handbook_url) : undefined;
  },
  noteData: (ctx: Ctx) => {
    const step = promotionStep(ctx.data, laddersOf(ctx.config));
    return { basis: step ? describeBasis(step.basis) : "" };
  },
};
