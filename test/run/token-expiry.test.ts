import { describe, expect, it } from "vitest";
import { main } from "../../src/cli.js";
import { FakeGitLab } from "../../src/gitlab/fake/adapter.js";
import { FakeGitLabState } from "../../src/gitlab/fake/state.js";
import { TOKEN_WARNING_DAYS, tokenExpiryWarning } from "../../src/run/token-expiry.js";

const NOW = Date.parse("2026-03-01T10:00:00Z");

describe("the token-expiry warning", () => {
  it("warns from 30 days ahead to the day itself, not before, and not for a token without an end", () => {
    expect(TOKEN_WARNING_DAYS).toBe(30);
    expect(tokenExpiryWarning("2026-03-31", NOW)).toContain("expires on 2026-03-31 (in 30 days)");
    expect(tokenExpiryWarning("2026-04-01", NOW)).toBeUndefined();
    expect(tokenExpiryWarning("2026-03-02", NOW)).toContain("(tomorrow)");
    expect(tokenExpiryWarning("2026-03-01", NOW)).toContain("(today)");
    expect(tokenExpiryWarning(null, NOW)).toBeUndefined();
    expect(tokenExpiryWarning(undefined, NOW)).toBeUndefined();
    expect(tokenExpiryWarning("2026-03-10", NOW)).toContain("CAREER_BOT_TOKEN");
  });
});

describe("setup and sweep say when the bot's token expires within 30 days", () => {
  const BOT = "career-bot";
  const PROJECT = "people/careers";
  const env = {
    GITLAB_URL: "http://gitlab.invalid",
    CAREER_BOT_TOKEN: "glpat-expiring",
    CAREER_BOT_PROJECT: PROJECT,
  };

  async function run(args: string[], expiresAt: string | null) {
    const state = new FakeGitLabState({ now: "2026-03-01T10:00:00Z", users: [BOT], projects: [PROJECT] });
    state.requireUser(BOT).token = { expiresAt };
    const wiring = {
      connect: () => new FakeGitLab(state, { username: BOT }),
      clock: { now: () => 0, sleep: async () => {}, wallMs: () => NOW },
    };
    let stdout = "";
    const io = {
      stdout: (text: string) => {
        stdout += text;
      },
      stderr: () => {},
    };
    const code = await main(args, env, io, wiring);
    return { code, stdout };
  }

  it("in the report of each, without failing the run", async () => {
    for (const command of [["setup", "--no-webhook"], ["sweep"]]) {
      const soon = await run(command, "2026-03-20");
      expect(soon.stdout, command[0]).toContain(
        "warning: the bot's token expires on 2026-03-20 (in 19 days)",
      );
      expect(soon.code, command[0]).toBe(0);
      const later = await run(command, "2026-06-01");
      expect(later.stdout, command[0]).not.toContain("token expires");
      expect(later.code, command[0]).toBe(0);
    }
  });

  it("and in --json", async () => {
    const sweep = JSON.parse((await run(["sweep", "--json"], "2026-03-05")).stdout);
    expect(sweep.notices).toEqual([expect.stringContaining("expires on 2026-03-05 (in 4 days)")]);
    const setup = JSON.parse((await run(["setup", "--no-webhook", "--json"], "2026-03-05")).stdout);
    expect(setup.warnings).toEqual([expect.stringContaining("expires on 2026-03-05 (in 4 days)")]);
  });
});
