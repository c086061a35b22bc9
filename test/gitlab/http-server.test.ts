import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeGitLabServer, type RunningServer } from "../../src/gitlab/fake/http-server.js";
import { FakeGitLabState } from "../../src/gitlab/fake/state.js";
import { GitbeakerGitLab } from "../../src/gitlab/gitbeaker.js";

const TOKEN = "glpat-http-server-test-1";
const PROJECT = "career/people";

describe("FakeGitLabServer", () => {
  let state: FakeGitLabState;
  let running: RunningServer;

  beforeAll(async () => {
    state = new FakeGitLabState({ users: ["career-bot", "alice"], projects: [PROJECT, "career/empty"] });
    for (let index = 1; index <= 45; index += 1) {
      state.as("alice").openIssue({
        title: `issue ${index}`,
        dueDate: index % 3 === 0 ? null : `2026-02-${String(index % 28 || 28).padStart(2, "0")}`,
      });
    }
    running = await new FakeGitLabServer(state, { tokens: { [TOKEN]: "career-bot" } }).start();
  });

  afterAll(async () => {
    await running.close();
  });

  function get(path: string, token: string | null = TOKEN): Promise<Response> {
    return fetch(`${running.url}/api/v4${path}`, { headers: token ? { "private-token": token } : {} });
  }

  it("pages with GitLab's defaults and headers", async () => {
    const first = await get("/projects/career%2Fpeople/issues?state=opened");
    expect(first.status).toBe(200);
    expect(await first.json()).toHaveLength(20);
    expect(
      Object.fromEntries(
        ["x-page", "x-per-page", "x-total", "x-total-pages", "x-next-page", "x-prev-page"].map((name) => [
          name,
          first.headers.get(name),
        ]),
      ),
    ).toEqual({
      "x-page": "1",
      "x-per-page": "20",
      "x-total": "45",
      "x-total-pages": "3",
      "x-next-page": "2",
      "x-prev-page": "",
    });
    const links = first.headers.get("link") ?? "";
    expect(links).toContain(
      `<${running.url}/api/v4/projects/career%2Fpeople/issues?state=opened&page=2&per_page=20>; rel="next"`,
    );
    expect(links).toContain('rel="first"');
    expect(links).toContain('rel="last"');
    expect(links).not.toContain('rel="prev"');

    const last = await get("/projects/career%2Fpeople/issues?per_page=20&page=3");
    expect(await last.json()).toHaveLength(5);
    expect(last.headers.get("x-next-page")).toBe("");
    expect(last.headers.get("link")).toContain('rel="prev"');
    expect(last.headers.get("link")).not.toContain('rel="next"');
  });

  it("caps per_page at 100 and answers an empty list with one page", async () => {
    const big = await get("/projects/career%2Fpeople/issues?per_page=500");
    expect(big.headers.get("x-per-page")).toBe("100");
    expect(await big.json()).toHaveLength(45);
    const empty = await get("/projects/career%2Fempty/issues");
    expect(await empty.json()).toEqual([]);
    expect(empty.headers.get("x-total-pages")).toBe("1");
  });

  it("addresses projects by id or by encoded path", async () => {
    const id = state.requireProject(PROJECT).id;
    const byId = await (await get(`/projects/${id}/issues/3`)).json();
    const byPath = await (await get("/projects/career%2Fpeople/issues/3")).json();
    expect(byId).toEqual(byPath);
    expect(byId).toMatchObject({ iid: 3, project_id: id, references: { full: `${PROJECT}#3` } });
  });

  it("orders by due date ascending with undated issues last, and filters with not[labels]", async () => {
    const ordered = (await (
      await get("/projects/career%2Fpeople/issues?order_by=due_date&sort=asc&per_page=100")
    ).json()) as Array<{ due_date: string | null }>;
    const dates = ordered.map((issue) => issue.due_date);
    const firstNull = dates.indexOf(null);
    expect(dates.slice(firstNull).every((date) => date === null)).toBe(true);
    expect(dates.slice(0, firstNull)).toEqual([...dates.slice(0, firstNull)].sort());
    state.addLabel(PROJECT, "skip");
    state.as("alice").addLabels(PROJECT, 1, ["skip"]);
    const rest = (await (
      await get("/projects/career%2Fpeople/issues?not%5Blabels%5D=skip&per_page=100")
    ).json()) as unknown[];
    expect(rest).toHaveLength(44);
  });

  it("answers 401 to unknown or missing tokens and 404 in GitLab's JSON", async () => {
    const counted = state.requestCount("GET /user");
    for (const token of ["glpat-nope", null]) {
      const response = await get("/user", token);
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ message: "401 Unauthorized" });
    }
    expect(state.requestCount("GET /user") - counted).toBe(2);
    expect(await (await get("/projects/career%2Fpeople/issues/999")).json()).toEqual({
      message: "404 Not found",
    });
    expect(await (await get("/projects/nope%2Fnope/issues")).json()).toEqual({
      message: "404 Project Not Found",
    });
    const unknown = await get("/projects/career%2Fpeople/merge_requests");
    expect(unknown.status).toBe(404);
  });

  it("answers a commands-only note with 202 and what the commands did", async () => {
    state.addLabel(PROJECT, "urgent");
    const response = await fetch(`${running.url}/api/v4/projects/career%2Fpeople/issues/2/notes`, {
      method: "POST",
      headers: { "private-token": TOKEN, "content-type": "application/json" },
      body: JSON.stringify({ body: "/label ~urgent\n/close" }),
    });
    expect(response.status).toBe(202);
    const body = (await response.json()) as { commands_changes: Record<string, unknown>; summary: string[] };
    expect(body.commands_changes).toMatchObject({
      add_label_ids: [state.findLabel(state.requireProject(PROJECT).id, "urgent")?.id],
      state_event: "close",
    });
    expect(body.summary).toEqual(["Added ~urgent label.", "Closed this issue."]);
    expect(state.quickActionsExecuted.at(-1)).toMatchObject({ author: "career-bot", command: "close" });
  });

  it("counts requests by method and route", async () => {
    const before = state.requestCount("GET /projects/:id/issues/:iid/notes");
    const port = new GitbeakerGitLab({ host: running.url, token: TOKEN });
    for (let index = 0; index < 150; index += 1) state.as("alice").comment(PROJECT, 4, `c${index}`);
    expect(await port.listNotes(PROJECT, 4)).toHaveLength(150);
    // 150 notes at 100 a page: gitbeaker follows rel="next" once.
    expect(state.requestCount("GET /projects/:id/issues/:iid/notes") - before).toBe(2);
  });
});

