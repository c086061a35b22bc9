import * as z from "zod";

/**
 * Webhook bodies -> typed events. Accepts a webhook body as GitLab posts it, and the pipeline-trigger
 * form (`TRIGGER_PAYLOAD`: the same keys at top level plus `id`, `ref`, `variables`). Only issue events
 * and notes on issues matter; anything else is `ignored` with a reason, not an error, because GitLab
 * sends work items, emoji and merge-request notes to the same hooks.
 */

export interface EventUser {
  id: number;
  username: string;
  name: string;
}

interface EventBase {
  projectId: number;
  projectPath: string;
  /** The issue's project-scoped iid. */
  iid: number;
  /** The issue's global id. */
  issueId: number;
  user: EventUser;
  /** Label titles on the issue after the change. */
  labels: string[];
  confidential: boolean;
  state: "opened" | "closed";
}

export interface IssueEvent extends EventBase {
  kind: "issue";
  action: "open" | "update" | "close" | "reopen";
  /** Which attributes this event changed (`description`, `due_date`, `labels`, ...), sorted. */
  changed: string[];
  labelChanges?: { previous: string[]; current: string[] };
  descriptionChanges?: { previous: string | null; current: string | null };
}

export interface NoteEvent extends EventBase {
  kind: "note";
  action: "create" | "update";
  noteId: number;
  system: boolean;
  internal: boolean;
  body: string;
}

export interface IgnoredEvent {
  kind: "ignored";
  reason: string;
}

export type GitLabEvent = IssueEvent | NoteEvent | IgnoredEvent;

/** The body is not JSON, or not the shape of a GitLab Issue/Note Hook. */
export class InvalidPayloadError extends Error {
  readonly code = "EINVALID_PAYLOAD";
  constructor(message: string) {
    super(message);
    this.name = "InvalidPayloadError";
  }
}

const HookUser = z.object({ id: z.number(), username: z.string(), name: z.string().nullish() });
const HookLabel = z.object({ title: z.string() });
const HookProject = z.object({ id: z.number(), path_with_namespace: z.string() });
const HookIssue = z.object({
  id: z.number(),
  iid: z.number(),
  state: z.enum(["opened", "closed"]),
  confidential: z.boolean().nullish(),
  labels: z.array(HookLabel).nullish(),
  // "Issue", or a work item type ("Task", "Objective", ...); absent before GitLab 17.2.
  type: z.string().nullish(),
});

const Envelope = z.object({ object_kind: z.string(), event_type: z.string().nullish() });

const IssueHook = z.object({
  event_type: z.string().nullish(),
  user: HookUser,
  project: HookProject,
  object_attributes: HookIssue.extend({
    action: z.string().nullish(),
    type: z.string().nullish(),
    description: z.string().nullish(),
  }),
  labels: z.array(HookLabel).nullish(),
  changes: z
    .object({
      labels: z
        .object({ previous: z.array(HookLabel).nullish(), current: z.array(HookLabel).nullish() })
        .nullish(),
      description: z.object({ previous: z.string().nullish(), current: z.string().nullish() }).nullish(),
    })
    .catchall(z.unknown())
    .nullish(),
});

const NoteAttributes = z.object({
  id: z.number(),
  note: z.string(),
  noteable_type: z.string(),
  system: z.boolean().nullish(),
  internal: z.boolean().nullish(),
  action: z.string().nullish(),
});

const NoteHook = z.object({
  event_type: z.string().nullish(),
  user: HookUser,
  project: HookProject,
  object_attributes: NoteAttributes,
  issue: HookIssue.nullish(),
});

const ISSUE_ACTIONS = ["open", "update", "close", "reopen"] as const;

