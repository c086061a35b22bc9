import { describe, expect, it } from "vitest";
import { issueTemplate } from "../../src/assets.js";
import { main } from "../../src/cli.js";
import { FakeGitLab, FakeGitLabState } from "../../src/gitlab/fake/index.js";

// main's Wiring (what the snapshot's warm-up runs through): handle and sweep use the port it gives.
describe("main with a Wiring", () => {
  it("runs handle and sweep on the port the wiring connects, with nothing sent anywhere else", async () => {
    const project = "org/careers";
    const state = new FakeGitLabState({
      now: "2026-01-05T09:00:00Z",
      users: ["career-bot", "alice", "bob"],
      projects: [project],
    });
    state.addLabel(project, "career::interim-manager");
    const { issue, payload } = state.as("alice").openIssue({
      title: "Interim: alice",
      description: issueTemplate("Interim manager"),
    });
    const connected: string[] = [];
    const wiring = {
      connect: (settings: { url: string }) => {
        connected.push(settings.url);
        return new FakeGitLab(state, { username: "career-bot" });
      },
    };
    const out: string[] = [];
    const io = { stdout: (text: string) => void out.push(text), stderr: () => {} };
    // An unreachable URL: any request that bypassed the wiring would fail the run.
    const env = { GITLAB_URL: "http://127.0.0.1:9", CAREER_BOT_TOKEN: "t", CAREER_BOT_PROJECT: project };

    const handled = main(
      ["handle", "--now", state.now],
      { ...env, TRIGGER_PAYLOAD: JSON.stringify(payload) },
      io,
      wiring,
    );
    expect(await handled).toBe(0);
    expect(state.notesOf(issue.id).some((note) => note.authorId === state.findUser("career-bot")!.id)).toBe(
      true,
    );
    expect(await main(["sweep", "--now", state.now], env, io, wiring)).toBe(0);
    expect(connected).toEqual(["http://127.0.0.1:9", "http://127.0.0.1:9"]);
  });
});
