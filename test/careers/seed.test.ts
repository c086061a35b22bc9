import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseRoleGraphs, readSeed, SHARED_SEED_PATH, sharedSeedExists } from "./seed.js";

describe("seed fixture", () => {
  // Outside the repository only where the shared workspace is mounted; the copy is what CI sees.
  it.skipIf(!sharedSeedExists())("is a current copy of shared/seed", () => {
    expect(readSeed()).toBe(readFileSync(SHARED_SEED_PATH, "utf8"));
  });
});

describe("mermaid reader", () => {
  it("expands chains and & groups the way mermaid does", () => {
    const development = parseRoleGraphs(readSeed()).find((g) => g.department === "Development");
    const keys = development?.edges.map((e) => `${e.from}->${e.to} ${e.subgraph}`) ?? [];
    // "eng:bem & eng:fem-->eng:sme-->eng:dir..." and "eng:jfe-->eng:ife-->eng:sfe-->eng:stf & eng:fem"
    expect(keys).toContain("eng:bem->eng:sme merit-and-company-need");
    expect(keys).toContain("eng:fem->eng:sme merit-and-company-need");
    expect(keys).toContain("eng:sme->eng:dir merit-and-company-need");
    expect(keys).toContain("eng:sfe->eng:fem merit");
    expect(keys).toContain("eng:jfe->eng:ife merit");
    expect(keys).toHaveLength(16);
    expect(development?.nodes.get("eng:stf")?.declaredIn).toEqual(["merit-and-company-need"]);
  });
});
