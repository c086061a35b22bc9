import { describe, expect, it } from "vitest";
import { FakeGitLab } from "../../src/gitlab/fake/adapter.js";
import { FakeGitLabApi } from "../../src/gitlab/fake/http-api.js";
import { inProcessTransport } from "../../src/gitlab/fake/in-process-transport.js";
import { FakeGitLabState } from "../../src/gitlab/fake/state.js";
import type { FakeRole, FakeRoleSource } from "../../src/gitlab/fake/types.js";
import { GitbeakerGitLab } from "../../src/gitlab/gitbeaker.js";
import type { GitLabPort } from "../../src/gitlab/port.js";

/*
 * Issue 17 item 6: the fake answers as GitLab does for a token below Reporter (access.ts has the
 * sources: lib/api/issues.rb, app/policies/issue_policy.rb, lib/api/helpers/label_helpers.rb), through
 * both adapters: the in-memory one and gitbeaker over the fake's REST API.
 */
const PROJECT = "career/people";
const TOKEN = "glpat-access-token-0001";

function world(role: FakeRole | "none", source?: FakeRoleSource) {
  const state = new FakeGitLabState({
    now: "2026-01-05T09:00:00Z",
    users: ["career-bot", "alice", "bob"],
    projects: [PROJECT],
  });
  const secret = state.as("alice").openIssue({
    project: PROJECT,
    title: "Promotion: alice",
    description: "private",
    labels: ["career::promotion"],
    confidential: true,
  }).issue;
  const open = state.as("alice").openIssue({ project: PROJECT, title: "Lunch", labels: ["Team"] }).issue;
  state.setRole(PROJECT, "career-bot", role, source);
  return { state, secret, open };
}

const adapters: Array<[string, (state: FakeGitLabState) => GitLabPort]> = [
  ["the in-memory adapter", (state) => new FakeGitLab(state, { username: "career-bot" })],
  [
    "gitbeaker over the fake REST API",
    (state) =>
      new GitbeakerGitLab({
        host: "http://gitlab.invalid",
        token: TOKEN,
        fetch: inProcessTransport(new FakeGitLabApi(state, { [TOKEN]: "career-bot" })),
        retry: { sleep: async () => {} },
      }),
  ],
];

async function failure(promise: Promise<unknown>) {
  const error = (await promise.then(
    () => undefined,
    (e: unknown) => e,
  )) as { kind?: string; status?: number; message?: string } | undefined;
  expect(error, "the call should have failed").toBeDefined();
  return error!;
}

