import { describe, expect, it } from "vitest";
import { FakeGitLabApi } from "../../src/gitlab/fake/http-api.js";
import { inProcessTransport } from "../../src/gitlab/fake/in-process-transport.js";
import { FakeGitLabState } from "../../src/gitlab/fake/state.js";
import { GitbeakerGitLab } from "../../src/gitlab/gitbeaker.js";
import type { Transport } from "../../src/gitlab/http-transport.js";

/* What ends one try: the per-try timeout by default, none when requestTimeoutMs is 0 (the warm-up). */
describe("the requester's per-try signal", () => {
  function portSeeing(signals: Array<AbortSignal | null | undefined>, requestTimeoutMs?: number) {
    const state = new FakeGitLabState({ now: "2026-01-05T09:00:00Z", users: ["career-bot"], projects: [] });
    const transport = inProcessTransport(new FakeGitLabApi(state, { t: "career-bot" }));
    const spy: Transport = (url, init) => {
      signals.push(init.signal);
      return transport(url, init);
    };
    return new GitbeakerGitLab({ host: "http://gitlab.invalid", token: "t", fetch: spy, requestTimeoutMs });
  }

  it("gives every try a timeout signal by default", async () => {
    const signals: Array<AbortSignal | null | undefined> = [];
    expect((await portSeeing(signals).currentUser()).username).toBe("career-bot");
    expect(signals).toHaveLength(1);
    expect(signals[0]).toBeInstanceOf(AbortSignal);
    expect(signals[0]?.aborted).toBe(false);
  });

  it("gives none when requestTimeoutMs is 0", async () => {
    const signals: Array<AbortSignal | null | undefined> = [];
    expect((await portSeeing(signals, 0).currentUser()).username).toBe("career-bot");
    expect(signals).toEqual([undefined]);
  });

  it("still times a try out after requestTimeoutMs", async () => {
    const hanging: Transport = (_url, init) =>
      new Promise((_resolve, reject) =>
        init.signal?.addEventListener("abort", () => reject(init.signal?.reason)),
      );
    const port = new GitbeakerGitLab({
      host: "http://gitlab.invalid",
      token: "t",
      fetch: hanging,
      requestTimeoutMs: 20,
      retry: { sleep: async () => {}, maxAttempts: 1 },
    });
    await expect(port.currentUser()).rejects.toThrow(/no answer within 20 ms/);
  });
});
