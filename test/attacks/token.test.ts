import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BOT_TOKEN, type CliResult, interimDescription, World } from "../support/world.js";

/*
 * SPEC section 2: "A token is never printed, in logs, errors or --json output." GitLab (or a proxy in
 * front of it) may echo the token, or a URL carrying one, in an error body; the bot prints errors per
 * issue on stdout, progress on stderr and the summary as JSON. None of it may hold a secret.
 */

const OTHER_SECRET = "glpat-someone-elses-token-0042";
const ECHO = `invalid token ${BOT_TOKEN}; see https://gitlab.example.com/api/v4/user?private_token=${OTHER_SECRET}&x=1`;
const FAST = { CAREER_BOT_RETRY_BASE_MS: "1", CAREER_BOT_REQUEST_TIMEOUT_MS: "250" };

let world: World;
beforeEach(async () => {
  world = await new World().start();
  world.extraEnv = FAST;
  world.state.as("alice").openIssue({ title: "Interim manager: alice", description: interimDescription({}) });
});
afterEach(() => world.stop());

function expectNoSecret(result: CliResult): void {
  const printed = `${result.stdout}\n${result.stderr}`;
  expect(printed).not.toContain(BOT_TOKEN);
  expect(printed).not.toContain(OTHER_SECRET);
  expect(printed).not.toContain(BOT_TOKEN.slice(6)); // not even without its glpat- prefix
}

describe("a token in an error message", () => {
  it("is cut from per-issue failures, progress lines and --json", async () => {
    world.server.fault = (request) =>
      request.route.endsWith("/notes") ? { status: 500, message: ECHO } : null;
    for (const args of [["sweep", "--json"], ["sweep"]]) {
      const result = await world.cli(args, { GITLAB_CI: "true" });
      expect(result.code).toBe(1);
      expect(`${result.stdout}${result.stderr}`).toContain("FAILED");
      expect(`${result.stdout}${result.stderr}`).toContain("[redacted]");
      expectNoSecret(result);
    }
  });

  it("is cut from the error that stops a run before any issue", async () => {
    world.server.fault = (request) => (request.route === "/user" ? { status: 401, message: ECHO } : null);
    const result = await world.sweep();
    // A rejected token is bad config (exit 2), said with the fix, and never with the token.
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^career-bot: GitLab at \S+ rejected the token \(401\)/);
    expectNoSecret(result);
  });

  it("is cut from a handled event's failure, with the token given as --token", async () => {
    world.server.fault = (request) =>
      request.method === "GET" && /issues\/1$/.test(request.path) ? { status: 404, message: ECHO } : null;
    const event = world.state.webhooks.at(-1)!;
    const file = `${world.dir}/event.json`;
    const { writeFileSync } = await import("node:fs");
    writeFileSync(file, JSON.stringify(event));
    const result = await world.cli(["handle", "--payload", file, "--json", "--token", BOT_TOKEN], {
      CAREER_BOT_TOKEN: "",
    });
    expect(result.code).toBe(1);
    expectNoSecret(result);
  });

  it("never prints a GitLab URL that carries credentials", async () => {
    const url = `http://career-bot:${BOT_TOKEN}@127.0.0.1:9/?private_token=${OTHER_SECRET}`;
    const result = await world.cli(["sweep", "--json"], { GITLAB_URL: url });
    expect(result.code).not.toBe(0);
    expectNoSecret(result);
  });
});
