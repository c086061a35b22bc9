import { describe, expect, it } from "vitest";
import type { GitLabPort, ProjectHook } from "../../src/gitlab/port.js";
import { checkHookHealth, isBotHook } from "../../src/run/hook-health.js";

function hook(overrides: Partial<ProjectHook>): ProjectHook {
  return {
    id: 7,
    url: "https://bot.example.com/webhook",
    name: null,
    events: {} as ProjectHook["events"],
    urlVariables: [],
    alertStatus: "executable",
    disabledUntil: null,
    ...overrides,
  };
}

/** Only the one read checkHookHealth makes. */
function portWith(hooks: ProjectHook[]): GitLabPort {
  return { listHooks: async () => hooks } as unknown as GitLabPort;
}

describe("the sweep's look at the bot's webhook", () => {
  it("recognises a serve-mode hook (no trigger URL) by its name career-bot, and reports it disabled", async () => {
    const serveHook = hook({ name: "career-bot", alertStatus: "disabled" });
    expect(isBotHook(serveHook)).toBe(true);
    const health = await checkHookHealth(portWith([serveHook]), 1, []);
    expect(health.status).toBe("disabled");
    expect(health.detail).toContain("hook #7 is disabled after 40 failed deliveries");
  });

  it("leaves alone a hook that is neither named career-bot nor posts to a pipeline trigger", async () => {
    const other = hook({ name: "chat-notifier", alertStatus: "disabled" });
    expect(isBotHook(other)).toBe(false);
    expect((await checkHookHealth(portWith([other]), 1, [])).status).toBe("none");
  });

  it("recognises an unnamed hook to the pipeline trigger (GitLab before 17.1 has no names)", async () => {
    const trigger = hook({
      url: "https://gitlab.example.com/api/v4/projects/5/ref/main/trigger/pipeline?token={TOKEN}",
      alertStatus: "temporarily_disabled",
      disabledUntil: "2026-01-05T09:01:00.000Z",
    });
    const health = await checkHookHealth(portWith([trigger]), 1, []);
    expect(health.status).toBe("failing");
    expect(health.detail).toContain("until 2026-01-05T09:01:00.000Z");
  });
});
