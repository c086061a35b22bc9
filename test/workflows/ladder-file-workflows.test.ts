import { describe, expect, it } from "vitest";
import { parseLadderText } from "../../src/careers/ladder-file.js";
import { Config } from "../../src/config/schema.js";
import { lateralTransfer } from "../../src/workflows/lateral-transfer.js";
import { promotion } from "../../src/workflows/promotion.js";

/** The promotion checks, the picture and the transfer warnings read a team's ladder file. */
const ladders = parseLadderText(
  `mode: replace
departments:
  - name: Platform
    roles:
      - name: Platform Engineer
      - name: Senior Platform Engineer
      - name: Staff Platform Engineer
    merit: [Platform Engineer -> Senior Platform Engineer]
    company_need: [Senior Platform Engineer -> Staff Platform Engineer]
transfers:
  - Platform Engineer -> Data Engineer
`,
  ".gitlab/career-ladders.yml",
)!;
const withFile = { ...Config.parse({ people_ops: ["carol"] }), ladders };
const pageOnly = Config.parse({ people_ops: ["carol"] });

const promotionData = (current: string, target: string, extra: Record<string, string> = {}) => ({
  team_member: "alice",
  manager: "bob",
  current_role: current,
  target_role: target,
  ...extra,
});

describe("promotion with a ladder file", () => {
  it("accepts a step of the file's ladders and refuses the page's roles the file replaced", () => {
    expect(
      promotion.check!(promotionData("Platform Engineer", "Senior Platform Engineer"), withFile),
    ).toEqual([]);
    expect(
      promotion.check!(promotionData("Platform Engineer", "Senior Platform Engineer"), pageOnly),
    ).toEqual([expect.objectContaining({ field: "current_role" })]);
    const [problem] = promotion.check!(
      promotionData("Senior Backend Engineer", "Staff Backend Engineer"),
      withFile,
    );
    expect(problem?.message).toBe(
      "is not a role of the career ladders in .gitlab/career-ladders.yml; write it as a role name there, e.g. Platform Engineer; for any other role, follow the People Ops promotion process: https://handbook.gitlab.com/handbook/people-group/promotions-transfers/",
    );
  });

  it("asks for a position of need on the file's company-need moves", () => {
    expect(
      promotion.check!(promotionData("Senior Platform Engineer", "Staff Platform Engineer"), withFile),
    ).toEqual([expect.objectContaining({ field: "position_of_need" })]);
  });

  it("draws the file's step in the section", () => {
    const picture = promotion.picture!({
      data: promotionData("Platform Engineer", "Senior Platform Engineer"),
      config: withFile,
      facts: {},
      stageEntered: "2026-01-05",
      today: "2026-01-05",
    });
    expect(picture?.mermaid).toContain('["Platform Engineer (now)"]');
    expect(picture?.mermaid).toContain('["Senior Platform Engineer (next)"]');
  });
});

describe("lateral transfer with a ladder file", () => {
  const data = (current: string, target: string) => ({
    team_member: "alice",
    manager: "bob",
    current_role: current,
    target_role: target,
  });

  it("warns against the file's table, not the page's", () => {
    expect(lateralTransfer.warnings!(data("Senior Platform Engineer", "Data Engineer"), withFile)).toEqual(
      [],
    );
    expect(lateralTransfer.warnings!(data("Backend Engineer", "Support Engineer"), withFile)).toHaveLength(1);
    expect(lateralTransfer.warnings!(data("Backend Engineer", "Support Engineer"), pageOnly)).toEqual([]);
  });
});
