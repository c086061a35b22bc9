import { resolveDate } from "../engine/gates.js";
import type { Command, DateExpr, WorkflowContext } from "./types.js";

/**
 * End dates that `/career extend YYYY-MM-DD` can move. The command records the new date as the fact
 * `end_date`; every gate and reminder reads the end through `endDate()`, so the latest extension
 * wins over the data block, which the bot never rewrites.
 */
export function endDate(...fallbacks: DateExpr[]): DateExpr {
  return { firstOf: [{ fact: "end_date" }, { field: "end_date" }, ...fallbacks] };
}

/** `/career extend YYYY-MM-DD`: refused unless the new end is later than the current one and than today. */
export function extendCommand(options: {
  stages: string[];
  roles: string[];
  end: DateExpr;
  help: string;
}): Command {
  return {
    verb: "extend",
    stages: options.stages,
    roles: options.roles,
    args: [{ name: "end_date", kind: "day" }],
    records: { end_date: "end_date" },
    validate: (args, ctx: WorkflowContext) => {
      const current = resolveDate(options.end, ctx);
      const next = args.end_date;
      if (current !== undefined && next !== undefined && next <= current) {
        return `The new end date (${next}) must be later than the current one (${current})`;
      }
      if (next !== undefined && next <= ctx.today) {
        return `The new end date (${next}) must be after today (${ctx.today})`;
      }
      return undefined;
    },
    help: options.help,
  };
}

/**
 * Whether the end date was moved later than planned by `/career extend`. `/career end` records an
 * earlier `end_date` (end-early.ts): that is an early end, not an extension.
 */
export function wasExtended(ctx: WorkflowContext): boolean {
  const planned = (ctx.data as { end_date?: unknown }).end_date;
  const end = ctx.facts.end_date;
  return end !== undefined && (typeof planned !== "string" || end > planned);
}

/** Whether `/career end` moved the end before the planned one. */
export function endedEarly(ctx: WorkflowContext): boolean {
  const planned = (ctx.data as { end_date?: unknown }).end_date;
  const end = ctx.facts.end_date;
  return end !== undefined && typeof planned === "string" && end < planned;
}
