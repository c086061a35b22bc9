import type { Author, Command, Role, WorkflowDefinition } from "../workflows/types.js";
import { nextCheckpoint } from "./checkpoints.js";
import { type CommandLine, parseArgs, usage } from "./command-parse.js";
import { CONFIRM_USAGE, type ConfirmedPeople, judgeConfirm } from "./confirm-people.js";
import type { Day } from "./dates.js";
import { gateHolds, resolveDate } from "./gates.js";
import { describeRoles, hasRole, rolesOf } from "./roles.js";
import { safeInline } from "./safe-text.js";
import {
  checklistComplete,
  contextOf,
  enter,
  type ReplayInput,
  stageOf,
  type Verdict,
  type WorkflowState,
} from "./workflow-state.js";

export const BUILT_IN_VERBS = ["help", "status", "confirm"] as const;

export interface Judgement {
  verdict: Verdict;
  message: string;
  /** Roles the reply mentions, when the command itself says who acts next. */
  notify?: Role[];
  /** Applies an accepted command to the state. */
  apply: () => void;
  /** For an accepted `/career confirm people`: the people it puts on record (replay applies them). */
  people?: ConfirmedPeople;
}

interface JudgeInput {
  input: ReplayInput;
  state: WorkflowState;
  line: CommandLine;
  author: string;
  today: Day;
  /** The bot accepted this command before: who wrote it is not judged again. */
  authorityGiven?: boolean;
}

const NOTHING = () => {};

/** Decides whether a command is accepted at the moment it was written, and what the reply says. */
export function judgeCommand({ input, state, line, author, today, authorityGiven }: JudgeInput): Judgement {
  const { definition } = input;
  const ctx = contextOf(input, state, today);
  if (line.verb === "help")
    return { verdict: "accepted", message: helpText(definition, state), apply: NOTHING };
  if (line.verb === "status")
    return { verdict: "accepted", message: statusText(input, state, today), apply: NOTHING };

  if (line.verb === "confirm") return confirmPeople(input, state, line, author);

  const command = definition.commands.find((c) => c.verb === line.verb);
  if (!command) {
    const verbs = [...definition.commands.map((c) => c.verb), ...BUILT_IN_VERBS].join(", ");
    return refuse(
      `\`${safeInline(line.verb, 40)}\` is not a command of the ${definition.title} workflow. Commands: ${verbs}.`,
    );
  }
  if (!authorityGiven && !hasRole(input.roles, command.roles, author)) {
    // "Only people ops (carol)", never "Only the people ops": people ops are a group, not a role of the issue.
    const who = command.roles.length === 0 ? "" : "the ";
    return refuse(
      `Only ${who}${describeRoles(input.roles, command.roles)} can use \`/career ${command.verb}\`.`,
    );
  }
  if (stageOf(definition, state.stage).final) {
    return refuse(
      `This ${definition.title} workflow has finished (${state.outcome ?? state.stage}); nothing more to do.`,
    );
  }
  if (input.issueClosed && !authorityGiven) {
    return refuse("This issue is closed, so the workflow is paused; reopen the issue to go on.");
  }
  if (!command.stages.includes(state.stage)) {
    const now = stageOf(definition, state.stage).title;
    return refuse(
      `\`/career ${command.verb}\` is not available in the ${now} stage. ${availableText(definition, state)}`,
    );
  }
  const args = parseArgs(command, line.args);
  if (!args.ok) return refuse(`Usage: \`${usage(command)}\` (${args.problem}).`);
  if (!authorityGiven) {
    for (const arg of command.args) {
      const name = args.values[arg.name];
      if (arg.kind === "user" && name && input.users?.get(name.toLowerCase()) === null) {
        return refuse(`No GitLab user is called ${name}; check the username on their profile.`);
      }
    }
  }

  for (const requirement of command.requires ?? []) {
    if (
      !gateHolds(requirement.gate, {
        definition,
        ctx,
        checklistComplete: checklistComplete(definition, state, ctx),
      })
    ) {
      const day = requirement.gate.gate === "onOrAfter" ? resolveDate(requirement.gate.date, ctx) : undefined;
      return refuse(day ? `${requirement.refusal} (on ${day}).` : `${requirement.refusal}.`);
    }
  }
  const by: Author = { username: author, roles: rolesOf(input.roles, author) };
  const invalid = command.validate?.(args.values, ctx, by);
  // The reason may quote values from the data block: made safe like any user text.
  if (invalid !== undefined) return refuse(`${safeInline(invalid, 400)}.`);
  const outcome = command.outcome?.(args.values, ctx, by);

  const choice = command.args.find((a) => typeof a.kind === "object");
  const event = { verb: command.verb, choice: choice ? args.values[choice.name] : undefined };
  return {
    verdict: "accepted",
    message: outcome?.message ?? acceptedText(command, args.values),
    ...(outcome ? { notify: outcome.notify } : {}),
    apply: () => {
      const facts: Record<string, string> = { ...state.facts, [`${command.verb}_day`]: today };
      for (const [fact, arg] of Object.entries(command.records ?? {})) {
        const value = args.values[arg];
        if (value !== undefined) facts[fact] = value;
      }
      for (const [fact, value] of Object.entries(outcome?.facts ?? {})) {
        if (value === undefined) delete facts[fact];
        else facts[fact] = value;
      }
      state.facts = facts;
      const after = contextOf(input, state, today);
      const complete = checklistComplete(definition, state, after);
      const next = definition.transitions.find(
        (t) =>
          t.from === state.stage &&
          t.when.some((g) => g.gate === "command") &&
          t.when.every((g) =>
            gateHolds(g, { definition, ctx: after, checklistComplete: complete, command: event }),
          ),
      );
      if (next) enter(state, next.to, today, next.outcome);
    },
  };
}

