import { GitLabError } from "../gitlab/port.js";
import type { SetupContext } from "./context.js";
import { failedStep } from "./failure.js";
import type { LabelSpec } from "./labels.js";
import type { StepResult } from "./report.js";

/**
 * Creates the labels the project lacks. Existing ones are left as they are: a team that recolored
 * a label keeps its color. A refusal for lack of rights stops the step (every other label would be
 * refused too); any other failure is listed and the rest are still created.
 */
export async function ensureLabels(ctx: SetupContext, catalogue: LabelSpec[]): Promise<StepResult> {
  let existing: Set<string>;
  try {
    existing = new Set((await ctx.port.listLabels(ctx.project.id)).map((label) => label.name));
  } catch (error) {
    return failedStep("labels", "cannot list the labels", error, ctx.secrets);
  }
  const missing = catalogue.filter((label) => !existing.has(label.name));
  const there = catalogue.length - missing.length;
  if (missing.length === 0) {
    return { step: "labels", status: "unchanged", detail: `all ${catalogue.length} labels are there` };
  }
  if (ctx.dryRun) {
    return {
      step: "labels",
      status: "planned",
      detail: `would create ${missing.length} label(s); ${there} already there`,
      changes: missing.map((label) => `+ ${label.name}`),
    };
  }
  const created: string[] = [];
  const failed: string[] = [];
  let firstError: unknown;
  for (const label of missing) {
    try {
      await ctx.port.createLabel(ctx.project.id, label);
      created.push(`+ ${label.name}`);
    } catch (error) {
      if (error instanceof GitLabError && (error.kind === "forbidden" || error.kind === "unauthorized")) {
        const result = failedStep("labels", `cannot create ${label.name}`, error, ctx.secrets);
        return { ...result, changes: created };
      }
      failed.push(label.name);
      firstError ??= error;
    }
  }
  if (failed.length > 0) {
    return {
      ...failedStep(
        "labels",
        `${failed.length} label(s) not created (${failed.join(", ")})`,
        firstError,
        ctx.secrets,
      ),
      changes: created,
    };
  }
  return {
    step: "labels",
    status: "created",
    detail: `created ${created.length} label(s); ${there} already there`,
    changes: created,
  };
}
