import { z } from "zod";

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
  web_url: z.string(),
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
