import { FakeApiError } from "./ops.js";
import type { IssueFilter } from "./queries.js";
import type { IssueChanges } from "./types.js";

/*
 * Reading GitLab REST parameters the way Grape coerces them: lists arrive as comma-separated strings
 * or as arrays (`labels[]=`), booleans as JSON booleans or "true"/"false", and request bodies may be
 * JSON, a form, or plain query parameters.
 */

export type Params = Record<string, unknown>;

/** Query parameters and body merged, body winning, like Grape's `params`. */
export function mergeParams(query: URLSearchParams, body: Params): Params {
  const params: Params = {};
  for (const [key, value] of query) {
    if (key.endsWith("[]")) {
      const name = key.slice(0, -2);
      params[name] = [...((params[name] as string[] | undefined) ?? []), value];
    } else {
      params[key] = value;
    }
  }
  return { ...params, ...body };
}

export function listParam(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  const items = Array.isArray(value) ? value.map(String) : String(value).split(",");
  return items.map((item) => item.trim()).filter((item) => item.length > 0);
}

export function boolParam(name: string, value: unknown): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (value === true || value === "true") return true;
  if (value === false || value === "false") return false;
  throw new FakeApiError(400, `${name} is invalid`);
}

export function stringParam(value: unknown): string | undefined {
  return value === undefined || value === null ? undefined : String(value);
}

/** Grape's `DateTime`: an ISO 8601 time, else 400 "<name> is invalid". */
export function dateTimeParam(name: string, value: unknown): string | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  const ms = Date.parse(String(value));
  if (Number.isNaN(ms)) throw new FakeApiError(400, `${name} is invalid`);
  return new Date(ms).toISOString();
}

/** A numeric id such as `author_id`; GitLab answers 400 for one that is not a whole number. */
function idParam(name: string, value: unknown): number | undefined {
  const text = stringParam(value);
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) throw new FakeApiError(400, `${name} is invalid`);
  return Number(text);
}

function enumParam<T extends string>(name: string, value: unknown, allowed: readonly T[]): T | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  if ((allowed as readonly unknown[]).includes(value)) return value as T;
  throw new FakeApiError(400, `${name} does not have a valid value`);
}

/*
 * `labels=None` and `labels=Any` in any case (IssuableFinder#filter_by_no_label? and
 * #filter_by_any_label? compare downcased names); every other label name matches as written.
 */
function noneOrAny(labels: string[] | undefined): "None" | "Any" | undefined {
  const only = labels?.length === 1 ? labels[0]!.toLowerCase() : undefined;
  return only === "none" ? "None" : only === "any" ? "Any" : undefined;
}

export function issueFilterParams(params: Params): IssueFilter {
  const labels = listParam(params.labels);
  const not = params.not as Params | undefined;
  return {
    labels: noneOrAny(labels) ?? labels,
    notLabels: listParam(params["not[labels]"] ?? not?.labels),
    state: enumParam("state", params.state, ["opened", "closed", "all"] as const),
    search: stringParam(params.search),
    searchIn: listParam(params.in) as IssueFilter["searchIn"],
    updatedAfter: stringParam(params.updated_after),
    authorId: idParam("author_id", params.author_id),
    orderBy: enumParam("order_by", params.order_by, ["created_at", "updated_at", "due_date"] as const),
    sort: enumParam("sort", params.sort, ["asc", "desc"] as const),
  };
}

const EDIT_PARAMS = [
  "add_labels",
  "remove_labels",
  "labels",
  "title",
  "description",
  "due_date",
  "state_event",
  "confidential",
  "assignee_ids",
  "assignee_id",
] as const;

/** The parameters of `PUT /projects/:id/issues/:iid`; GitLab wants at least one. */
export function issueEditParams(params: Params): IssueChanges {
  if (EDIT_PARAMS.every((name) => params[name] === undefined)) {
    throw new FakeApiError(
      400,
      `${EDIT_PARAMS.join(", ")} are missing, at least one parameter must be provided`,
    );
  }
  return {
    addLabels: listParam(params.add_labels),
    removeLabels: listParam(params.remove_labels),
    labels: listParam(params.labels),
    title: stringParam(params.title),
    description: stringParam(params.description),
    dueDate: dueDateParam(params.due_date),
    stateEvent: enumParam("state_event", params.state_event, ["close", "reopen"] as const),
    confidential: boolParam("confidential", params.confidential),
    assigneeIds: assigneeParam(params.assignee_ids ?? params.assignee_id),
  };
}

/* `""` and null clear the due date; anything else must be a `YYYY-MM-DD` day. */
export function dueDateParam(value: unknown): string | null | undefined {
  if (value === undefined) return undefined;
  if (value === null || value === "") return null;
  const day = String(value);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(day))) {
    throw new FakeApiError(400, "due_date is invalid");
  }
  return day;
}

/* `0` or an empty list unassigns everyone. */
export function assigneeParam(value: unknown): number[] | undefined {
  if (value === undefined || value === null) return undefined;
  const ids = (Array.isArray(value) ? value : String(value).split(",")).map(Number);
  if (ids.some((id) => !Number.isInteger(id))) throw new FakeApiError(400, "assignee_ids is invalid");
  return ids.filter((id) => id !== 0);
}
