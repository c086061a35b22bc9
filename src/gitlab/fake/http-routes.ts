import { allowedUpdate, requireLabelAdmin, visibleIssues } from "./access.js";
import { parseIso } from "./dates.js";
import {
  assigneeParam,
  boolParam,
  dueDateParam,
  issueEditParams,
  issueFilterParams,
  listParam,
  stringParam,
} from "./http-params.js";
import { foundIssue, issue, project, type Route, route } from "./http-route.js";
import { SETTINGS_ROUTES, TRIGGER_ROUTE } from "./http-routes-settings.js";
import {
  createIssue,
  createLabel,
  createNote,
  deleteNote,
  FakeApiError,
  linkedIssues,
  linkIssues,
  updateIssue,
} from "./ops.js";
import { groupProjectIds, queryIssues } from "./queries.js";
import { throttleSearch } from "./rate-limits.js";
import { restIssue, restLabel, restNote, restToken, restUser } from "./rest-json.js";

export type { Route, RouteContext, RouteResult } from "./http-route.js";

const ISSUE_ROUTES: Route[] = [
  route("GET", "/user", ({ state, user }) => ({ status: 200, body: restUser(state, user) })),
  // GitLab's lib/api/personal_access_tokens/self_information.rb: any scope may read itself; a token
  // that is not a PersonalAccessToken (project and group access tokens are) gets 400.
  route("GET", "/personal_access_tokens/self", ({ user }) => {
    if (user.token === "oauth")
      throw new FakeApiError(400, "This endpoint requires token type to be a personal access token");
    return { status: 200, body: restToken(user) };
  }),
  route("GET", "/users", ({ state, input }) => {
    const username = stringParam(input.username);
    const users = username
      ? state.users.filter((u) => u.username.toLowerCase() === username.toLowerCase())
      : state.users;
    return { status: 200, list: users.map((u) => restUser(state, u)) };
  }),
  route("GET", "/projects/:id/issues", ({ state, user, params, input }) => {
    throttleSearch(state, user.id, input.search);
    const issues = visibleIssues(
      state,
      user,
      queryIssues(state, [project(state, params).id], issueFilterParams(input)),
    );
    return { status: 200, list: issues.map((issue) => restIssue(state, issue)) };
  }),
  route("GET", "/groups/:id/issues", ({ state, user, params, input }) => {
    const group = state.findGroup(params[0]!);
    if (!group) throw new FakeApiError(404, "404 Group Not Found");
    throttleSearch(state, user.id, input.search);
    const ids = groupProjectIds(state, group.path);
    const issues = visibleIssues(state, user, queryIssues(state, ids, issueFilterParams(input)));
    return { status: 200, list: issues.map((issue) => restIssue(state, issue)) };
  }),
  route("POST", "/projects/:id/issues", ({ state, user, params, input }) => {
    const created = createIssue(state, user, project(state, params), {
      title: stringParam(input.title) ?? "",
      description: stringParam(input.description),
      labels: listParam(input.labels),
      confidential: boolParam("confidential", input.confidential),
      assigneeIds: assigneeParam(input.assignee_ids ?? input.assignee_id),
      dueDate: dueDateParam(input.due_date),
    });
    return { status: 201, body: restIssue(state, created) };
  }),
  route("GET", "/projects/:id/issues/:iid", ({ state, user, params }) => ({
    status: 200,
    body: restIssue(state, issue(state, params, user)),
  })),
  route("PUT", "/projects/:id/issues/:iid", ({ state, user, params, input }) => {
    const target = foundIssue(state, params);
    const changes = allowedUpdate(state, user, target, issueEditParams(input));
    const write = updateIssue(state, user, target, changes);
    return { status: 200, body: restIssue(state, write.issue) };
  }),
  route("GET", "/projects/:id/issues/:iid/notes", ({ state, user, params, input }) => {
    const notes = [...state.notesOf(issue(state, params, user).id)];
    const key = input.order_by === "updated_at" ? "updatedAt" : "createdAt";
    // GitLab lists notes newest first unless asked otherwise.
    const direction = input.sort === "asc" ? 1 : -1;
    notes.sort((a, b) => direction * (parseIso(a[key]) - parseIso(b[key]) || a.id - b.id));
    return { status: 200, list: notes.map((note) => restNote(state, note)) };
  }),
  route("POST", "/projects/:id/issues/:iid/notes", ({ state, user, params, input }) => {
    const internal = boolParam("internal", input.internal ?? input.confidential);
    const write = createNote(state, user, issue(state, params, user), stringParam(input.body) ?? "", {
      internal,
    });
    if (write.note) return { status: 201, body: restNote(state, write.note) };
    // Only quick actions: GitLab saves no note and answers 202 with what the commands did.
    const { commandsChanges, summary } = write.commands!;
    return { status: 202, body: { commands_changes: commandsChanges, summary } };
  }),
  route("DELETE", "/projects/:id/issues/:iid/notes/:note_id", ({ state, user, params }) => {
    const target = issue(state, params, user);
    if (!state.notesOf(target.id).some((note) => note.id === Number(params[2]))) {
      throw new FakeApiError(404, "404 Note Not Found");
    }
    deleteNote(state, user, target, Number(params[2]));
    return { status: 204, body: null };
  }),
  route("GET", "/projects/:id/issues/:iid/links", ({ state, user, params }) => ({
    status: 200,
    list: linkedIssues(state, issue(state, params, user)).map((linked) => ({
      ...restIssue(state, linked.issue),
      issue_link_id: linked.linkId,
      link_type: "relates_to",
    })),
  })),
  route("POST", "/projects/:id/issues/:iid/links", ({ state, user, params, input }) => {
    const source = issue(state, params, user);
    const targetProject = state.findProject(stringParam(input.target_project_id) ?? "");
    const target = targetProject && state.findIssue(targetProject.id, Number(input.target_issue_iid));
    if (!target) throw new FakeApiError(404, "404 Not found");
    linkIssues(state, source, target);
    return {
      status: 201,
      body: {
        source_issue: restIssue(state, source),
        target_issue: restIssue(state, target),
        link_type: "relates_to",
      },
    };
  }),
  route("GET", "/projects/:id/labels", ({ state, params }) => ({
    status: 200,
    list: state.projectLabels(project(state, params).id).map((label) => restLabel(state, label)),
  })),
  route("POST", "/projects/:id/labels", ({ state, user, params, input }) => {
    requireLabelAdmin(state, user, project(state, params));
    const label = createLabel(state, project(state, params), {
      name: stringParam(input.name) ?? "",
      color: stringParam(input.color) ?? "",
      description: stringParam(input.description),
    });
    return { status: 201, body: restLabel(state, label) };
  }),
];

/** Every route the server knows; the settings routes (setup's) live in their own file. */
export const ROUTES: Route[] = [...ISSUE_ROUTES, ...SETTINGS_ROUTES, TRIGGER_ROUTE];