describe("GitbeakerGitLab.listIssues with dueOnOrBefore", () => {
  it("reads only the pages it needs", async () => {
    const state = new FakeGitLabState({ users: ["career-bot", "alice"], projects: [PROJECT] });
    for (let index = 0; index < 260; index += 1) {
      const dueDate = index < 130 ? "2026-02-01" : index < 200 ? "2026-06-01" : null;
      state.as("alice").openIssue({ title: `i${index}`, dueDate });
    }
    const running = await new FakeGitLabServer(state, { tokens: { [TOKEN]: "career-bot" } }).start();
    try {
      const port = new GitbeakerGitLab({ host: running.url, token: TOKEN });
      const route = "GET /projects/:id/issues";
      expect(await port.listIssues(PROJECT, { orderByDueDate: true, dueOnOrBefore: "2026-01-31" })).toEqual(
        [],
      );
      expect(state.requestCount(route)).toBe(1);
      const due = await port.listIssues(PROJECT, { orderByDueDate: true, dueOnOrBefore: "2026-02-01" });
      expect(due).toHaveLength(130);
      expect(state.requestCount(route)).toBe(3);
      expect(await port.listIssues(PROJECT, { orderByDueDate: true })).toHaveLength(260);
      expect(state.requestCount(route)).toBe(6);
    } finally {
      await running.close();
    }
  });
});
