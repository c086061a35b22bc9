import { describe, expect, it, vi } from "vitest";

const compared = vi.hoisted(() => ({ calls: [] as [number, number][] }));

vi.mock("node:crypto", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:crypto")>();
  return {
    ...actual,
    timingSafeEqual: (a: NodeJS.ArrayBufferView, b: NodeJS.ArrayBufferView) => {
      compared.calls.push([a.byteLength, b.byteLength]);
      return actual.timingSafeEqual(a, b);
    },
  };
});

const { secretMatches } = await import("../../src/serve/auth.js");

/* README: the webhook secret is compared in constant time. A plain `===` would pass every behavioural
 * test, so this one watches the comparison itself. */
describe("secretMatches compares in constant time", () => {
  it("every verdict, right or wrong, of any length, goes through timingSafeEqual on equal lengths", () => {
    const cases: [string, boolean][] = [
      ["s3cret", true],
      ["s3cre", false],
      ["a much longer guess than the secret", false],
      ["S3CRET", false],
    ];
    for (const [given, expected] of cases) {
      compared.calls.length = 0;
      expect(secretMatches(given, "s3cret")).toBe(expected);
      expect(compared.calls).toHaveLength(1);
      const [a, b] = compared.calls[0]!;
      expect(a).toBe(b);
    }
  });
});
