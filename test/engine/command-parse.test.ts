import { describe, expect, it } from "vitest";
import { parseArgs, parseCommandLines } from "../../src/engine/command-parse.js";
import type { Command } from "../../src/workflows/types.js";

const hire: Command = {
  verb: "hire",
  stages: ["hiring"],
  roles: ["manager"],
  args: [
    { name: "new_hire", kind: "user" },
    { name: "start_date", kind: "day" },
  ],
  help: "",
};

describe("command lines", () => {
  it("finds /career lines, not inside code fences", () => {
    const body =
      "Great news!\n/career hire @dave 2026-03-02\n```\n/career review successful\n```\n/CAREER Status";
    expect(parseCommandLines(body).map((c) => [c.verb, c.args])).toEqual([
      ["hire", ["@dave", "2026-03-02"]],
      ["status", []],
    ]);
  });

  it("ignores /career in the middle of a line and other quick actions", () => {
    expect(parseCommandLines("please run /career hire\n/careers x\n/label ~x")).toEqual([]);
  });

  it("checks arguments", () => {
    expect(parseArgs(hire, ["@dave", "2026-03-02"])).toEqual({
      ok: true,
      values: { new_hire: "dave", start_date: "2026-03-02" },
    });
    expect(parseArgs(hire, ["@dave", "2026-02-31"]).ok).toBe(false);
    expect(parseArgs(hire, ["@dave"]).ok).toBe(false);
  });
});
