import { testHook, triggerErrorBody } from "./hook-health.js";
import { boolParam, dateTimeParam, type Params, stringParam } from "./http-params.js";
import { openRoute, project, type Route, route } from "./http-route.js";
import { FakeApiError } from "./ops.js";
import { triggerPipeline, updateProjectSettings } from "./pipeline-variables.js";
import { projectPipelines, restPipeline } from "./pipelines.js";
import { restUser } from "./rest-json.js";
import {
  createHook,
  createSchedule,
  createTrigger,
  type HookInput,
  projectHooks,
  projectSchedules,
  projectTriggers,
  type ScheduleInput,
  updateHook,
  updateSchedule,
} from "./settings-ops.js";
import { memberLevel, restHook, restProject, restSchedule, restTrigger } from "./settings-views.js";

/*
 * GET /projects/:id, pipeline triggers, project hooks and pipeline schedules: what `setup` calls;
 * and the pipeline list, which pacing reads.
 */

export const SETTINGS_ROUTES: Route[] = [
  route("GET", "/projects/:id", ({ state, user, params }) => ({
    status: 200,
    body: restProject(state, project(state, params), user),
  })),
  route("GET", "/projects/:id/members/all/:user_id", ({ state, params }) => {
    const member = state.users.find((candidate) => candidate.id === Number(params[1]));
    const level = member && memberLevel(state, project(state, params), member);
    if (!level) throw new FakeApiError(404, "404 Member Not Found");
    return { status: 200, body: { ...restUser(state, member), access_level: level } };
  }),
  route("PUT", "/projects/:id", ({ state, user, params, input }) => {
    const role = stringParam(input.ci_pipeline_variables_minimum_override_role);
    const target = updateProjectSettings(state, user, project(state, params), {
      pipelineVariablesRole: role,
    });
    return { status: 200, body: restProject(state, target, user) };
  }),
  route("GET", "/projects/:id/triggers", ({ state, user, params }) => ({
    status: 200,
    list: projectTriggers(state, user, project(state, params)).map((t) => restTrigger(state, t, user)),
  })),
  route("POST", "/projects/:id/triggers", ({ state, user, params, input }) => {
    const trigger = createTrigger(state, user, project(state, params), stringParam(input.description) ?? "");
    return { status: 201, body: restTrigger(state, trigger, user) };
  }),
  route("GET", "/projects/:id/hooks", ({ state, user, params }) => ({
    status: 200,
    list: projectHooks(state, user, project(state, params)).map((hook) => restHook(state, hook)),
  })),
  route("POST", "/projects/:id/hooks", ({ state, user, params, input }) => ({
    status: 201,
    body: restHook(state, createHook(state, user, project(state, params), hookInput(input))),
  })),
  route("PUT", "/projects/:id/hooks/:hook_id", ({ state, user, params, input }) => ({
    status: 200,
    body: restHook(
      state,
      updateHook(state, user, project(state, params), Number(params[1]), hookInput(input)),
    ),
  })),
  route("POST", "/projects/:id/hooks/:hook_id/test/:trigger", ({ state, user, params }) => {
    testHook(state, user, project(state, params), Number(params[1]), params[2]!);
    return { status: 201, body: {} };
  }),
  route("GET", "/projects/:id/pipeline_schedules", ({ state, user, params }) => ({
    status: 200,
    list: projectSchedules(state, user, project(state, params)).map((s) => restSchedule(state, s)),
  })),
  route("POST", "/projects/:id/pipeline_schedules", ({ state, user, params, input }) => ({
    status: 201,
    body: restSchedule(state, createSchedule(state, user, project(state, params), scheduleInput(input))),
  })),
  route("PUT", "/projects/:id/pipeline_schedules/:schedule_id", ({ state, user, params, input }) => {
    const id = Number(params[1]);
    const schedule = updateSchedule(state, user, project(state, params), id, scheduleInput(input));
    return { status: 200, body: restSchedule(state, schedule) };
  }),
  route("GET", "/projects/:id/pipelines", ({ state, user, params, input }) => ({
    status: 200,
    list: projectPipelines(state, user, project(state, params), {
      username: stringParam(input.username),
      source: stringParam(input.source),
      updatedAfter: dateTimeParam("updated_after", input.updated_after),
      createdAfter: dateTimeParam("created_after", input.created_after),
    }).map((pipeline) => restPipeline(state, pipeline)),
  })),
];

/** The trigger endpoint authenticates by its `token` parameter, not by an access token. */
export const TRIGGER_ROUTE = openRoute(
  "POST",
  "/projects/:id/ref/:ref/trigger/pipeline",
  ({ state, params, input }) => {
    try {
      const { token, ...body } = input;
      const pipeline = triggerPipeline(state, project(state, params), params[1]!, stringParam(token) ?? "", {
        ...body,
      });
      return {
        status: 201,
        body: { id: pipeline.id, ref: pipeline.ref, status: "created", source: "trigger" },
      };
    } catch (error) {
      if (!(error instanceof FakeApiError)) throw error;
      return { status: error.status, body: triggerErrorBody(error) };
    }
  },
);

function hookInput(input: Params): HookInput {
  const variables = Array.isArray(input.url_variables)
    ? Object.fromEntries(
        (input.url_variables as Array<{ key?: unknown; value?: unknown }>).map((v) => [
          String(v.key),
          String(v.value),
        ]),
      )
    : undefined;
  return {
    url: stringParam(input.url),
    name: stringParam(input.name),
    description: stringParam(input.description),
    urlVariables: variables,
    token: stringParam(input.token),
    pushEvents: boolParam("push_events", input.push_events),
    issuesEvents: boolParam("issues_events", input.issues_events),
    confidentialIssuesEvents: boolParam("confidential_issues_events", input.confidential_issues_events),
    noteEvents: boolParam("note_events", input.note_events),
    confidentialNoteEvents: boolParam("confidential_note_events", input.confidential_note_events),
  };
}

function scheduleInput(input: Params): ScheduleInput {
  return {
    description: stringParam(input.description),
    ref: stringParam(input.ref),
    cron: stringParam(input.cron),
    cronTimezone: stringParam(input.cron_timezone),
    active: boolParam("active", input.active),
  };
}
