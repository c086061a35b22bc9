import { describe, expect, it } from "vitest";
import {
  findRole,
  findRoles,
  isNextRole,
  type LadderRole,
  nextRoles,
  promotionBasis,
} from "../../src/careers/ladders.js";

function role(nameOrId: string, department?: string): LadderRole {
  const found = findRole(nameOrId, department);
  if (found === undefined) throw new Error(`no role ${nameOrId}`);
  return found;
}

function summary(next: ReturnType<typeof nextRoles>): string[] {
  return next.map((n) => `${n.role.id} ${n.basis}`).sort();
}

describe("findRole", () => {
  it.each([
    ["eng:sfe", "eng:sfe"],
    ["ENG:SFE", "eng:sfe"],
    ["  eng : sfe ", "eng:sfe"],
    ["Senior Frontend Engineer", "eng:sfe"],
    ["  senior   FRONTEND\tengineer ", "eng:sfe"],
    ["Senior Manager, Engineering", "eng:sme"],
    ["senior manager ,engineering", "eng:sme"],
    ["Intern, Security Engineering", "sec:s"],
    ["VP of User Experience", "eng:vpux"],
    ["infra:sbe", "infra:sbe"],
  ])("finds %j as %s", (text, id) => {
    expect(findRole(text)?.id).toBe(id);
  });

  it("returns undefined for unknown or empty text", () => {
    expect(findRole("Chief Vibes Officer")).toBeUndefined();
    expect(findRole("   ")).toBeUndefined();
    expect(findRole("Senior Frontend")).toBeUndefined();
  });

  it("keeps the seed's display names", () => {
    expect(findRole("eng:be")?.name).toBe("Backend Engineer");
    expect(findRole("qual:bemep")?.name).toBe("Backend Engineering Manager, Engineering Productivity");
  });

  it("resolves names shared by Development and Infrastructure with a department, Development first", () => {
    expect(findRoles("Senior Backend Engineer").map((r) => r.id)).toEqual(["eng:sbe", "infra:sbe"]);
    expect(findRoles("Staff Backend Engineer").map((r) => r.id)).toEqual(["eng:stb", "eng:stbe"]);
    expect(findRole("Senior Backend Engineer")?.department).toBe("Development");
    expect(findRole("Senior Backend Engineer", "Infrastructure")?.id).toBe("infra:sbe");
    expect(findRole("Staff Frontend Engineer", "Infrastructure")).toBeUndefined();
  });

  it("treats an id as unique, and a reused seed node id as the seed's within a department", () => {
    expect(findRoles("eng:sbe").map((r) => r.id)).toEqual(["eng:sbe"]);
    expect(findRole("eng:sbe", "Infrastructure")?.id).toBe("infra:sbe");
  });
});

describe("nextRoles", () => {
  it("lists both Senior -> Staff and Senior -> Manager as needing company need", () => {
    expect(summary(nextRoles("eng:sfe"))).toEqual([
      "eng:fem merit-and-company-need",
      "eng:stf merit-and-company-need",
    ]);
  });

  it("lists merit steps below Senior", () => {
    expect(summary(nextRoles(role("Intern Frontend Engineer")))).toEqual(["eng:ife merit"]);
    expect(summary(nextRoles("Support Engineer"))).toEqual(["supe:sse merit"]);
  });

  it("is empty at the top of a ladder and for unknown roles", () => {
    expect(nextRoles("VP of Development")).toEqual([]);
    expect(nextRoles("Director of Technical Writing")).toEqual([]);
    expect(nextRoles("nobody")).toEqual([]);
  });

  it("for a shared name, lists the next roles of every department; for a Role, of its own", () => {
    expect(summary(nextRoles("Senior Backend Engineer"))).toEqual([
      "eng:bem merit-and-company-need",
      "eng:em merit-and-company-need",
      "eng:stb merit-and-company-need",
      "eng:stbe merit-and-company-need",
    ]);
    expect(summary(nextRoles(role("Senior Backend Engineer", "Infrastructure")))).toEqual([
      "eng:em merit-and-company-need",
      "eng:stbe merit-and-company-need",
    ]);
  });

  it("returns Role objects with display names", () => {
    expect(nextRoles("Senior UX Researcher").map((n) => n.role.name)).toEqual([
      "Staff UX Researcher",
      "Manager of UX Research",
    ]);
  });
});

