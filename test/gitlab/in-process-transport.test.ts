import { describe, expect, it } from "vitest";
import { FakeGitLabApi } from "../../src/gitlab/fake/http-api.js";
import { inProcessTransport } from "../../src/gitlab/fake/in-process-transport.js";
import { FakeGitLabState } from "../../src/gitlab/fake/state.js";

/* What the in-process transport answers where the port contract does not look. */
describe("inProcessTransport", () => {
  const state = () =>
    new FakeGitLabState({ now: "2026-01-05T09:00:00Z", users: ["career-bot"], projects: ["org/careers"] });
  const headers = { "PRIVATE-TOKEN": "t" };

  it("answers a bug in the fake with a 500, as the HTTP server does, not a network failure", async () => {
    const broken = state();
    broken.findProject = () => {
      throw new TypeError("boom");
    };
    const fetch = inProcessTransport(new FakeGitLabApi(broken, { t: "career-bot" }));
    const response = await fetch(new URL("http://gitlab.invalid/api/v4/projects/1/issues/1"), { headers });
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ message: "fake server bug: TypeError: boom" });
  });

  it("links pages on the origin the request was sent to", async () => {
    const fetch = inProcessTransport(new FakeGitLabApi(state(), { t: "career-bot" }));
    const response = await fetch(new URL("http://gitlab.example:8080/api/v4/users?per_page=1"), { headers });
    expect(response.status).toBe(200);
    expect(response.headers.get("link") ?? "").toContain("http://gitlab.example:8080/api/v4/users?");
  });
});
