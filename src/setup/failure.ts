import { GitLabError } from "../gitlab/port.js";
import { errorLine } from "../run/safe-error.js";
import type { StepResult } from "./report.js";

/** The role each step needs, and where a person does it by hand. */
const NEEDS: Record<StepResult["step"], { role: string; byHand: string }> = {
  labels: { role: "Reporter (or Planner)", byHand: "Manage > Labels" },
  variables: {
    role: "Owner",
    byHand: 'Settings > CI/CD > Variables > "Minimum role to use pipeline variables"',
  },
  trigger: { role: "Maintainer", byHand: "Settings > CI/CD > Pipeline trigger tokens" },
  webhook: { role: "Maintainer", byHand: "Settings > Webhooks" },
  schedule: { role: "Developer", byHand: "Build > Pipeline schedules" },
};

/** A failed step: what went wrong (no token in it) and how to fix it. */
export function failedStep(
  step: StepResult["step"],
  what: string,
  error: unknown,
  secrets: string[],
): StepResult {
  return {
    step,
    status: "failed",
    detail: `${what}: ${errorLine(error, secrets)}`,
    fix: fixFor(step, error),
  };
}

function fixFor(step: StepResult["step"], error: unknown): string {
  const { role, byHand } = NEEDS[step];
  if (!(error instanceof GitLabError)) return "run setup again; it continues where it stopped";
  switch (error.kind) {
    case "forbidden":
      return `the token's user needs the ${role} role for this step. Give the bot's token that role (its trigger and schedule run their pipelines as the token's user, who must be allowed to merge to the default branch), or do it by hand in ${byHand}.`;
    case "unauthorized":
      return "check CAREER_BOT_TOKEN: valid, not expired, scope api.";
    case "not-found":
      return "check --project and that the token's user is a member of the project.";
    case "rate-limited":
    case "server":
    case "network":
    case "timeout":
      return "GitLab did not answer properly; run setup again (what is done stays done).";
    default:
      return `GitLab refused it; do it by hand in ${byHand} if running setup again does not help.`;
  }
}
