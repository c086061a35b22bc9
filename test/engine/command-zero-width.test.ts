import { describe, expect, it } from "vitest";
import { hasCommandLine, parseCommandLines } from "../../src/engine/command-parse.js";

describe("commands with zero-width characters", () => {
  it("reads a line that is a command once U+200B, U+200C, U+200D, U+2060 and U+FEFF are removed", () => {
    for (const zw of ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"]) {
      const body = `${zw}/ca${zw}reer extend ${zw}2026-05-01`;
      expect(hasCommandLine(body)).toBe(true);
      expect(parseCommandLines(body)).toEqual([
        { verb: "extend", args: ["2026-05-01"], raw: "/career extend 2026-05-01" },
      ]);
    }
  });

  it("still ignores a quoted reply line, text before the slash, and lines inside fences", () => {
    const body = "> \u200b/career status\nsee \u200b/career help\n```\n\u200b/career conclude\n```";
    expect(parseCommandLines(body)).toEqual([]);
    expect(hasCommandLine(body)).toBe(false);
  });

  it("reads fences as GitLab shows them: a zero-width character before backticks closes no block", () => {
    const hidden = "Draft, not sent yet:\n```\n\u200b```\n/career decision promoted\n```";
    expect(parseCommandLines(hidden)).toEqual([]);
    const otherChar = "```\n~~~\n/career conclude\n```\n/career status";
    expect(parseCommandLines(otherChar).map((line) => line.verb)).toEqual(["status"]);
    const shorter = "````\n```\n/career conclude\n````\n/career help";
    expect(parseCommandLines(shorter).map((line) => line.verb)).toEqual(["help"]);
  });
});
