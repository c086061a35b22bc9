import { describe, expect, it } from "vitest";
import { GitLabNetworkError } from "../../src/gitlab/errors.js";
import { GitLabError } from "../../src/gitlab/port.js";
import { isRetryable, type RetryOptions, withRetry } from "../../src/gitlab/retry.js";

/** A fake clock that sleeping advances, and a record of every wait. */
function harness(overrides: Partial<RetryOptions> = {}) {
  let clock = 0;
  const waits: number[] = [];
  const options: Partial<RetryOptions> = {
    maxAttempts: 5,
    maxElapsedMs: 60_000,
    baseDelayMs: 1_000,
    maxDelayMs: 8_000,
    rateLimitBaseDelayMs: 4_000,
    random: () => 0.5,
    now: () => clock,
    sleep: async (ms) => {
      waits.push(ms);
      clock += ms;
    },
    ...overrides,
  };
  return { options, waits };
}

/** An operation failing with the given errors in turn, then answering "ok". */
function failing(...errors: GitLabError[]) {
  const calls = { count: 0 };
  const operation = async () => {
    const error = errors[calls.count];
    calls.count += 1;
    if (error) throw error;
    return "ok";
  };
  return { operation, calls };
}

const server = (status: number) => new GitLabError("server", `status ${status}`, status);
const rateLimited = (retryAfterMs?: number) => new GitLabError("rate-limited", "429", 429, retryAfterMs);
const timeout = () => new GitLabError("timeout", "timed out");
const reset = () => new GitLabNetworkError("reset", true);
const refused = () => new GitLabNetworkError("refused", false);

describe("withRetry", () => {
  it("retries reads on 5xx, timeouts and resets with exponential backoff and full jitter", async () => {
    const { options, waits } = harness();
    const { operation, calls } = failing(server(500), server(502), timeout(), reset());
    await expect(withRetry("GET", operation, options)).resolves.toBe("ok");
    expect(calls.count).toBe(5);
    // random() = 0.5 of min(maxDelay, base * 2^(n-1)): 1000, 2000, 4000, 8000 -> halves.
    expect(waits).toEqual([500, 1000, 2000, 4000]);
  });

  it("spreads waits with the injected randomness", async () => {
    const { options, waits } = harness({ random: () => 0.99 });
    const { operation } = failing(server(503), server(503), server(503), server(503));
    await withRetry("PUT", operation, options);
    expect(waits).toEqual([990, 1980, 3960, 7920]);
  });

  it("waits exactly Retry-After on a 429 that has it", async () => {
    const { options, waits } = harness();
    const { operation, calls } = failing(rateLimited(7_000), rateLimited(1_000));
    await expect(withRetry("POST", operation, options)).resolves.toBe("ok");
    expect(calls.count).toBe(3);
    expect(waits).toEqual([7_000, 1_000]);
  });

  it("backs off from the rate-limit base on a 429 without Retry-After", async () => {
    const { options, waits } = harness({ maxDelayMs: 60_000 });
    const { operation } = failing(rateLimited(), rateLimited());
    await withRetry("GET", operation, options);
    expect(waits).toEqual([2_000, 4_000]);
  });

  it("never retries a POST that may have reached GitLab", async () => {
    for (const error of [server(500), server(502), server(503), server(504), timeout(), reset()]) {
      const { options, waits } = harness();
      const { operation, calls } = failing(error);
      await expect(withRetry("POST", operation, options)).rejects.toBe(error);
      expect(calls.count).toBe(1);
      expect(waits).toEqual([]);
    }
  });

  it("retries a POST whose connection was refused, since it never left", async () => {
    const { options } = harness();
    const { operation, calls } = failing(refused(), refused());
    await expect(withRetry("POST", operation, options)).resolves.toBe("ok");
    expect(calls.count).toBe(3);
  });

  it("does not retry client errors or unknown failures", async () => {
    for (const error of [
      new GitLabError("bad-request", "400", 400),
      new GitLabError("unauthorized", "401", 401),
      new GitLabError("forbidden", "403", 403),
      new GitLabError("not-found", "404", 404),
      new GitLabError("server", "501", 501),
      new GitLabError("invalid-response", "bad shape"),
    ]) {
      const { options } = harness();
      const { operation, calls } = failing(error);
      await expect(withRetry("GET", operation, options)).rejects.toBe(error);
      expect(calls.count).toBe(1);
    }
    const { options } = harness();
    await expect(withRetry("GET", () => Promise.reject(new TypeError("bug")), options)).rejects.toThrow(
      "bug",
    );
  });

  it("stops after maxAttempts and throws the last error", async () => {
    const { options, waits } = harness({ maxAttempts: 3 });
    const last = server(503);
    const { operation, calls } = failing(server(502), server(500), last, server(500));
    await expect(withRetry("GET", operation, options)).rejects.toBe(last);
    expect(calls.count).toBe(3);
    expect(waits).toHaveLength(2);
  });

  it("stops when the next wait would pass maxElapsedMs", async () => {
    const { options, waits } = harness({ maxAttempts: 100, maxElapsedMs: 10_000, random: () => 1 });
    const { operation, calls } = failing(...Array.from({ length: 100 }, () => server(503)));
    await expect(withRetry("GET", operation, options)).rejects.toMatchObject({ kind: "server" });
    // 1000 + 2000 + 4000 = 7000 elapsed; the next 8000 would end at 15000 > 10000.
    expect(waits).toEqual([1_000, 2_000, 4_000]);
    expect(calls.count).toBe(4);
  });

  it("gives up at once when Retry-After is longer than the time left, keeping the wait on the error", async () => {
    const { options, waits } = harness({ maxElapsedMs: 30_000 });
    const { operation } = failing(rateLimited(120_000));
    await expect(withRetry("GET", operation, options)).rejects.toMatchObject({
      kind: "rate-limited",
      retryAfterMs: 120_000,
    });
    expect(waits).toEqual([]);
  });

  it("reports each retry", async () => {
    const seen: Array<[number, number, string]> = [];
    const { options } = harness({
      onRetry: ({ attempt, delayMs, error }) => seen.push([attempt, delayMs, error.kind]),
    });
    await withRetry("GET", failing(timeout(), rateLimited(3_000)).operation, options);
    expect(seen).toEqual([
      [1, 500, "timeout"],
      [2, 3_000, "rate-limited"],
    ]);
  });
});

describe("isRetryable", () => {
  it("treats PUT like GET and POST as a non-repeatable create", () => {
    expect(isRetryable(server(502), "PUT")).toBe(true);
    expect(isRetryable(server(502), "post")).toBe(false);
    expect(isRetryable(rateLimited(), "POST")).toBe(true);
    expect(isRetryable(new Error("x"), "GET")).toBe(false);
  });
});