describe("isNextRole and promotionBasis", () => {
  it("accepts one step up the ladder and nothing else", () => {
    expect(isNextRole("Senior Frontend Engineer", "Staff Frontend Engineer")).toBe(true);
    expect(isNextRole("staff frontend engineer", "senior frontend engineer")).toBe(false);
    expect(isNextRole("Intermediate Frontend Engineer", "Staff Frontend Engineer")).toBe(false);
    expect(isNextRole("Senior Frontend Engineer", "Senior Frontend Engineer")).toBe(false);
    expect(isNextRole("Senior Frontend Engineer", "no such role")).toBe(false);
  });

  it("does not cross departments when given Role objects", () => {
    const devSenior = role("Senior Backend Engineer", "Development");
    expect(isNextRole(devSenior, role("Engineering Manager"))).toBe(false);
    expect(isNextRole(devSenior, role("eng:stb"))).toBe(true);
    expect(isNextRole(role("Senior Backend Engineer", "Infrastructure"), role("eng:stb"))).toBe(false);
  });

  it("accepts a step in any ladder for shared names", () => {
    expect(isNextRole("Senior Backend Engineer", "Engineering Manager")).toBe(true);
    expect(isNextRole("Staff Backend Engineer", "Distinguished Engineer Infrastructure")).toBe(true);
    expect(isNextRole("Staff Backend Engineer", "Distinguished Engineer")).toBe(true);
  });

  it("reports the basis of the step", () => {
    expect(promotionBasis("Intermediate Backend Engineer", "Senior Backend Engineer")).toBe("merit");
    expect(promotionBasis("Senior Support Engineer", "Support Engineering Manager")).toBe(
      "merit-and-company-need",
    );
    expect(promotionBasis("Infrastructure Analyst", "VP of Infrastructure")).toBe("merit-and-company-need");
    expect(promotionBasis("Support Engineer", "Staff Support Engineer")).toBeUndefined();
  });
});

describe("roles other than Engineer need not pass through Senior (the seed's prose), per department", () => {
  it.each([
    ["Product Designer", "Product Design Manager"],
    ["UX Researcher", "Manager of UX Research"],
    ["Technical Writer", "Technical Writing Manager"],
    ["Product Designer", "Staff Product Designer"],
    ["UX Researcher", "Staff UX Researcher"],
    ["Technical Writer", "Staff Technical Writer"],
    ["Product Design Manager", "Director of Product Design"],
  ])("UX: %s may move straight to %s, on merit and company need", (from, to) => {
    expect(isNextRole(from, to)).toBe(true);
    expect(promotionBasis(from, to)).toBe("merit-and-company-need");
  });

  it("UX: keeps the Senior step beside the steps past it", () => {
    expect(summary(nextRoles("Product Designer"))).toEqual([
      "eng:pdm merit-and-company-need",
      "eng:spd merit",
      "eng:stpd merit-and-company-need",
    ]);
    // The coordinator's ladder has no manager role, so there is nothing to skip to.
    expect(summary(nextRoles("UX Research Coordinator"))).toEqual(["eng:suxrc merit"]);
  });

  it.each([
    ["Development", "Intermediate Frontend Engineer", "Frontend Engineering Manager"],
    ["Development", "Intermediate Backend Engineer", "Backend Engineering Manager"],
    ["Security", "Security Engineer", "Security Engineering Manager"],
    ["Quality", "Intermediate Software Engineer in Test", "Quality Engineering Manager"],
    [
      "Quality",
      "Intermediate Backend Engineer, Engineering Productivity",
      "Backend Engineering Manager, Engineering Productivity",
    ],
    ["Support", "Support Engineer", "Support Engineering Manager"],
    ["Infrastructure", "Backend Engineer", "Engineering Manager"],
    ["Infrastructure", "Site Reliability Engineer", "Engineering Manager"],
    ["Infrastructure", "Database Reliability Engineer", "Engineering Manager"],
  ] as [string, string, string][])(
    "%s: Engineers pass through Senior, so %s may not move to %s",
    (department, from, to) => {
      expect(isNextRole(role(from, department), role(to, department))).toBe(false);
      expect(promotionBasis(from, to)).toBeUndefined();
    },
  );
});
