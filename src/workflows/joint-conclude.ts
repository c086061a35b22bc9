import { describeSide, JOINT_ROLES, joinsText, type Side, sideOf } from "./joint-extend.js";
import type { Command, WorkflowContext } from "./types.js";

/**
 * `/career conclude`: "both the intern and the department will determine whether it makes sense to
 * extend" (Apprenticeship for Learning), so ending at the review is their joint decision as extending
 * is: the first side's word is a proposal, the other side's `/career conclude` ends it. The home
 * manager may join, as for an extension, without deciding.
 */

const PROPOSED_BY = "conclude_proposed_by";
const PROPOSER = "conclude_proposer";
/** Set once both sides said so: the transition to `done` waits for it. */
export const CONCLUDED = "concluded_by";

/** A conclusion proposed by one side and waiting for the other. */
export function pendingConclusion(ctx: WorkflowContext): { side: Side; by: string } | undefined {
  const side = ctx.facts[PROPOSED_BY];
  if (side !== "apprentice" && side !== "managers") return undefined;
  return { side, by: ctx.facts[PROPOSER] ?? "" };
}

/** Facts that clear a waiting conclusion (an extension agreed meanwhile makes it moot). */
export const CLEAR_CONCLUSION = { [PROPOSED_BY]: undefined, [PROPOSER]: undefined } as const;

export function jointConcludeCommand(options: { stages: string[] }): Command {
  return {
    verb: "conclude",
    stages: options.stages,
    roles: JOINT_ROLES,
    args: [],
    validate: (_args, ctx, author) => {
      const side = sideOf(author);
      const pending = pendingConclusion(ctx);
      if (side === "joins" || !pending || pending.side !== side) return undefined;
      return (
        `Ending the apprenticeship here is already asked by ${describeSide(side, ctx)}; it also takes ` +
        `${describeSide(side === "apprentice" ? "managers" : "apprentice", ctx)}, with '/career conclude'`
      );
    },
    outcome: (_args, ctx, author) => {
      const side = sideOf(author);
      if (side === "joins") {
        return {
          facts: {},
          message: joinsText("ending the apprenticeship here", author, ctx),
          notify: ["team_member", "host_manager"],
        };
      }
      const pending = pendingConclusion(ctx);
      if (pending && pending.side !== side) {
        return {
          facts: { ...CLEAR_CONCLUSION, [CONCLUDED]: `${pending.by} and ${author.username}` },
          message: `Done: the apprenticeship ends here, decided by ${pending.by} and ${author.username}.`,
          notify: [],
        };
      }
      const other: Side = side === "apprentice" ? "managers" : "apprentice";
      return {
        facts: { [PROPOSED_BY]: side, [PROPOSER]: author.username },
        message:
          `Recorded: ${author.username} would end the apprenticeship here. Neither side decides it alone, so it ` +
          `ends once ${describeSide(other, ctx)} also comments '/career conclude'; to go on instead, one side ` +
          "proposes a new end date with '/career extend YYYY-MM-DD'.",
        notify: other === "apprentice" ? ["team_member"] : ["host_manager"],
      };
    },
    help: "end the apprenticeship at the review; it ends once the apprentice and the host manager both say so",
  };
}
