import { describe, expect, it } from "vitest";
import { type Basis, DEPARTMENTS, edges, graphIdOf, type Role, roles } from "../../src/careers/ladders.js";
import { parseRoleGraphs, readSeed } from "./seed.js";

const graphs = parseRoleGraphs(readSeed());

function roleOf(department: string, graphId: string): Role | undefined {
  return roles.find((role) => role.department === department && graphIdOf(role) === graphId);
}

/** "department graphId -> graphId" for every edge, as the seed draws it and as ladders.ts has it. */
function seedEdgeKeys(): string[] {
  return graphs.flatMap((g) => g.edges.map((e) => `${g.department} ${e.from} -> ${e.to}`)).sort();
}

describe("ladders against the seed's mermaid graphs", () => {
  it("finds a graph for every department, in the seed's order", () => {
    expect(graphs.map((g) => g.department)).toEqual([...DEPARTMENTS]);
  });

  it("has exactly the seed's nodes in each department", () => {
    for (const graph of graphs) {
      const inData = roles.filter((r) => r.department === graph.department).map(graphIdOf);
      expect(inData.sort(), graph.department).toEqual([...graph.nodes.keys()].sort());
    }
  });

  it("names every role as the seed labels it", () => {
    for (const graph of graphs) {
      for (const [graphId, node] of graph.nodes) {
        expect(node.labels, `${graph.department} ${graphId}`).toContain(
          roleOf(graph.department, graphId)?.name,
        );
      }
    }
  });

  it("knows the only node with two labels (the Infrastructure slip) and picks Backend Engineer", () => {
    const conflicts = graphs.flatMap((g) =>
      [...g.nodes]
        .filter(([, node]) => node.labels.length > 1)
        .map(([id, node]) => [g.department, id, node.labels]),
    );
    expect(conflicts).toEqual([
      ["Infrastructure", "eng:be", ["Senior Backend Engineer", "Backend Engineer"]],
    ]);
    expect(roleOf("Infrastructure", "eng:be")?.name).toBe("Backend Engineer");
  });

  it("has every seed edge and no other", () => {
    const inData = edges
      .map((e) => {
        const from = roles.find((r) => r.id === e.from);
        const to = roles.find((r) => r.id === e.to);
        return `${from?.department} ${from && graphIdOf(from)} -> ${to && graphIdOf(to)}`;
      })
      .sort();
    expect(inData).toEqual(seedEdgeKeys());
    expect(new Set(inData).size).toBe(inData.length);
  });

  it("gives every seed edge its subgraph's basis, Company Need where the target is declared there", () => {
    const overridden: string[] = [];
    for (const graph of graphs) {
      for (const seedEdge of graph.edges) {
        expect(seedEdge.subgraph, `${seedEdge.from} -> ${seedEdge.to} is outside a subgraph`).toBeDefined();
        const target = graph.nodes.get(seedEdge.to);
        const declaredInNeed = target?.declaredIn.includes("merit-and-company-need") ?? false;
        const expected: Basis = declaredInNeed ? "merit-and-company-need" : (seedEdge.subgraph ?? "merit");
        if (expected !== seedEdge.subgraph) overridden.push(`${seedEdge.from} -> ${seedEdge.to}`);
        const from = roleOf(graph.department, seedEdge.from)?.id;
        const to = roleOf(graph.department, seedEdge.to)?.id;
        const edge = edges.find((e) => e.from === from && e.to === to);
        expect(edge?.basis, `${graph.department} ${seedEdge.from} -> ${seedEdge.to}`).toBe(expected);
      }
    }
    // The four Development edges drawn in the Merit block (see the comment in ladder-data.ts).
    expect(overridden.sort()).toEqual([
      "eng:sbe -> eng:bem",
      "eng:sbe -> eng:stb",
      "eng:sfe -> eng:fem",
      "eng:sfe -> eng:stf",
    ]);
  });
});

describe("ladder data invariants", () => {
  it("has unique role ids", () => {
    expect(new Set(roles.map((r) => r.id)).size).toBe(roles.length);
  });

  it("uses only the two bases and links roles of one department", () => {
    for (const edge of edges) {
      expect(["merit", "merit-and-company-need"]).toContain(edge.basis);
      const from = roles.find((r) => r.id === edge.from);
      const to = roles.find((r) => r.id === edge.to);
      expect(from, edge.from).toBeDefined();
      expect(to?.department, `${edge.from} -> ${edge.to}`).toBe(from?.department);
    }
  });

  it("requires company need for every step into a Staff or Manager role (the seed's prose)", () => {
    const intoStaffOrManager = edges.filter((e) =>
      /\b(Staff|Manager)\b/.test(roles.find((r) => r.id === e.to)?.name ?? ""),
    );
    expect(intoStaffOrManager.length).toBeGreaterThan(20);
    for (const edge of intoStaffOrManager) {
      expect(edge.basis, `${edge.from} -> ${edge.to}`).toBe("merit-and-company-need");
    }
  });
});
