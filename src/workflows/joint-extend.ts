import { resolveDate } from "../engine/gates.js";
import type { Author, Command, CommandOutcome, DateExpr, Role, WorkflowContext } from "./types.js";

/**
 * "Both the intern and the department will determine whether it makes sense to extend the timeframe
 * further" (Apprenticeship for Learning): an extension is a joint decision. One side proposes an end
 * date with `/career extend YYYY-MM-DD`; it takes effect when the other side agrees, with
 * `/career agree` or the same command with the same date. The sides are the apprentice and the
 * department "with which they are interning": its manager, the host manager. The home manager may
 * join (their word is recorded as support) but does not replace the host department.
 *
 * People ops count on the department's side, never for the apprentice: they may stand in for a
 * host manager who is away, but a people partner would not extend someone's time in another
 * department without their agreement. Ending at the review is decided jointly too (joint-conclude.ts).
 *
 * The proposal is kept as facts until it is agreed to or replaced by its own side; the new end date
 * is recorded as `end_date` only once both sides agreed, so every gate keeps the current end until then.
 */

export type Side = "apprentice" | "managers";

const APPRENTICE: Role[] = ["team_member"];
/** The department's side: its manager. People ops, whom the engine adds to every role, count here too. */
const DEPARTMENT: Role[] = ["host_manager"];
/** Who may use the commands: both sides, and the home manager, who joins without deciding. */
export const JOINT_ROLES: Role[] = ["team_member", "manager", "host_manager"];

const PROPOSED = "extend_proposed";
const PROPOSED_BY = "extend_proposed_by";
const PROPOSER = "extend_proposer";

/** The day the extension was agreed, for the status. */
export const EXTENDED_DAY = "extended_day";

/** The side a person speaks for; the home manager alone speaks for neither ("joins"). */
export function sideOf(author: Author): Side | "joins" {
  if (author.roles.includes("team_member")) return "apprentice";
  // The host manager, or people ops standing in for them.
  if (author.roles.includes("host_manager") || author.roles.includes("people_ops")) return "managers";
  return "joins";
}

function otherSide(side: Side): Side {
  return side === "apprentice" ? "managers" : "apprentice";
}

interface Names {
  team_member?: unknown;
  manager?: unknown;
  host_manager?: unknown;
}

/** "the apprentice (alice)" or "the host manager (dave)": who a side is, by name. */
export function describeSide(side: Side, ctx: WorkflowContext): string {
  const data = ctx.data as Names;
  if (side === "apprentice") return `the apprentice (${String(data.team_member)})`;
  return `the host manager (${String(data.host_manager)})`;
}

/** The reply to the home manager: their word is welcome, the decision is the two sides'. */
export function joinsText(what: string, author: Author, ctx: WorkflowContext): string {
  return (
    `Recorded: ${author.username} (the home manager) supports ${what}. It is decided by ` +
    `${describeSide("apprentice", ctx)} and the department they intern with, ${describeSide("managers", ctx)}; ` +
    "nothing changes until both of them agree."
  );
}

/** A proposal waiting for the other side: its date and who proposed it. */
export function pendingExtension(ctx: WorkflowContext): { day: string; side: Side; by: string } | undefined {
  const day = ctx.facts[PROPOSED];
  const side = ctx.facts[PROPOSED_BY];
  if (day === undefined || (side !== "apprentice" && side !== "managers")) return undefined;
  return { day, side, by: ctx.facts[PROPOSER] ?? "" };
}

/** Whether no proposal waits: after a command, whether it completed the extension. */
export function noExtensionPending(ctx: WorkflowContext): boolean {
  return pendingExtension(ctx) === undefined;
}

function dateProblem(next: string, end: DateExpr, ctx: WorkflowContext): string | undefined {
  const current = resolveDate(end, ctx);
  if (current !== undefined && next <= current) {
    return `The new end date (${next}) must be later than the current one (${current})`;
  }
  if (next <= ctx.today) return `The new end date (${next}) must be after today (${ctx.today})`;
  return undefined;
}

function howToAgree(day: string): string {
  return `'/career agree' (or '/career extend ${day}')`;
}

/** The refusal of a second word from the side that already agreed: who must agree instead. */
function alreadyAgreed(day: string, side: Side, ctx: WorkflowContext): string {
  return (
    `The extension until ${day} is already agreed by ${describeSide(side, ctx)}; it also takes the ` +
    `agreement of ${describeSide(otherSide(side), ctx)}, with ${howToAgree(day)}`
  );
}

