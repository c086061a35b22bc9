import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { validate } from "../../src/commands/validate.js";
import { loadConfig } from "../../src/config/load.js";
import { ConfigError } from "../../src/errors.js";

const made: string[] = [];
const scratch = () => {
  const dir = mkdtempSync(join(tmpdir(), "career-bot-misnamed-"));
  made.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A careers project whose config sits at .gitlab/career-bot.yaml, and the path the bot reads. */
function project(): { yml: string; yaml: string } {
  const dir = scratch();
  mkdirSync(join(dir, ".gitlab"));
  const yaml = join(dir, ".gitlab/career-bot.yaml");
  writeFileSync(yaml, "people_ops: [erin]\n");
  return { yml: join(dir, ".gitlab/career-bot.yml"), yaml };
}

describe(".gitlab/career-bot.yaml beside a missing .gitlab/career-bot.yml", () => {
  it("is refused by every command, naming the file and the rename, not silently replaced by the defaults", async () => {
    const { yml, yaml } = project();
    const refused = await loadConfig(yml).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ConfigError);
    expect((refused as ConfigError).exitCode).toBe(2);
    expect((refused as ConfigError).message).toBe(
      `${yaml}: career-bot reads ${yml}, not this file: rename it (git mv ${yaml} ${yml}) or pass --config ${yaml}`,
    );
  });

  it("fails validate, which said 'not found, using the defaults' and exited 0", async () => {
    const { yml, yaml } = project();
    const refused = await validate(yml).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ConfigError);
    expect((refused as ConfigError).problems).toEqual([
      expect.stringContaining(`${yaml}: career-bot reads ${yml}`),
    ]);
  });

  it("leaves a project with neither file on the defaults, and reads --config career-bot.yaml", async () => {
    const dir = scratch();
    expect((await loadConfig(join(dir, "career-bot.yml"))).people_ops).toEqual([]);
    const { yaml } = project();
    expect((await loadConfig(yaml, { required: true })).people_ops).toEqual(["erin"]);
  });
});
