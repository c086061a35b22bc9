import type { Day } from "./dates.js";
import { latestDay } from "./dates.js";
import { gateHolds, resolveDate } from "./gates.js";
import {
  checklistComplete,
  contextOf,
  type DefinitionInput,
  enter,
  stageOf,
  type WorkflowState,
} from "./workflow-state.js";

/** Takes every automatic transition (no command in its gates) that holds on `today`. */
export function settle(input: DefinitionInput, state: WorkflowState, today: Day): void {
  const { definition } = input;
  for (let guard = 0; guard < definition.stages.length * 2; guard++) {
    if (stageOf(definition, state.stage).final) return;
    const ctx = contextOf(input, state, today);
    const complete = checklistComplete(definition, state, ctx);
    const next = definition.transitions.find(
      (t) =>
        t.from === state.stage &&
        t.when.every((gate) => gate.gate !== "command") &&
        t.when.every((gate) => gateHolds(gate, { definition, ctx, checklistComplete: complete })),
    );
    if (!next) return;
    const gateDays = next.when.flatMap((gate) =>
      gate.gate === "onOrAfter" ? [resolveDate(gate.date, ctx) ?? today] : [],
    );
    enter(state, next.to, latestDay(gateDays) ?? today, next.outcome);
  }
}
