import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { scaffoldFile } from "../../src/assets.js";
import { parseLadderText } from "../../src/careers/ladder-file.js";
import { ladderJsonSchema } from "../../src/config/json-schema.js";
import { releaseHome, scaffoldFiles } from "../../src/init/scaffold.js";

describe("the ladder file's JSON Schema and the example init writes", () => {
  it("keeps the committed JSON Schema in step with the ladder file's schema", () => {
    expect(JSON.parse(readFileSync("career-ladders.schema.json", "utf8"))).toEqual(ladderJsonSchema());
  });

  it("init writes the example, comments only, so the page's ladders apply until a team writes its own", () => {
    const file = scaffoldFiles(releaseHome({})).find((f) => f.path === ".gitlab/career-ladders.yml");
    expect(file?.text).toBe(scaffoldFile("career-ladders.yml"));
    expect(parseLadderText(file!.text, ".gitlab/career-ladders.yml")).toBeUndefined();
  });

  it("the example, uncommented, is a valid ladder file that extends the page's", () => {
    const body = scaffoldFile("career-ladders.yml")
      .split("\n")
      .filter((line) => /^# {0,1}(mode|departments|transfers| {2})/.test(line))
      .map((line) => line.replace(/^# ?/, ""))
      .join("\n");
    const ladders = parseLadderText(body, ".gitlab/career-ladders.yml")!;
    expect(ladders.departments.at(-1)).toBe("Platform");
    expect(ladders.roles.filter((r) => r.department === "Platform").map((r) => r.name)).toEqual([
      "Platform Engineer",
      "Senior Platform Engineer",
      "Staff Platform Engineer",
      "Platform Engineering Manager",
    ]);
  });
});
