import type { Config } from "../config/schema.js";
import type { DateExpr, Gate, NumberExpr, WorkflowContext, WorkflowDefinition } from "../workflows/types.js";
import { addDays, addMonths, type Day, parseDay } from "./dates.js";

/** The one registry of gate kinds; a definition naming anything else fails `validateDefinition`. */
export const GATE_KINDS = ["checklistComplete", "command", "onOrAfter", "condition"] as const;

export function resolveNumber(expr: NumberExpr, config: Config): number {
  if (typeof expr === "number") return expr;
  const value = expr.config
    .split(".")
    .reduce<unknown>((obj, key) => (obj as Record<string, unknown>)?.[key], config);
  if (typeof value !== "number") throw new Error(`config value ${expr.config} is not a number`);
  return value;
}

/** The day a date expression names, or undefined while a fact it needs is not recorded. */
export function resolveDate(expr: DateExpr, ctx: WorkflowContext): Day | undefined {
  if ("field" in expr) {
    const value = (ctx.data as Record<string, unknown>)[expr.field];
    return typeof value === "string" ? parseDay(value) : undefined;
  }
  if ("fact" in expr) {
    const value = ctx.facts[expr.fact];
    return value === undefined ? undefined : parseDay(value);
  }
  if ("stageEntered" in expr) return ctx.stageEntered;
  if ("firstOf" in expr) {
    for (const option of expr.firstOf) {
      const day = resolveDate(option, ctx);
      if (day !== undefined) return day;
    }
    return undefined;
  }
  const base = resolveDate(expr.from, ctx);
  if (base === undefined) return undefined;
  let day = base;
  if (expr.months !== undefined) day = addMonths(day, resolveNumber(expr.months, ctx.config));
  if (expr.days !== undefined) day = addDays(day, resolveNumber(expr.days, ctx.config));
  if (expr.minusDays !== undefined) day = addDays(day, -resolveNumber(expr.minusDays, ctx.config));
  return day;
}

export interface GateInput {
  definition: WorkflowDefinition;
  ctx: WorkflowContext;
  checklistComplete: boolean;
  /** The command being processed, if any. */
  command?: { verb: string; choice?: string };
}

/** Whether one gate holds. */
export function gateHolds(gate: Gate, input: GateInput): boolean {
  switch (gate.gate) {
    case "checklistComplete":
      return input.checklistComplete;
    case "command":
      return (
        input.command !== undefined &&
        input.command.verb === gate.verb &&
        (gate.choice === undefined || input.command.choice === gate.choice)
      );
    case "onOrAfter": {
      const day = resolveDate(gate.date, input.ctx);
      return day !== undefined && input.ctx.today >= day;
    }
    case "condition": {
      const condition = input.definition.conditions[gate.name];
      if (!condition) throw new Error(`unknown condition ${gate.name}`);
      return condition(input.ctx) !== (gate.negate ?? false);
    }
  }
}
