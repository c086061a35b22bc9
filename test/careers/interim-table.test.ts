import { describe, expect, it } from "vitest";
import {
  DIRECTOR_PLUS_NOTE,
  INTERIM_TABLE_HEADER,
  interimApplicability,
  interimTable,
  LEVELS,
  type Level,
  needsManagingManagers,
  parseLevel,
} from "../../src/careers/interim-table.js";
import { parseTable, readSeed, section } from "./seed.js";

const seedSection = section(readSeed(), "##### Interim Manager");

describe("interim table data", () => {
  it("matches the seed's table cell for cell, blank row-span cells filled from the row above", () => {
    const [header, ...rows] = parseTable(seedSection);
    expect(header).toEqual([...INTERIM_TABLE_HEADER]);
    let previous: string[] = [];
    const filled = rows.map((cells) => {
      const row = cells.map((cell, i) => (cell === "" ? (previous[i] ?? "") : cell));
      previous = row;
      return row;
    });
    expect(interimTable.map((row) => [...row.cells])).toEqual(filled);
  });

  it("quotes the Director+ sentence verbatim", () => {
    expect(seedSection).toContain(DIRECTOR_PLUS_NOTE);
  });
});

const P = "previous management experience (6+ months)";

// [current, desired, prior experience, interim required, row quoted]
const ROWS: [Level, Level, boolean, boolean, string][] = [
  ["Senior", "Manager", false, true, `Senior → Manager, ${P}: No → interim: Yes`],
  ["Senior", "Manager", true, true, `Senior → Manager, ${P}: Yes → interim: Yes`],
  ["Staff", "Manager", false, true, `Staff → Manager, ${P}: No → interim: Yes`],
  ["Staff", "Manager", true, false, `Staff → Manager, ${P}: Yes → interim: No`],
  [
    "Manager",
    "Senior Manager",
    false,
    true,
    `Manager → Senior Manager, ${P}: No (managing managers) → interim: Yes`,
  ],
  [
    "Manager",
    "Senior Manager",
    true,
    false,
    `Manager → Senior Manager, ${P}: Yes (managing managers) → interim: No`,
  ],
  [
    "Manager",
    "Director",
    false,
    true,
    `Manager/Sr Manager → Director, ${P}: No (managing managers) → interim: Yes`,
  ],
  [
    "Manager",
    "Director",
    true,
    false,
    `Manager/Sr Manager → Director, ${P}: Yes (managing managers) → interim: No`,
  ],
  [
    "Senior Manager",
    "Director",
    false,
    true,
    `Manager/Sr Manager → Director, ${P}: No (managing managers) → interim: Yes`,
  ],
  [
    "Senior Manager",
    "Director",
    true,
    false,
    `Manager/Sr Manager → Director, ${P}: Yes (managing managers) → interim: No`,
  ],
];

describe("interimApplicability", () => {
  it.each(ROWS)("%s → %s, prior experience %s: interim %s", (current, desired, prior, required, row) => {
    const result = interimApplicability(current, desired, prior);
    expect(result.required).toBe(required);
    expect("row" in result && result.row).toBe(row);
    expect(result.reason).toContain(`${current} → ${desired}`);
  });

  it("says which experience counts in its reason", () => {
    expect(interimApplicability("Staff", "Manager", false).reason).toContain("without previous management");
    expect(interimApplicability("Manager", "Director", true).reason).toContain(
      "with previous experience managing managers",
    );
  });

  it.each([
    ["Director", "Senior Director"],
    ["Director", "VP"],
    ["Senior Director", "VP"],
    ["Director", "Director"],
  ] as [Level, Level][])("needs no interim for Director+ move %s → %s", (current, desired) => {
    for (const prior of [false, true]) {
      const result = interimApplicability(current, desired, prior);
      expect(result.required).toBe(false);
      expect("row" in result && result.row).toBe(DIRECTOR_PLUS_NOTE);
    }
  });

  it.each([
    ["Senior", "Director"],
    ["Senior", "Senior Manager"],
    ["Staff", "Senior Manager"],
    ["Staff", "Director"],
    ["Manager", "VP"],
    ["Senior", "Staff"],
    ["Manager", "Manager"],
    ["Director", "Manager"],
  ] as [Level, Level][])("leaves %s → %s undefined with a reason to fix it", (current, desired) => {
    for (const prior of [false, true]) {
      const result = interimApplicability(current, desired, prior);
      expect(result.required).toBeUndefined();
      expect("row" in result).toBe(false);
      expect(result.reason).toContain(`does not list ${current} → ${desired}`);
      expect(result.reason).toContain("Manager/Sr Manager → Director");
    }
  });
});

describe("parseLevel", () => {
  it.each([
    ["Senior", "Senior"],
    ["staff", "Staff"],
    ["  MANAGER ", "Manager"],
    ["Senior Manager", "Senior Manager"],
    ["Sr Manager", "Senior Manager"],
    ["sr. manager", "Senior Manager"],
    ["Sr Mgr", "Senior Manager"],
    ["senior_manager", "Senior Manager"],
    ["senior-director", "Senior Director"],
    ["Sr Director", "Senior Director"],
    ["VP", "VP"],
    ["Vice  President", "VP"],
  ])("parses %j as %s", (text, level) => {
    expect(parseLevel(text)).toBe(level);
  });

  it.each(["", "Principal", "Senior Engineer", "Engineering Manager", "Srmanager", "CTO"])(
    "rejects %j",
    (text) => {
      expect(parseLevel(text)).toBeUndefined();
    },
  );

  it("parses every entry of LEVELS back to itself", () => {
    expect(LEVELS).toHaveLength(7);
    for (const level of LEVELS) expect(parseLevel(level)).toBe(level);
  });
});

describe("needsManagingManagers", () => {
  it("is true above Manager only", () => {
    expect(LEVELS.filter(needsManagingManagers)).toEqual([
      "Senior Manager",
      "Director",
      "Senior Director",
      "VP",
    ]);
  });

  it("agrees with the table's (managing managers) qualifier on every row", () => {
    for (const row of interimTable) expect(needsManagingManagers(row.desired)).toBe(row.managingManagers);
  });
});
