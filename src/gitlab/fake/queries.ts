import { parseIso } from "./dates.js";
import type { FakeGitLabState } from "./state.js";
import type { FakeIssue } from "./types.js";

/** The issue-list filters of GitLab's REST API that the fake implements. */
export interface IssueFilter {
  /** Must carry all of these; `"None"` = no labels, `"Any"` = at least one. */
  labels?: string[] | "None" | "Any";
  /** Must carry none of these (`not[labels]`). */
  notLabels?: string[];
  state?: "opened" | "closed" | "all";
  search?: string;
  searchIn?: Array<"title" | "description">;
  /** Inclusive, as GitLab's `updated_after`. */
  updatedAfter?: string;
  /** GitLab's `author_id`. */
  authorId?: number;
  orderBy?: "created_at" | "updated_at" | "due_date";
  sort?: "asc" | "desc";
}

/** Issues of some projects, filtered and sorted the way GitLab's issue list does it. */
export function queryIssues(state: FakeGitLabState, projectIds: number[], filter: IssueFilter): FakeIssue[] {
  if (filter.search) state.issueSearches += 1;
  const matches = state.issues.filter(
    (issue) => projectIds.includes(issue.projectId) && matchesFilter(issue, filter),
  );
  return matches.sort(comparator(filter.orderBy ?? "created_at", filter.sort ?? "desc"));
}

/** Project ids of a group and all its subgroups, as GitLab's group issue list includes subgroups. */
export function groupProjectIds(state: FakeGitLabState, groupPath: string): number[] {
  const prefix = `${groupPath.toLowerCase()}/`;
  return state.projects
    .filter((project) => `${project.groupPath.toLowerCase()}/`.startsWith(prefix))
    .map((project) => project.id);
}

function matchesFilter(issue: FakeIssue, filter: IssueFilter): boolean {
  const state = filter.state ?? "all";
  if (state !== "all" && issue.state !== state) return false;
  if (filter.labels === "None" && issue.labels.length > 0) return false;
  if (filter.labels === "Any" && issue.labels.length === 0) return false;
  if (Array.isArray(filter.labels) && !filter.labels.every((name) => hasLabel(issue, name))) return false;
  if (filter.notLabels?.some((name) => hasLabel(issue, name))) return false;
  if (filter.updatedAfter && parseIso(issue.updatedAt) < parseIso(filter.updatedAfter)) return false;
  if (filter.authorId !== undefined && issue.authorId !== filter.authorId) return false;
  if (filter.search && !matchesSearch(issue, filter.search, filter.searchIn ?? ["title", "description"])) {
    return false;
  }
  return true;
}

/*
 * GitLab finds the labels of `labels=` and `not[labels]=` by title as written (LabelsFinder's
 * `title:` is an SQL equality, which is case-sensitive on PostgreSQL): `Career::X` is not
 * `career::x`. Only `None` and `Any` are read in any case (http-params.ts).
 */
function hasLabel(issue: FakeIssue, name: string): boolean {
  return issue.labels.includes(name);
}

/*
 * GitLab's issue search is a case-insensitive match of every word of three or more characters
 * (shorter words are dropped); a term made only of short words is matched as a whole.
 */
function matchesSearch(issue: FakeIssue, search: string, fields: Array<"title" | "description">): boolean {
  const haystack = fields
    .map((field) => issue[field])
    .join("\n")
    .toLowerCase();
  const words = search
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word.length >= 3);
  if (words.length === 0) return haystack.includes(search.toLowerCase().trim());
  return words.every((word) => haystack.includes(word));
}

/* Due-date order puts issues without one last in either direction; ties go by id, newest first. */
function comparator(orderBy: NonNullable<IssueFilter["orderBy"]>, sort: "asc" | "desc") {
  const direction = sort === "asc" ? 1 : -1;
  return (a: FakeIssue, b: FakeIssue): number => {
    if (orderBy === "due_date") {
      if (a.dueDate !== b.dueDate) {
        if (a.dueDate === null) return 1;
        if (b.dueDate === null) return -1;
        return direction * (a.dueDate < b.dueDate ? -1 : 1);
      }
      return b.id - a.id;
    }
    const key = orderBy === "updated_at" ? "updatedAt" : "createdAt";
    const diff = parseIso(a[key]) - parseIso(b[key]);
    return diff !== 0 ? direction * diff : direction * (a.id - b.id);
  };
}
