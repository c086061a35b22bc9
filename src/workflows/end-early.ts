import { daysBetween } from "../engine/dates.js";
import { resolveDate } from "../engine/gates.js";
import type { Command, DateExpr, WorkflowContext } from "./types.js";

/**
 * `/career end YYYY-MM-DD`: an acting appointment ends "after a set amount of time or other
 * conditions" (Acting Manager), so it may end before its planned end as well as after it. The
 * command records the new date as the fact `end_date`, as `/career extend` does, so every gate and
 * reminder reads it through the same `endDate()`; an earlier date than the planned one is what tells
 * an early end from an extension (see `wasExtended`).
 */
export function endEarlyCommand(options: {
  stages: string[];
  roles: string[];
  end: DateExpr;
  help: string;
}): Command {
  return {
    verb: "end",
    stages: options.stages,
    roles: options.roles,
    args: [{ name: "end_date", kind: "day" }],
    records: { end_date: "end_date" },
    validate: (args, ctx: WorkflowContext) => {
      const current = resolveDate(options.end, ctx);
      const next = args.end_date;
      if (next === undefined) return undefined;
      if (current !== undefined && next >= current) {
        return (
          `The end date (${next}) must be before the current end (${current}): ` +
          `'/career end' ends the appointment early; to keep it going longer, use '/career extend ${next}'`
        );
      }
      if (next < ctx.today) {
        return `The end date (${next}) has passed (today is ${ctx.today}): give today or a later day`;
      }
      return undefined;
    },
    outcome: (args, ctx: WorkflowContext) => {
      const next = args.end_date ?? "";
      const planned = resolveDate(options.end, ctx);
      return {
        facts: {},
        message: `Done: the appointment now ends on ${next} instead of ${planned}; then the team member returns to their original role.`,
        notify: ["team_member"],
      };
    },
    help: options.help,
  };
}

/** "today", "tomorrow" or "in 9 days": how far a day is from today, computed from the dates. */
export function daysFromNow(today: string, day: string): string {
  const days = daysBetween(today, day);
  if (days <= 0) return "today";
  if (days === 1) return "tomorrow";
  return `in ${days} days`;
}
