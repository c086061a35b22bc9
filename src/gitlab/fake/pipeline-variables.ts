import { FakeApiError } from "./ops.js";
import { PIPELINE_THROTTLE_MESSAGE, pipelineThrottled } from "./rate-limits.js";
import { requireRole } from "./settings-ops.js";
import type { FakeGitLabState } from "./state.js";
import type { FakePipeline, FakeProject, FakeRole, FakeUser, FakeVariablesRole } from "./types.js";

/*
 * Who may set pipeline variables, and the trigger endpoint that needs it, as GitLab decides:
 * `ProjectCiCdSetting#override_pipeline_variables_allowed?` (app/models/project_ci_cd_setting.rb),
 * `Projects::UpdateService#validate_restrict_user_defined_variables_change` and the
 * `change_restrict_user_defined_variables` policy (app/policies/project_policy.rb), and
 * `Ci::PipelineTriggerService`, which always adds `TRIGGER_PAYLOAD` as a variable.
 */

const LEVEL: Record<FakeRole, number> = {
  guest: 10,
  planner: 15,
  reporter: 20,
  developer: 30,
  maintainer: 40,
  owner: 50,
};
const ROLES: FakeVariablesRole[] = ["no_one_allowed", "owner", "maintainer", "developer"];

export const INSUFFICIENT = "Insufficient permissions to set pipeline variables";

export function accessLevel(state: FakeGitLabState, project: FakeProject, user: FakeUser): number {
  return LEVEL[state.roleOf(project.id, user.id)];
}

export function maySetPipelineVariables(
  state: FakeGitLabState,
  project: FakeProject,
  user: FakeUser,
): boolean {
  const level = accessLevel(state, project, user);
  // Before 17.1: `user_defined_variables_allowed | can?(:maintainer_access)`.
  if (state.legacyPipelineVariables)
    return !project.restrictUserDefinedVariables || level >= LEVEL.maintainer;
  if (!project.restrictUserDefinedVariables) return true;
  const role = project.pipelineVariablesRole;
  return role !== "no_one_allowed" && level >= LEVEL[role];
}

/** `PUT /projects/:id` with `ci_pipeline_variables_minimum_override_role` (the only attribute modelled). */
export function updateProjectSettings(
  state: FakeGitLabState,
  user: FakeUser,
  project: FakeProject,
  input: { pipelineVariablesRole?: string },
): FakeProject {
  requireRole(state, user, project, "maintainer");
  const wanted = input.pipelineVariablesRole;
  // GitLab before 17.1 does not know the attribute and drops it.
  if (wanted === undefined || state.legacyPipelineVariables) return project;
  if (!ROLES.includes(wanted as FakeVariablesRole)) {
    throw new FakeApiError(400, "ci_pipeline_variables_minimum_override_role does not have a valid value");
  }
  if (wanted === project.pipelineVariablesRole) return project;
  const owner = accessLevel(state, project, user) >= LEVEL.owner;
  if (wanted === "owner" && !owner) {
    throw new FakeApiError(
      400,
      "Changing the ci_pipeline_variables_minimum_override_role to the owner role is not allowed",
    );
  }
  if (project.pipelineVariablesRole === "owner" && !owner) {
    throw new FakeApiError(
      400,
      "Changing the restrict_user_defined_variables or ci_pipeline_variables_minimum_override_role is not allowed",
    );
  }
  project.pipelineVariablesRole = wanted as FakeVariablesRole;
  project.restrictUserDefinedVariables = true;
  return project;
}

/** Refused pipeline: GitLab answers 400 with the pipeline's errors (`{ message: { base: [...] } }`). */
export class PipelineRefused extends FakeApiError {
  constructor(readonly errors: string[]) {
    super(400, errors.join(", "));
  }
}

/**
 * `POST /projects/:id/ref/:ref/trigger/pipeline?token=...`: the trigger token authenticates; the
 * pipeline runs as the trigger's owner, with the body (minus the token) as `TRIGGER_PAYLOAD`.
 */
export function triggerPipeline(
  state: FakeGitLabState,
  project: FakeProject,
  ref: string,
  token: string,
  body: Record<string, unknown>,
): FakePipeline {
  const trigger = state.triggers.find((candidate) => candidate.token === token);
  if (!trigger || trigger.projectId !== project.id) throw new FakeApiError(404, "404 Not Found");
  const owner = state.userById(trigger.ownerId);
  if (!maySetPipelineVariables(state, project, owner)) throw new PipelineRefused([INSUFFICIENT]);
  // The chain's rate limit comes after its abilities check; the count spans all the owner's projects.
  if (pipelineThrottled(state, owner.id)) throw new PipelineRefused([PIPELINE_THROTTLE_MESSAGE]);
  const { token: _hidden, ...payload } = body;
  const pipeline: FakePipeline = {
    id: state.nextId("pipeline"),
    projectId: project.id,
    ref,
    source: "trigger",
    userId: owner.id,
    variables: { TRIGGER_PAYLOAD: JSON.stringify({ ...payload, id: String(project.id), ref }) },
    createdAt: state.now,
    updatedAt: state.now,
  };
  state.pipelines.push(pipeline);
  return pipeline;
}
