import { describe, expect, it } from "vitest";
import {
  BACKEND_TEAMS,
  BACKEND_TEAMS_NOTE,
  findTransfer,
  TRANSFER_LEVELING_NOTE,
  TRANSFER_TABLE_NOTE,
  transferOptions,
} from "../../src/careers/transfers.js";
import { parseTable, readSeed, section } from "./seed.js";

const seedSection = section(readSeed(), "#### Transfer Options");

describe("transfer data", () => {
  it("matches the seed's table row for row", () => {
    const [header, ...rows] = parseTable(seedSection);
    expect(header).toEqual(["Starting Role", "Lateral Options"]);
    expect(transferOptions.map((o) => [o.from, o.to])).toEqual(rows);
    expect(transferOptions.every((o) => o.kind === "table")).toBe(true);
  });

  it("quotes the seed's notes verbatim", () => {
    expect(seedSection).toContain(TRANSFER_TABLE_NOTE);
    expect(TRANSFER_TABLE_NOTE).toContain("don't feel limited by this table");
    expect(seedSection).toContain(TRANSFER_LEVELING_NOTE);
    expect(seedSection).toContain(BACKEND_TEAMS_NOTE);
  });

  it("lists the backend teams the note names", () => {
    const named = /Those teams include (.*), etc\./.exec(BACKEND_TEAMS_NOTE)?.[1]?.split(", ");
    expect(BACKEND_TEAMS).toEqual(named);
  });
});

describe("findTransfer", () => {
  it.each(transferOptions.map((o) => [o.from, o.to]))("finds the listed %s → %s", (from, to) => {
    expect(findTransfer(from, to)).toEqual({ from, to, kind: "table" });
  });

  it("ignores case, spacing and the level of the role", () => {
    expect(findTransfer("  backend   ENGINEER ", "support engineer")?.to).toBe("Support Engineer");
    expect(findTransfer("Senior Frontend Engineer", "Senior Product Designer")).toEqual({
      from: "Frontend Engineer",
      to: "Product Designer",
      kind: "table",
    });
    expect(findTransfer("Intern, Backend Engineer", "Automation Engineer")?.from).toBe("Backend Engineer");
  });

  it("accepts a move between any two backend teams the seed names", () => {
    for (const from of BACKEND_TEAMS) {
      for (const to of BACKEND_TEAMS) {
        if (from === to) continue;
        expect(findTransfer(from, to), `${from} → ${to}`).toEqual({ from, to, kind: "backend-team" });
      }
    }
  });

  it("reads backend teams written as job titles or with 'team'", () => {
    expect(findTransfer("Backend Engineer, Create", "Gitaly team")).toEqual({
      from: "Create",
      to: "Gitaly",
      kind: "backend-team",
    });
    expect(findTransfer("Backend Engineer (Geo)", "verify backend team")?.to).toBe("Verify");
  });

  it("returns undefined for moves the seed does not list", () => {
    expect(findTransfer("Frontend Engineer", "Support Engineer")).toBeUndefined();
    expect(findTransfer("Product Designer", "Backend Engineer")).toBeUndefined();
    // The table is one-way where the seed gives one direction only.
    expect(findTransfer("Solutions Architect", "Support Engineer")).toBeUndefined();
    expect(findTransfer("Backend Engineer", "Backend Engineer")).toBeUndefined();
    expect(findTransfer("Create", "Create")).toBeUndefined();
    expect(findTransfer("Create", "Marketing")).toBeUndefined();
    expect(findTransfer("Backend Engineer", "Create")).toBeUndefined();
  });
});