function supported(what: string, ctx: WorkflowContext, author: Author): CommandOutcome {
  return { facts: {}, message: joinsText(what, author, ctx), notify: [...APPRENTICE, ...DEPARTMENT] };
}

function agreed(day: string, ctx: WorkflowContext, author: Author): CommandOutcome {
  const first = pendingExtension(ctx)?.by ?? "";
  return {
    facts: {
      end_date: day,
      [EXTENDED_DAY]: ctx.today,
      [PROPOSED]: undefined,
      [PROPOSED_BY]: undefined,
      [PROPOSER]: undefined,
      // A conclusion one side proposed is moot once both agreed to go on.
      conclude_proposed_by: undefined,
      conclude_proposer: undefined,
    },
    message: `Done: the apprenticeship is extended until ${day}, agreed by ${first} and ${author.username}.`,
    notify: [],
  };
}

function proposed(day: string, side: Side, ctx: WorkflowContext, author: Author): CommandOutcome {
  const other = otherSide(side);
  return {
    facts: { [PROPOSED]: day, [PROPOSED_BY]: side, [PROPOSER]: author.username },
    message:
      `Recorded: ${author.username} agrees to extend the apprenticeship until ${day}. An extension is decided ` +
      `by both sides, so it takes effect once ${describeSide(other, ctx)} agrees with ${howToAgree(day)}; ` +
      "until then the current end date stands.",
    notify: other === "apprentice" ? APPRENTICE : DEPARTMENT,
  };
}

/** `/career extend YYYY-MM-DD`: a proposal by one side, or the other side's agreement to it. */
export function jointExtendCommand(options: { stages: string[]; end: DateExpr }): Command {
  return {
    verb: "extend",
    stages: options.stages,
    roles: JOINT_ROLES,
    args: [{ name: "end_date", kind: "day" }],
    validate: (args, ctx, author) => {
      const next = args.end_date ?? "";
      const pending = pendingExtension(ctx);
      const side = sideOf(author);
      if (side === "joins") return dateProblem(next, options.end, ctx);
      if (pending && pending.side === side && pending.day === next) {
        return alreadyAgreed(next, side, ctx);
      }
      if (pending && pending.side !== side && pending.day !== next) {
        return (
          `${pending.by} proposed extending until ${pending.day}, and an extension takes the same date from both ` +
          `sides: to agree, use ${howToAgree(pending.day)}; for another date, ask ` +
          `${describeSide(pending.side, ctx)} to propose it with '/career extend ${next}'`
        );
      }
      return dateProblem(next, options.end, ctx);
    },
    outcome: (args, ctx, author) => {
      const next = args.end_date ?? "";
      const pending = pendingExtension(ctx);
      const side = sideOf(author);
      if (side === "joins") return supported(`extending the apprenticeship until ${next}`, ctx, author);
      return pending && pending.side !== side ? agreed(next, ctx, author) : proposed(next, side, ctx, author);
    },
    help: "propose a new end date; the apprenticeship is extended once the apprentice and the host manager both agree to it",
  };
}

/** `/career agree`: the other side agrees to the proposed end date. */
export function agreeCommand(options: { stages: string[]; end: DateExpr }): Command {
  return {
    verb: "agree",
    stages: options.stages,
    roles: JOINT_ROLES,
    args: [],
    validate: (_args, ctx, author) => {
      const pending = pendingExtension(ctx);
      if (!pending) {
        return "There is no proposed extension to agree to: one side proposes the new end date first, with '/career extend YYYY-MM-DD'";
      }
      const side = sideOf(author);
      if (side === "joins") return undefined;
      if (pending.side === side) {
        return alreadyAgreed(pending.day, side, ctx);
      }
      const late = dateProblem(pending.day, options.end, ctx);
      return late === undefined
        ? undefined
        : `${late}: propose a new end date with '/career extend YYYY-MM-DD'`;
    },
    outcome: (_args, ctx, author) => {
      const day = pendingExtension(ctx)?.day ?? "";
      return sideOf(author) === "joins"
        ? supported(`extending the apprenticeship until ${day}`, ctx, author)
        : agreed(day, ctx, author);
    },
    help: "agree to the extension the other side proposed: the apprenticeship goes on until that date",
  };
}
