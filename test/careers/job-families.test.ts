import { describe, expect, it } from "vitest";
import { JOB_FAMILY_PATHS } from "../../src/careers/job-families.js";
import { graphIdOf, roles } from "../../src/careers/ladders.js";
import { readSeed, section } from "./seed.js";

/** "department graphId path" for every `click` line of the Roles graphs that links a page path. */
function seedLinks(): string[] {
  const links: string[] = [];
  let department = "";
  for (const line of section(readSeed(), "## Roles").split("\n")) {
    const heading = /^#### (.+) Department/.exec(line);
    if (heading) department = heading[1] ?? "";
    const click = /^\s*click (\S+) "(\/[^"]*)"/.exec(line);
    if (click) links.push(`${department} ${click[1]} ${click[2]}`);
  }
  return links.sort();
}

describe("job-family links", () => {
  it("are the page's click links, role for role (no more, no fewer)", () => {
    const ours = roles
      .filter((role) => JOB_FAMILY_PATHS[role.id] !== undefined)
      .map((role) => `${role.department} ${graphIdOf(role)} ${JOB_FAMILY_PATHS[role.id]}`)
      .sort();
    expect(ours).toEqual(seedLinks());
  });

  it("name only roles of the ladders", () => {
    const ids = new Set<string>(roles.map((role) => role.id));
    expect(Object.keys(JOB_FAMILY_PATHS).filter((id) => !ids.has(id))).toEqual([]);
  });
});