/** Parses a webhook body (string or already-parsed JSON). Throws `InvalidPayloadError` on bad input. */
export function parseEvent(input: string | unknown): GitLabEvent {
  const body = typeof input === "string" ? parseJson(input) : input;
  if (body === null || typeof body !== "object" || Array.isArray(body)) {
    const got = Array.isArray(body) ? "an array" : body === null ? "null" : `a ${typeof body}`;
    throw new InvalidPayloadError(`A webhook payload is a JSON object with an object_kind; got ${got}`);
  }
  const envelope = check(Envelope, body, "webhook");
  if (envelope.object_kind === "issue") return issueEvent(check(IssueHook, body, "Issue Hook"));
  if (envelope.object_kind === "note") {
    const noteable = check(z.object({ object_attributes: NoteAttributes }), body, "Note Hook");
    if (noteable.object_attributes.noteable_type !== "Issue") {
      return {
        kind: "ignored",
        reason: `note on a ${noteable.object_attributes.noteable_type}, not an issue`,
      };
    }
    return noteEvent(check(NoteHook, body, "Note Hook"));
  }
  return {
    kind: "ignored",
    reason: `${envelope.object_kind} event (only issue and note events are handled)`,
  };
}

function issueEvent(hook: z.infer<typeof IssueHook>): GitLabEvent {
  const attributes = hook.object_attributes;
  // Tasks, OKRs and other work items share the Issue Hook; plain issues say type "Issue" (17.2+).
  if (attributes.type && attributes.type !== "Issue")
    return { kind: "ignored", reason: `${attributes.type} work item` };
  const action = attributes.action ?? "update";
  if (!(ISSUE_ACTIONS as readonly string[]).includes(action)) {
    return { kind: "ignored", reason: `issue action "${action}"` };
  }
  const changes = hook.changes ?? {};
  const titles = (labels: Array<{ title: string }> | null | undefined) =>
    (labels ?? []).map((label) => label.title);
  return {
    kind: "issue",
    action: action as IssueEvent["action"],
    ...base(hook, attributes, hook.labels ?? attributes.labels),
    changed: Object.keys(changes).sort(),
    ...(changes.labels
      ? {
          labelChanges: {
            previous: titles(changes.labels.previous),
            current: titles(changes.labels.current),
          },
        }
      : {}),
    ...(changes.description
      ? {
          descriptionChanges: {
            previous: changes.description.previous ?? null,
            current: changes.description.current ?? null,
          },
        }
      : {}),
  };
}

function noteEvent(hook: z.infer<typeof NoteHook>): GitLabEvent {
  const note = hook.object_attributes;
  if (!hook.issue)
    throw new InvalidPayloadError("Note Hook on an Issue has no `issue` object; is the payload cut short?");
  // A comment on a task or an OKR arrives as a note on an "Issue" whose `issue.type` says what it is.
  if (hook.issue.type && hook.issue.type !== "Issue")
    return { kind: "ignored", reason: `note on a ${hook.issue.type} work item` };
  return {
    kind: "note",
    action: note.action === "update" ? "update" : "create",
    ...base(hook, hook.issue, hook.issue.labels),
    noteId: note.id,
    system: note.system ?? false,
    internal: note.internal ?? false,
    body: note.note,
  };
}

function base(
  hook: { event_type?: string | null; user: z.infer<typeof HookUser>; project: z.infer<typeof HookProject> },
  issue: z.infer<typeof HookIssue>,
  labels: Array<{ title: string }> | null | undefined,
): EventBase {
  return {
    projectId: hook.project.id,
    projectPath: hook.project.path_with_namespace,
    iid: issue.iid,
    issueId: issue.id,
    user: { id: hook.user.id, username: hook.user.username, name: hook.user.name ?? hook.user.username },
    labels: (labels ?? []).map((label) => label.title),
    confidential: Boolean(issue.confidential) || (hook.event_type ?? "").startsWith("confidential_"),
    state: issue.state,
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InvalidPayloadError(
      `The webhook payload is not valid JSON (${reason}); pass the request body or TRIGGER_PAYLOAD file as is`,
    );
  }
}

function check<T>(schema: z.ZodType<T>, body: unknown, what: string): T {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const problems = result.error.issues.map(
    (issue) => `${issue.path.join(".") || "(top level)"}: ${issue.message}`,
  );
  throw new InvalidPayloadError(`Not a valid GitLab ${what} payload: ${problems.join("; ")}`);
}