describe.each(adapters)("GitLab's access rules through %s", (_name, portOf) => {
  it("answer 404 for every request about a project the token is no member of, naming the access needed", async () => {
    const { state, secret } = world("none");
    const port = portOf(state);
    for (const call of [
      port.listIssues(PROJECT, {}),
      port.getIssue(PROJECT, secret.iid),
      port.listNotes(PROJECT, secret.iid),
      port.createNote(PROJECT, secret.iid, "hello"),
      port.updateIssue(PROJECT, secret.iid, { addLabels: ["x"] }),
      port.getProject(PROJECT),
    ]) {
      const error = await failure(call);
      expect([error.kind, error.status]).toEqual(["not-found", 404]);
      expect(error.message).toMatch(/member of the project with the Reporter role or higher/);
    }
  });

  it("hide a confidential issue from a Guest: 404 to read or comment, absent from listings, 403 to update", async () => {
    const { state, secret, open } = world("guest");
    const port = portOf(state);
    expect((await port.listIssues(PROJECT, {})).map((issue) => issue.iid)).toEqual([open.iid]);
    expect((await port.listGroupIssues("career", {})).map((issue) => issue.iid)).toEqual([open.iid]);
    expect((await failure(port.getIssue(PROJECT, secret.iid))).status).toBe(404);
    expect((await failure(port.listNotes(PROJECT, secret.iid))).status).toBe(404);
    expect((await failure(port.createNote(PROJECT, secret.iid, "hello"))).status).toBe(404);
    const update = await failure(port.updateIssue(PROJECT, secret.iid, { description: "x" }));
    expect([update.kind, update.status]).toEqual(["forbidden", 403]);
    expect(state.findIssue(secret.projectId, secret.iid)?.description).toBe("private");
  });

  it("let a Guest read and comment on an open issue but not update another's, nor create labels", async () => {
    const { state, open } = world("guest");
    const port = portOf(state);
    expect((await port.getIssue(PROJECT, open.iid)).title).toBe("Lunch");
    expect((await port.createNote(PROJECT, open.iid, "hello")).body).toBe("hello");
    expect((await failure(port.updateIssue(PROJECT, open.iid, { addLabels: ["x"] }))).status).toBe(403);
    const label = await failure(
      port.createLabel(PROJECT, { name: "career::x", color: "#000000", description: "" }),
    );
    expect([label.kind, label.status]).toEqual(["forbidden", 403]);
  });

  it("drop the labels of a Guest's update to their own issue, as GitLab's filter_params does", async () => {
    const { state } = world("guest");
    const own = state.as("career-bot").openIssue({ project: PROJECT, title: "Mine" }).issue;
    const port = portOf(state);
    const updated = await port.updateIssue(PROJECT, own.iid, { addLabels: ["career::x"], description: "d" });
    expect([updated.labels, updated.description]).toEqual([[], "d"]);
  });

  for (const role of ["planner", "reporter"] as const) {
    it(`let a ${role} read confidential issues, update them and create labels`, async () => {
      const { state, secret } = world(role);
      const port = portOf(state);
      expect((await port.listIssues(PROJECT, {})).map((issue) => issue.iid)).toContain(secret.iid);
      const updated = await port.updateIssue(PROJECT, secret.iid, { addLabels: ["career-stage::x"] });
      expect(updated.labels).toContain("career-stage::x");
      const label = await port.createLabel(PROJECT, { name: "career::y", color: "#000000", description: "" });
      expect(label.name).toBe("career::y");
    });
  }

  it("match the labels filter as written; only None and Any in any case", async () => {
    const { state, open } = world("reporter");
    const port = portOf(state);
    expect(await port.listIssues(PROJECT, { labels: ["team"] })).toEqual([]);
    expect((await port.listIssues(PROJECT, { labels: ["Team"] })).map((i) => i.iid)).toEqual([open.iid]);
    expect((await port.listIssues(PROJECT, { notLabels: ["team"] })).map((i) => i.iid)).toContain(open.iid);
  });

  it("show no role in permissions for an invited group's member, which the members API gives", async () => {
    const { state } = world("maintainer", "invited-group");
    const port = portOf(state);
    const project = await port.getProject(PROJECT);
    expect(project.accessLevel).toBeNull();
    expect(project.pipelineVariables).not.toBeNull();
    const bot = await port.currentUser();
    expect(await port.memberAccessLevel(project.id, bot.id)).toBe(40);
  });

  it("give an administrator no membership: null from both", async () => {
    const { state } = world("owner", "admin");
    const port = portOf(state);
    const project = await port.getProject(PROJECT);
    expect(project.accessLevel).toBeNull();
    expect(await port.memberAccessLevel(project.id, (await port.currentUser()).id)).toBeNull();
  });
});

describe("the labels filter of the REST API", () => {
  it("reads labels=none and labels=ANY as None and Any", async () => {
    const { state, open } = world("reporter");
    const api = new FakeGitLabApi(state, { [TOKEN]: "career-bot" });
    const fetch = inProcessTransport(api);
    const list = async (labels: string) => {
      const url = new URL(`http://gitlab.invalid/api/v4/projects/${encodeURIComponent(PROJECT)}/issues`);
      url.searchParams.set("labels", labels);
      const answer = await fetch(url, { headers: { "PRIVATE-TOKEN": TOKEN } });
      return ((await answer.json()) as Array<{ iid: number }>).map((issue) => issue.iid);
    };
    expect(await list("none")).toEqual([]);
    expect((await list("ANY")).sort()).toEqual([1, open.iid].sort());
  });
});
