import { describe, expect, it } from "vitest";
import { parseLadderText } from "../../src/careers/ladder-file.js";
import {
  departmentPicture,
  rolePicture,
  stepPicture,
  transferPicture,
  trialPicture,
} from "../../src/careers/ladder-picture.js";
import { findRole, type Ladders, PAGE_LADDERS } from "../../src/careers/ladders.js";
import { findTransfer } from "../../src/careers/transfers.js";
import { HANDBOOK_URL } from "../../src/config/schema.js";
import { parseMermaid } from "../support/mermaid.js";

function role(name: string, department?: string, ladders: Ladders = PAGE_LADDERS) {
  const found = findRole(name, department, ladders);
  if (!found) throw new Error(`no role ${name}`);
  return found;
}

/** Node label -> its generated id, from the picture's node lines. */
function nodes(mermaid: string): Map<string, string> {
  return new Map(
    [...mermaid.matchAll(/^ {2}(r\d+)\["([^"]*)"\]$/gm)].map((m) => [m[2] ?? "", m[1] ?? ""] as const),
  );
}

describe("the promotion step", () => {
  const picture = stepPicture(
    PAGE_LADDERS,
    role("Senior Backend Engineer", "Development"),
    role("Staff Backend Engineer", "Development"),
    HANDBOOK_URL,
  );
  const ids = nodes(picture.mermaid);

  it("draws the roles one step before and after the current and the target role, stacked for a phone", () => {
    expect(picture.mermaid.split("\n")[0]).toBe("flowchart TB");
    expect([...ids.keys()]).toEqual([
      "Intermediate Backend Engineer",
      "Senior Backend Engineer (now)",
      "Staff Backend Engineer (next)",
      "Backend Engineering Manager",
      "Distinguished Engineer",
    ]);
  });

  it("marks the current and the target role with their classes", () => {
    expect(picture.mermaid).toContain(`  class ${ids.get("Senior Backend Engineer (now)")} current`);
    expect(picture.mermaid).toContain(`  class ${ids.get("Staff Backend Engineer (next)")} target`);
    expect(picture.mermaid).toMatch(/^ {2}classDef current /m);
    expect(picture.mermaid).toMatch(/^ {2}classDef target /m);
  });

  it("tells merit moves (solid) from merit and company need moves (dotted), as the page does", () => {
    const intermediate = ids.get("Intermediate Backend Engineer");
    const senior = ids.get("Senior Backend Engineer (now)");
    const staff = ids.get("Staff Backend Engineer (next)");
    expect(picture.mermaid).toContain(`  ${intermediate} -->|merit| ${senior}`);
    expect(picture.mermaid).toContain(`  ${senior} -.->|merit and company need| ${staff}`);
  });

  it("links each role to its job family under the handbook's host, as an absolute address", () => {
    expect(picture.mermaid).toContain(
      `  click ${ids.get("Senior Backend Engineer (now)")} "https://handbook.gitlab.com/job-families/engineering/development/backend/#senior-backend-engineer" _blank`,
    );
    expect(picture.links).toContain(
      "[Staff Backend Engineer](https://handbook.gitlab.com/job-families/engineering/development/backend/#staff-backend-engineer)",
    );
    const other = stepPicture(
      PAGE_LADDERS,
      role("Senior Backend Engineer", "Development"),
      role("Staff Backend Engineer", "Development"),
      "https://handbook.example.com/handbook/engineering/careers/",
    );
    expect(other.mermaid).toContain(
      '"https://handbook.example.com/job-families/engineering/development/backend/',
    );
  });

  it("is a diagram Mermaid can draw", async () => {
    await expect(parseMermaid(picture.mermaid)).resolves.toBe("flowchart-v2");
  });
});

describe("every picture of the page's ladders is one Mermaid can draw", () => {
  it.each([...PAGE_LADDERS.departments])("the %s department's whole ladder", async (department) => {
    const picture = departmentPicture(PAGE_LADDERS, department, HANDBOOK_URL);
    const roles = PAGE_LADDERS.roles.filter((r) => r.department === department);
    expect([...nodes(picture.mermaid).keys()]).toEqual(roles.map((r) => r.name));
    const edges = PAGE_LADDERS.moves.filter((m) => roles.some((r) => r.id === m.from));
    expect(picture.mermaid.split("\n").filter((line) => / -(->|\.->)\|/.test(line))).toHaveLength(
      edges.length,
    );
    await expect(parseMermaid(picture.mermaid)).resolves.toBe("flowchart-v2");
  });

  it("each role with the roles around it, and each of its steps", async () => {
    for (const from of PAGE_LADDERS.roles) {
      await parseMermaid(rolePicture(PAGE_LADDERS, from, HANDBOOK_URL).mermaid);
      for (const move of PAGE_LADDERS.moves.filter((m) => m.from === from.id)) {
        const to = PAGE_LADDERS.roles.find((r) => r.id === move.to)!;
        await parseMermaid(stepPicture(PAGE_LADDERS, from, to, HANDBOOK_URL).mermaid);
      }
    }
  });
});

describe("a ladder file's roles", () => {
  const ladders = parseLadderText(
    [
      "departments:",
      "  - name: Platform & Tools",
      "    roles:",
      "      - name: Platform Engineer",
      "        job_family: /job-families/platform/",
      "      - name: Senior Platform Engineer",
      "        job_family: https://jobs.example.com/platform#senior",
      "      - name: Staff Platform Engineer (Tools)",
      "    merit: [Platform Engineer -> Senior Platform Engineer]",
      "    company_need: [Senior Platform Engineer -> Staff Platform Engineer (Tools)]",
    ].join("\n"),
    ".gitlab/career-ladders.yml",
  )!;

  it("are drawn with the file's names and links", async () => {
    const picture = stepPicture(
      ladders,
      role("Platform Engineer", undefined, ladders),
      role("Senior Platform Engineer", undefined, ladders),
      HANDBOOK_URL,
    );
    expect([...nodes(picture.mermaid).keys()]).toEqual([
      "Platform Engineer (now)",
      "Senior Platform Engineer (next)",
      "Staff Platform Engineer (Tools)",
    ]);
    expect(picture.mermaid).toContain('"https://handbook.gitlab.com/job-families/platform/" _blank');
    expect(picture.mermaid).toContain('"https://jobs.example.com/platform#senior" _blank');
    // Markdown would end the link at the name's parenthesis: the address is escaped, the name kept.
    await expect(parseMermaid(picture.mermaid)).resolves.toBe("flowchart-v2");
    await expect(
      parseMermaid(departmentPicture(ladders, "Platform & Tools", HANDBOOK_URL).mermaid),
    ).resolves.toBe("flowchart-v2");
  });
});

describe("the lateral transfer and the management trial", () => {
  it("draws a listed transfer from the table, the chosen move marked among the family's others", async () => {
    const option = findTransfer("Senior Backend Engineer", "Support Engineer")!;
    const picture = transferPicture(PAGE_LADDERS, option);
    const ids = nodes(picture.mermaid);
    expect([...ids.keys()]).toEqual([
      "Backend Engineer (now)",
      "Production Engineer",
      "Support Engineer (next)",
      "Automation Engineer",
    ]);
    expect(picture.mermaid).toContain(
      `  ${ids.get("Backend Engineer (now)")} -->|listed transfer| ${ids.get("Support Engineer (next)")}`,
    );
    expect(picture.mermaid).toContain(
      `  ${ids.get("Backend Engineer (now)")} -.->|listed transfer| ${ids.get("Production Engineer")}`,
    );
    await expect(parseMermaid(picture.mermaid)).resolves.toBe("flowchart-v2");
    const teams = transferPicture(PAGE_LADDERS, findTransfer("Gitaly", "Geo")!);
    await expect(parseMermaid(teams.mermaid)).resolves.toBe("flowchart-v2");
  });

  it.each(["Senior", "Staff"] as const)(
    "draws the %s trial's fork between the Staff and Manager tracks",
    async (level) => {
      const picture = trialPicture(level);
      const ids = nodes(picture.mermaid);
      const manager = ids.get("Manager track: Engineering Manager (next)");
      expect(picture.mermaid).toContain(`  class ${ids.get(`${level} Engineer (now)`)} current`);
      expect(picture.mermaid).toContain(`  class ${manager} target`);
      expect([...ids.keys()].some((label) => label.startsWith("Staff track: "))).toBe(true);
      await expect(parseMermaid(picture.mermaid)).resolves.toBe("flowchart-v2");
    },
  );
});
