import * as z from "zod";
import { transferPicture } from "../careers/ladder-picture.js";
import { laddersOf } from "../careers/ladder-set.js";
import { findTransfer, TRANSFER_TABLE_NOTE, type TransferOption } from "../careers/transfers.js";
import type { Config } from "../config/schema.js";
import { commonFields, DayField, ShortText, Username } from "./fields.js";
import type { Problem, WorkflowContext, WorkflowDefinition } from "./types.js";

/**
 * Lateral transfer (seed: "Transfer Options" under "Promotion"). The move is checked against the seed's
 * table and its backend-team note; the seed says not to feel limited by the table, so an unlisted move
 * is a warning that quotes it, never an error.
 */

export const TransferData = z
  .object({
    ...commonFields,
    new_manager: Username.optional(),
    current_role: ShortText,
    target_role: ShortText,
    transfer_date: DayField.optional(),
  })
  .strict();
export type TransferData = z.infer<typeof TransferData>;

type Ctx = WorkflowContext<TransferData>;

function same(a: string, b: string): boolean {
  return a.trim().replace(/\s+/g, " ").toLowerCase() === b.trim().replace(/\s+/g, " ").toLowerCase();
}

function check(data: TransferData, _config: Config): Problem[] {
  if (!same(data.current_role, data.target_role)) return [];
  return [
    {
      field: "target_role",
      value: data.target_role,
      message: "is the same as current_role; a lateral transfer moves to another role or team",
    },
  ];
}

function describeListed(option: TransferOption): string {
  return option.kind === "table"
    ? `listed in the Transfer Options table (${option.from} to ${option.to})`
    : `a move between backend teams (${option.from} to ${option.to}), which the handbook lists as an option`;
}

function warnings(data: TransferData, config: Config): string[] {
  if (findTransfer(data.current_role, data.target_role, laddersOf(config).transfers)) return [];
  return [
    `The move from ${data.current_role} to ${data.target_role} is not in the handbook's Transfer Options table. The handbook says: "${TRANSFER_TABLE_NOTE}" Talk it through with your manager and your People Business Partner.`,
  ];
}

const applicationItems = [
  "Told the current manager (or the People Business Partner) before applying",
  "Applied to the new role through Greenhouse",
  "Interviews and references completed",
  "Offer for the new role accepted",
];

const transitionItems = [
  "Transfer date agreed between the current and the new manager",
  "Letter of adjustment signed",
  "BambooHR job information change request submitted",
  "New manager announced the transfer to the team",
  "Backfill and onboarding for the new role planned",
];

const managers = ["manager", "new_manager"];

export const lateralTransfer: WorkflowDefinition<TransferData> = {
  id: "lateral-transfer",
  label: "career::lateral-transfer",
  title: "Lateral transfer",
  schema: TransferData as unknown as z.ZodType<TransferData>,
  people: (d) => ({
    team_member: d.team_member,
    manager: d.manager,
    new_manager: d.new_manager,
    people_business_partner: d.people_business_partner,
  }),
  check,
  warnings,
  stages: [
    {
      id: "application",
      title: "Application",
      actors: ["team_member", "manager"],
      guidance: "lateral-transfer/guidance-application",
      checklist: () => applicationItems.map((text) => ({ text })),
    },
    {
      id: "transition",
      title: "Transition",
      actors: managers,
      guidance: "lateral-transfer/guidance-transition",
      checklist: () => transitionItems.map((text) => ({ text })),
      onEnter: { notes: [{ template: "lateral-transfer/transition", mention: managers }] },
    },
    {
      id: "done",
      title: "Done",
      actors: [],
      guidance: "lateral-transfer/guidance-done",
      final: true,
      onEnter: { notes: [{ template: "lateral-transfer/done", mention: ["team_member", ...managers] }] },
    },
  ],
  transitions: [
    { from: "application", to: "transition", when: [{ gate: "checklistComplete" }] },
    { from: "transition", to: "done", when: [{ gate: "checklistComplete" }], outcome: "transferred" },
    ...(["application", "transition"] as const).map((from) => ({
      from,
      to: "done",
      when: [{ gate: "command" as const, verb: "withdraw" }],
      outcome: "withdrawn",
    })),
  ],
  commands: [
    {
      verb: "withdraw",
      stages: ["application", "transition"],
      roles: ["team_member", "manager"],
      args: [],
      help: "the transfer is not going ahead; the workflow ends",
    },
  ],
  reminders: [
    {
      key: "transfer-day",
      stages: ["transition"],
      at: { field: "transfer_date" },
      note: { template: "lateral-transfer/transfer-day", mention: managers },
      checkpoint: "transfer date",
    },
  ],
  conditions: {},
  summary: (ctx: Ctx) => {
    const d = ctx.data;
    const option = findTransfer(d.current_role, d.target_role, laddersOf(ctx.config).transfers);
    const lines = [
      `Move: ${d.current_role} to ${d.target_role}: ${option ? describeListed(option) : "not in the Transfer Options table (see the warning comment)"}`,
    ];
    if (d.new_manager) lines.push(`New manager: ${d.new_manager}`);
    if (d.transfer_date) lines.push(`Transfer date: ${d.transfer_date}`);
    return lines;
  },
  // Drawn only for a listed move: the table's own names, never the words typed in the data block.
  picture: (ctx: Ctx) => {
    const ladders = laddersOf(ctx.config);
    const option = findTransfer(ctx.data.current_role, ctx.data.target_role, ladders.transfers);
    return option ? transferPicture(ladders, option) : undefined;
  },
};
