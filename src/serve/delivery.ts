import { createHash } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { parseEvent } from "../gitlab/events.js";

/**
 * The key that identifies one delivery across GitLab's resends: `Idempotency-Key` (GitLab 17.4+),
 * else the event UUID with a hash of the body (older GitLab; recursive hooks share a UUID, so the
 * UUID alone would drop different events). Undefined when neither header came.
 */
export function deliveryKey(headers: IncomingHttpHeaders, body: string): string | undefined {
  const idempotency = single(headers["idempotency-key"]);
  if (idempotency) return `key:${idempotency}`;
  const uuid = single(headers["x-gitlab-event-uuid"]);
  if (!uuid) return undefined;
  return `uuid:${uuid}:${createHash("sha256").update(body).digest("hex")}`;
}

/** The issue an event is about (`projectId#iid`), so its events can be handled in order. */
export function issueKey(body: string): string {
  try {
    const event = parseEvent(body);
    return event.kind === "ignored" ? "(ignored)" : `${event.projectId}#${event.iid}`;
  } catch {
    return "(invalid)";
  }
}

function single(value: string | string[] | undefined): string | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  return text?.trim() || undefined;
}
