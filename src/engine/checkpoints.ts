import type { Reminder } from "../workflows/types.js";
import { addDays, compareIso, type Day, daysBetween } from "./dates.js";
import { resolveDate, resolveNumber } from "./gates.js";
import { contextOf, type DefinitionInput, stageOf, type WorkflowState } from "./workflow-state.js";

export interface Checkpoint {
  day: Day;
  label: string;
}

export interface DueReminder {
  reminder: Reminder;
  /** Unique per occurrence: the same reminder is never posted twice. */
  key: string;
  day: Day;
}

type Input = DefinitionInput;

function applicable(input: Input, state: WorkflowState, today: Day): Reminder[] {
  const { definition } = input;
  if (stageOf(definition, state.stage).final) return [];
  const ctx = contextOf(input, state, today);
  return definition.reminders.filter((r) => {
    if (r.stages !== "open" && !r.stages.includes(state.stage)) return false;
    if (r.when && !definition.conditions[r.when]?.(ctx as never)) return false;
    if (r.unlessTicked !== undefined && isTicked(state, r.unlessTicked)) return false;
    return true;
  });
}

function isTicked(state: WorkflowState, item: string): boolean {
  const tick = state.ticks.get(item);
  return tick?.completed === true && tick.counts;
}

/** Days of a reminder's occurrences up to and including the first one after `today`. */
function occurrences(input: Input, state: WorkflowState, reminder: Reminder, today: Day): Day[] {
  const first = resolveDate(reminder.at, contextOf(input, state, today));
  if (first === undefined) return [];
  if (reminder.every === undefined) return [first];
  const every = resolveNumber(reminder.every, input.config);
  const passed = Math.max(0, Math.floor(daysBetween(first, today) / every));
  const days = [first];
  if (passed > 0) days.push(addDays(first, passed * every));
  days.push(addDays(first, (passed + 1) * every));
  return days;
}

/** The reminders whose day has come, one occurrence each (the latest), keyed per stage visit. */
export function dueReminders(input: Input, state: WorkflowState, today: Day): DueReminder[] {
  const due: DueReminder[] = [];
  for (const reminder of applicable(input, state, today)) {
    const days = occurrences(input, state, reminder, today).filter((d) => d <= today);
    const day = days.at(-1);
    if (day === undefined) continue;
    // A stage's reminder whose day came before the stage was (re-)entered is stale, not due.
    if (reminder.stages !== "open" && day < state.enteredDay) continue;
    const scope = reminder.stages === "open" ? "" : `#${state.visit}`;
    const occurrence = reminder.every === undefined && !reminder.keyByDay ? "" : `#${day}`;
    due.push({ reminder, key: `${reminder.key}${scope}${occurrence}`, day });
  }
  return due;
}

/** Every dated checkpoint ahead of `today`, earliest first: reminders, and the dates gates wait for. */
export function upcomingCheckpoints(input: Input, state: WorkflowState, today: Day): Checkpoint[] {
  const points: Checkpoint[] = [];
  for (const reminder of applicable(input, state, today)) {
    for (const day of occurrences(input, state, reminder, today)) {
      if (day > today) points.push({ day, label: reminder.checkpoint });
    }
  }
  points.push(...gateDays(input, state, today));
  return points.sort((a, b) => compareIso(a.day, b.day));
}

/** Days ahead on which a transition out of the current stage opens (SPEC: the due date is a gate's date too). */
function gateDays(input: Input, state: WorkflowState, today: Day): Checkpoint[] {
  const { definition } = input;
  if (stageOf(definition, state.stage).final) return [];
  const ctx = contextOf(input, state, today);
  return definition.transitions
    .filter((t) => t.from === state.stage)
    .flatMap((t) =>
      t.when.flatMap((gate) => {
        if (gate.gate !== "onOrAfter") return [];
        const day = resolveDate(gate.date, ctx);
        const label = t.checkpoint ?? stageOf(definition, t.to).title;
        return day !== undefined && day > today ? [{ day, label }] : [];
      }),
    );
}

export function nextCheckpoint(input: Input, state: WorkflowState, today: Day): Checkpoint | undefined {
  return upcomingCheckpoints(input, state, today)[0];
}

/** Labels that hold because a reminder's day has passed (for example `career-status::overdue`). */
export function reminderLabels(input: Input, state: WorkflowState, today: Day): string[] {
  return dueReminders(input, state, today).flatMap((d) => (d.reminder.label ? [d.reminder.label] : []));
}

/** The passed day of a limit that is still in force: kept as the due date so GitLab shows it overdue. */
export function overdueDay(input: Input, state: WorkflowState, today: Day): Day | undefined {
  return dueReminders(input, state, today).find((d) => d.reminder.label)?.day;
}
