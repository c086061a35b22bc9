/** The shapes of the webhook bodies the fake sends (built in payloads.ts). */

export interface HookUser {
  id: number;
  name: string;
  username: string;
  avatar_url: string | null;
  email: string;
}

export interface HookLabel {
  id: number;
  title: string;
  color: string;
  project_id: number;
  created_at: string;
  updated_at: string;
  template: boolean;
  description: string | null;
  type: "ProjectLabel";
  group_id: number | null;
}

export type HookProject = Record<string, unknown> & {
  id: number;
  path_with_namespace: string;
  web_url: string;
};

export type IssueHookAttributes = Record<string, unknown> & {
  id: number;
  iid: number;
  project_id: number;
  title: string;
  description: string;
  state: "opened" | "closed";
  confidential: boolean;
  due_date: string | null;
  labels: HookLabel[];
  url: string;
};

export interface IssueHookPayload {
  object_kind: "issue";
  event_type: "issue" | "confidential_issue";
  user: HookUser;
  project: HookProject;
  object_attributes: IssueHookAttributes & { action: "open" | "update" | "close" | "reopen" };
  repository: Record<string, unknown>;
  assignees: HookUser[];
  assignee?: HookUser;
  labels: HookLabel[];
  changes: Record<string, { previous: unknown; current: unknown }>;
}

export interface NoteHookPayload {
  object_kind: "note";
  event_type: "note" | "confidential_note";
  user: HookUser;
  project_id: number;
  project: HookProject;
  repository: Record<string, unknown>;
  object_attributes: Record<string, unknown> & {
    id: number;
    note: string;
    noteable_type: "Issue";
    noteable_id: number;
    system: boolean;
    internal: boolean;
    action: "create";
    url: string;
  };
  issue: IssueHookAttributes;
}

export type WebhookPayload = IssueHookPayload | NoteHookPayload;
