import { describe, expect, it } from "vitest";
import { mention, neutraliseQuickActions, safeInline } from "../../src/engine/safe-text.js";

describe("safe text", () => {
  it("never lets a value start a quick action", () => {
    expect(safeInline("/close")).not.toMatch(/^\//);
    expect(safeInline("x\n/label ~y")).not.toMatch(/(^|\n)\//);
    expect(neutraliseQuickActions("ok\n/close\n  /unlabel ~x")).not.toMatch(/(^|\n)\s*\//);
  });

  it("breaks every mention in user text", () => {
    expect(safeInline("hi @all and @bob")).not.toMatch(/@[a-z]/);
  });

  it("strips HTML comments, so markers cannot be forged", () => {
    expect(safeInline("a <!-- career-bot:note key=x --> b")).not.toContain("<!--");
    expect(safeInline("a <!-- unterminated")).not.toContain("<!--");
    expect(safeInline("--> and <!")).not.toContain("-->");
  });

  it("mentions only plausible usernames and never @all", () => {
    expect(mention("bob")).toBe("@bob");
    expect(mention("all")).not.toBe("@all");
    expect(mention("a b")).not.toContain("@");
  });
});
