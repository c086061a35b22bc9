import { existsSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { handleText } from "../support/cli-memory.js";
import { World } from "../support/world.js";

describe("the test suite leaves no temporary folders behind", () => {
  it("puts this file's temporary folders in its own folder under the run's", () => {
    const root = process.env.CAREER_BOT_TEST_TMP_ROOT;
    expect(root).toMatch(/career-bot-suite-/);
    expect(dirname(tmpdir())).toBe(root);
    expect(tmpdir()).toMatch(/career-bot-file-[^/]+$/);
  });

  it("a World removes its folder (config and event files) when stopped", async () => {
    const world = await new World().start();
    await world.handle(world.state.as("alice").openIssue({ title: "t", description: "d" }).payload);
    expect(readdirSync(world.dir).some((f) => f.startsWith("event-"))).toBe(true);
    await world.stop();
    expect(existsSync(world.dir)).toBe(false);
  });

  it("the in-memory CLI writes its event files into this file's folder", async () => {
    await handleText("{}");
    const mine = readdirSync(tmpdir());
    expect(mine.some((name) => name.startsWith("career-bot-cli-"))).toBe(true);
    expect(existsSync(join(tmpdir(), mine.find((n) => n.startsWith("career-bot-cli-"))!))).toBe(true);
  });
});
