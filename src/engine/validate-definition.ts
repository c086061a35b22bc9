import type { Gate, WorkflowDefinition } from "../workflows/types.js";
import { GATE_KINDS } from "./gates.js";
import type { Renderer } from "./render.js";

/**
 * Checks a workflow definition against the engine (changesets' `validateConfigByRules`): every
 * stage, gate, condition and template it names must exist. `career-bot validate` and a test run it
 * on every workflow, so a typo fails before it reaches an issue.
 */
export function validateDefinition(definition: WorkflowDefinition, renderer: Renderer): string[] {
  const problems: string[] = [];
  const where = `workflow ${definition.id}`;
  const stages = new Set(definition.stages.map((s) => s.id));
  const needStage = (id: string, context: string) => {
    if (!stages.has(id)) problems.push(`${where}: ${context} names unknown stage "${id}"`);
  };
  const needCondition = (name: string | undefined, context: string) => {
    if (name !== undefined && !(name in definition.conditions)) {
      problems.push(`${where}: ${context} names unknown condition "${name}"`);
    }
  };
  const needTemplate = (name: string, context: string) => {
    if (!renderer.has(name)) problems.push(`${where}: ${context} names unknown template "${name}"`);
  };
  const checkGate = (gate: Gate, context: string) => {
    if (!GATE_KINDS.includes(gate.gate))
      problems.push(`${where}: ${context} uses unknown gate "${gate.gate}"`);
    if (gate.gate === "condition") needCondition(gate.name, context);
    if (gate.gate === "command" && !definition.commands.some((c) => c.verb === gate.verb)) {
      problems.push(`${where}: ${context} waits for unknown command "${gate.verb}"`);
    }
  };

  if (definition.warnings) needTemplate("common/warning", "warnings");
  if (definition.label !== `career::${definition.id}`)
    problems.push(`${where}: label must be career::${definition.id}`);
  if (definition.stages.length === 0) problems.push(`${where}: has no stages`);
  if (stages.size !== definition.stages.length) problems.push(`${where}: has duplicate stage ids`);
  for (const stage of definition.stages) {
    needTemplate(stage.guidance, `stage ${stage.id}`);
    for (const note of stage.onEnter?.notes ?? []) {
      needTemplate(note.template, `stage ${stage.id}`);
      needCondition(note.when, `stage ${stage.id}`);
    }
    for (const followUp of stage.onEnter?.followUps ?? []) {
      needTemplate(followUp.template, `stage ${stage.id} follow-up`);
      needTemplate(followUp.titleTemplate, `stage ${stage.id} follow-up`);
    }
    const leaves = definition.transitions.some((t) => t.from === stage.id);
    if (!stage.final && !leaves) problems.push(`${where}: stage ${stage.id} is not final and has no way out`);
    const reached = stage === definition.stages[0] || definition.transitions.some((t) => t.to === stage.id);
    if (!reached) problems.push(`${where}: stage ${stage.id} cannot be reached`);
  }
  for (const [index, t] of definition.transitions.entries()) {
    needStage(t.from, `transition ${index}`);
    needStage(t.to, `transition ${index}`);
    for (const gate of t.when) checkGate(gate, `transition ${t.from} -> ${t.to}`);
    const target = definition.stages.find((s) => s.id === t.to);
    if (target?.final && !t.outcome)
      problems.push(`${where}: transition ${t.from} -> ${t.to} ends without an outcome`);
  }
  for (const command of definition.commands) {
    for (const stage of command.stages) needStage(stage, `command ${command.verb}`);
    for (const requirement of command.requires ?? []) checkGate(requirement.gate, `command ${command.verb}`);
    for (const arg of Object.values(command.records ?? {})) {
      if (!command.args.some((a) => a.name === arg))
        problems.push(`${where}: command ${command.verb} records unknown argument ${arg}`);
    }
  }
  for (const reminder of definition.reminders) {
    if (reminder.stages !== "open")
      for (const stage of reminder.stages) needStage(stage, `reminder ${reminder.key}`);
    needTemplate(reminder.note.template, `reminder ${reminder.key}`);
    needCondition(reminder.when, `reminder ${reminder.key}`);
  }
  return problems;
}