/** `/career confirm people`, in any stage of a running workflow (confirm-people.ts says who may). */
function confirmPeople(
  input: ReplayInput,
  state: WorkflowState,
  line: CommandLine,
  author: string,
): Judgement {
  const { definition } = input;
  if (stageOf(definition, state.stage).final) {
    return refuse(
      `This ${definition.title} workflow has finished (${state.outcome ?? state.stage}); nothing more to do.`,
    );
  }
  if (input.issueClosed)
    return refuse("This issue is closed, so the workflow is paused; reopen the issue to go on.");
  const judged = judgeConfirm(input, line, author);
  return {
    verdict: judged.verdict,
    message: judged.message,
    apply: NOTHING,
    ...(judged.people ? { people: judged.people, notify: [] } : {}),
  };
}

function refuse(message: string): Judgement {
  return { verdict: "refused", message, apply: NOTHING };
}

function acceptedText(command: Command, values: Record<string, string>): string {
  const shown = Object.values(values).join(" ");
  return `Done: \`/career ${command.verb}${shown ? ` ${shown}` : ""}\` recorded.`;
}

export function availableCommands(definition: WorkflowDefinition, state: WorkflowState): Command[] {
  if (stageOf(definition, state.stage).final) return [];
  return definition.commands.filter((c) => c.stages.includes(state.stage));
}

function availableText(definition: WorkflowDefinition, state: WorkflowState): string {
  const verbs = availableCommands(definition, state).map((c) => `\`${usage(c)}\``);
  return verbs.length > 0 ? `Available now: ${verbs.join(", ")}.` : "No command is needed in this stage.";
}

function helpText(definition: WorkflowDefinition, state: WorkflowState): string {
  const stage = stageOf(definition, state.stage);
  const lines = availableCommands(definition, state).map((c) => `- \`${usage(c)}\`: ${c.help}`);
  lines.push(
    "- `/career status`: the stage and the next checkpoint",
    `- \`${CONFIRM_USAGE}\`: accept a change of people in the details at the top (the manager on record or people ops)`,
    "- `/career help`: this list",
  );
  return `Commands in the ${stage.title} stage:\n${lines.join("\n")}`;
}

function statusText(input: ReplayInput, state: WorkflowState, today: Day): string {
  const stage = stageOf(input.definition, state.stage);
  const next = nextCheckpoint(input, state, today);
  const checkpoint = next ? `next checkpoint: ${next.label} on ${next.day}` : "no dated checkpoint ahead";
  return `Stage: ${stage.title} (since ${state.enteredDay}); ${checkpoint}.`;
}
