import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseRoleGraphs, readSeed, SHARED_SEED_PATH, sharedSeedExists } from "./seed.js";

/** The handbook page the ladders were read from; a new seed must be read again, not slipped in. */
const SEED_SHA256 = "b2510dbd1f6b96755ea9cac0f6e86942e45c3b8c3176535e859a62a132559658";

describe("seed fixture", () => {
  it("is the seed the ladders were read from, and a current copy of shared/seed where that is mounted", () => {
    expect(createHash("sha256").update(readSeed()).digest("hex")).toBe(SEED_SHA256);
    if (sharedSeedExists()) expect(readSeed()).toBe(readFileSync(SHARED_SEED_PATH, "utf8"));
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
