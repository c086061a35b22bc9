import * as z from "zod";

/*
 * The parts of GitLab's REST answers the adapter uses, checked at the boundary so the rest of the
 * code never trusts gitbeaker's loose types. Only used fields are declared; unknown keys are dropped.
 */

export const UserResponse = z.object({
  id: z.number(),
  username: z.string(),
  name: z.string().nullish(),
});
export type UserResponse = z.infer<typeof UserResponse>;

/** `GET /personal_access_tokens/self` (lib/api/entities/personal_access_token.rb): the day it expires. */
export const TokenResponse = z.object({ expires_at: z.string().nullable() });

export const IssueResponse = z.object({
  id: z.number(),
  iid: z.number(),
  project_id: z.number(),
  title: z.string(),
  // null when the issue was created without one
  description: z.string().nullable(),
  labels: z.array(z.string()),
  state: z.enum(["opened", "closed"]),
  confidential: z.boolean(),
  due_date: z.string().nullable(),
  author: UserResponse,
  assignees: z.array(UserResponse).nullish(),
  created_at: z.string(),
  updated_at: z.string(),
  // null while open; the dashboard shows when a workflow ended
  closed_at: z.string().nullish(),
  web_url: z.string(),
  user_notes_count: z.number().optional(),
});
export type IssueResponse = z.infer<typeof IssueResponse>;

export const NoteResponse = z.object({
  id: z.number(),
  body: z.string(),
  author: UserResponse,
  system: z.boolean(),
  // `internal` arrived in GitLab 15.x; older instances only send `confidential`.
  internal: z.boolean().optional(),
  confidential: z.boolean().nullish(),
  created_at: z.string(),
});
export type NoteResponse = z.infer<typeof NoteResponse>;

/** The 202 answer to a note made only of quick actions: no note was saved. */
export const NoteCommandsResponse = z.object({
  commands_changes: z.record(z.string(), z.unknown()),
  summary: z.array(z.string()).optional(),
});
export type NoteCommandsResponse = z.infer<typeof NoteCommandsResponse>;

export const LabelResponse = z.object({
  id: z.number(),
  name: z.string(),
  color: z.string(),
  description: z.string().nullable(),
});
export type LabelResponse = z.infer<typeof LabelResponse>;

export const ProjectResponse = z.object({
  id: z.number(),
  path_with_namespace: z.string(),
  // null while the repository is empty
  default_branch: z.string().nullish(),
  web_url: z.string(),
  // The token user's memberships; `access_level` 30 Developer, 40 Maintainer, 50 Owner.
  permissions: z
    .object({
      project_access: z.object({ access_level: z.number() }).nullish(),
      group_access: z.object({ access_level: z.number() }).nullish(),
    })
    .nullish(),
  // Shown to Maintainers and up only; the role arrived in GitLab 17.1. An unknown value is kept
  // out (null) rather than failing the whole read.
  restrict_user_defined_variables: z.boolean().nullish(),
  ci_pipeline_variables_minimum_override_role: z
    .enum(["no_one_allowed", "owner", "maintainer", "developer"])
    .nullish()
    .catch(null),
});
export type ProjectResponse = z.infer<typeof ProjectResponse>;

export const TriggerTokenResponse = z.object({
  id: z.number(),
  description: z.string().nullish(),
  token: z.string(),
  owner: UserResponse.nullish(),
});
export type TriggerTokenResponse = z.infer<typeof TriggerTokenResponse>;

export const HookResponse = z.object({
  id: z.number(),
  url: z.string(),
  // `name` arrived in GitLab 17.1
  name: z.string().nullish(),
  push_events: z.boolean().nullish(),
  issues_events: z.boolean().nullish(),
  confidential_issues_events: z.boolean().nullish(),
  note_events: z.boolean().nullish(),
  confidential_note_events: z.boolean().nullish(),
  url_variables: z.array(z.object({ key: z.string() })).nullish(),
  // GitLab 15.1+ (gitlab-org/gitlab!89322)
  alert_status: z.enum(["executable", "temporarily_disabled", "disabled"]).nullish().catch(null),
  disabled_until: z.string().nullish(),
});
export type HookResponse = z.infer<typeof HookResponse>;

export const PipelineScheduleResponse = z.object({
  id: z.number(),
  description: z.string().nullish(),
  ref: z.string(),
  cron: z.string(),
  cron_timezone: z.string(),
  active: z.boolean(),
  owner: UserResponse.nullish(),
});
export type PipelineScheduleResponse = z.infer<typeof PipelineScheduleResponse>;

/** `Entities::Ci::PipelineBasic`: `created_at` is there since GitLab 12.4. */
export const PipelineResponse = z.object({
  id: z.number(),
  created_at: z.string(),
  source: z.string().nullish(),
});
export type PipelineResponse = z.infer<typeof PipelineResponse>;
