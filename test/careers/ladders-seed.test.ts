import { describe, expect, it } from "vitest";
import {
  type Basis,
  DEPARTMENTS,
  edges,
  graphIdOf,
  type Role,
  roles,
  seniorOptionalEdges,
} from "../../src/careers/ladders.js";
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

/**
 * The seed's prose: "it's not required to pass through "senior" for roles other than Engineer". From the
 * graphs: every merit step X -> Senior X where X is not an Engineer role, continued to each role that
 * Senior X leads to (Staff and manager alike), gives the step X -> that role. Keyed "department
 * fromGraphId -> toGraphId".
 */
function proseSkipKeys(department: string): string[] {
  const graph = graphs.find((g) => g.department === department);
  if (graph === undefined) throw new Error(`no graph for ${department}`);
  const label = (id: string) => graph.nodes.get(id)?.labels.at(-1) ?? "";
  const keys: string[] = [];
  for (const up of graph.edges) {
    if (/\bEngineer/.test(label(up.from)) || label(up.to) !== `Senior ${label(up.from)}`) continue;
    for (const next of graph.edges.filter((e) => e.from === up.to)) {
      keys.push(`${department} ${up.from} -> ${next.to}`);
    }
  }
  return keys.sort();
}

describe("steps the seed's prose adds to its graphs (seniorOptionalEdges)", () => {
  it("quotes the prose the steps come from", () => {
    expect(readSeed()).toContain(
      'However, it\'s not required to pass through "senior" for roles other than Engineer.',
    );
  });

  it.each([...DEPARTMENTS])(
    "%s: has exactly the steps past Senior the prose allows, to Staff and to manager",
    (department) => {
      const inData = seniorOptionalEdges
        .map((e) => [roles.find((r) => r.id === e.from), roles.find((r) => r.id === e.to)] as const)
        .filter(([from]) => from?.department === department)
        .map(([from, to]) => `${department} ${from && graphIdOf(from)} -> ${to && graphIdOf(to)}`)
        .sort();
      expect(inData).toEqual(proseSkipKeys(department));
      // Only UX has roles other than Engineer with roles above their Senior role: three ladders, each with
      // two steps past the Senior IC role (Staff, manager) and one past the Senior manager role (Director).
      expect(inData.length).toBe(department === "UX" ? 9 : 0);
    },
  );

  it("adds no step the graphs already draw, and keeps the manager role's basis (company need)", () => {
    for (const skip of seniorOptionalEdges) {
      expect(edges.some((e) => e.from === skip.from && e.to === skip.to)).toBe(false);
      const viaSenior = edges.filter((e) => e.to === skip.to).map((e) => e.basis);
      expect(viaSenior, `${skip.from} -> ${skip.to}`).toEqual([skip.basis]);
    }
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
    const intoStaffOrManager = [...edges, ...seniorOptionalEdges].filter((e) =>
      /\b(Staff|Manager)\b/.test(roles.find((r) => r.id === e.to)?.name ?? ""),
    );
    expect(intoStaffOrManager.length).toBeGreaterThan(20);
    for (const edge of intoStaffOrManager) {
      expect(edge.basis, `${edge.from} -> ${edge.to}`).toBe("merit-and-company-need");
    }
  });
});
