/**
 * Readers for the handbook page, so the tests compare src/careers against the seed's own text rather
 * than against a second hand-made copy of the data.
 *
 * fixtures/engineering-career-development.md.txt is a byte-for-byte copy of shared/seed (".txt" so that
 * Biome, which formats markdown, leaves it alone). seed.test.ts checks the copy is current wherever the
 * shared folder exists; CI has only the repository.
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const FIXTURE_PATH = fileURLToPath(
  new URL("./fixtures/engineering-career-development.md.txt", import.meta.url),
);
export const SHARED_SEED_PATH = fileURLToPath(
  new URL("../../../shared/seed/engineering-career-development.md", import.meta.url),
);

export function readSeed(): string {
  return readFileSync(FIXTURE_PATH, "utf8");
}

export function sharedSeedExists(): boolean {
  return existsSync(SHARED_SEED_PATH);
}

export type SeedBasis = "merit" | "merit-and-company-need";

export interface SeedNode {
  /** Every label the graph gives the node, in order of appearance (usually one, repeated). */
  labels: string[];
  /** Subgraphs where the node is declared on its own line, not as part of an edge. */
  declaredIn: SeedBasis[];
}

export interface SeedEdge {
  from: string;
  to: string;
  /** undefined when the edge is outside every subgraph. */
  subgraph: SeedBasis | undefined;
}

export interface SeedGraph {
  department: string;
  nodes: Map<string, SeedNode>;
  edges: SeedEdge[];
}

/** Text from a heading line to the next heading of the same or a higher level. */
export function section(markdown: string, heading: string): string {
  const lines = markdown.split("\n");
  const start = lines.findIndex((line) => line.trim() === heading);
  if (start < 0) throw new Error(`seed has no heading "${heading}"`);
  const depth = heading.indexOf(" ");
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((line) => /^#+ /.test(line) && line.indexOf(" ") <= depth);
  return (end < 0 ? rest : rest.slice(0, end)).join("\n");
}

function subgraphBasis(title: string): SeedBasis {
  const text = title.replace(/&amp;/g, "&").trim();
  if (text === "Merit Based") return "merit";
  if (text === "Based on Merit & Company Need") return "merit-and-company-need";
  throw new Error(`unknown subgraph "${title}"`);
}

const NODE_REF = /^([\w:]+)(?:\((.*)\))?$/;

function parseMermaid(department: string, source: string): SeedGraph {
  const graph: SeedGraph = { department, nodes: new Map(), edges: [] };
  let subgraph: SeedBasis | undefined;

  function node(ref: string): string {
    const match = NODE_REF.exec(ref.trim());
    if (match === null) throw new Error(`${department}: cannot read node "${ref}"`);
    const [, id, label] = match as unknown as [string, string, string | undefined];
    const entry = graph.nodes.get(id) ?? { labels: [], declaredIn: [] };
    if (label !== undefined && !entry.labels.includes(label)) entry.labels.push(label);
    graph.nodes.set(id, entry);
    return id;
  }

  for (const raw of source.split("\n")) {
    const line = raw.trim();
    if (line === "" || line.startsWith("%%") || line.startsWith("click ") || line.startsWith("graph "))
      continue;
    if (line.startsWith("subgraph ")) {
      subgraph = subgraphBasis(line.slice("subgraph ".length));
      continue;
    }
    if (line === "end") {
      subgraph = undefined;
      continue;
    }
    for (const statement of line.split(";").filter((s) => s.trim() !== "")) {
      // Mermaid chains: "a & b --> c --> d & e" links every node of a group to every node of the next.
      const groups = statement.split("-->").map((group) => group.split("&").map(node));
      if (groups.length === 1) {
        for (const id of groups[0] ?? []) {
          if (subgraph !== undefined) graph.nodes.get(id)?.declaredIn.push(subgraph);
        }
      }
      for (let i = 1; i < groups.length; i++) {
        for (const from of groups[i - 1] ?? []) {
          for (const to of groups[i] ?? []) graph.edges.push({ from, to, subgraph });
        }
      }
    }
  }
  return graph;
}

/** The mermaid graph under each "#### X Department" heading of "## Roles", keyed by X. */
export function parseRoleGraphs(markdown: string): SeedGraph[] {
  const roles = section(markdown, "## Roles");
  const graphs: SeedGraph[] = [];
  for (const match of roles.matchAll(/^#### (.+) Department\s*\n+```mermaid\n([\s\S]*?)```/gm)) {
    graphs.push(parseMermaid(match[1] ?? "", match[2] ?? ""));
  }
  return graphs;
}

/** The markdown table in `text` (a section holding one table) as rows of trimmed cells, header row first, separator dropped. */
export function parseTable(text: string): string[][] {
  const lines = text.split("\n").filter((line) => line.trim().startsWith("|"));
  return lines
    .map((line) =>
      line
        .trim()
        .replace(/^\||\|$/g, "")
        .split("|")
        .map((cell) => cell.trim()),
    )
    .filter((cells) => !cells.every((cell) => /^-+$/.test(cell)));
}

/**
 * The page as prose, for checking quotes of it: markdown links reduced to their text, `&amp;` read as
 * `&`, and every run of whitespace (line breaks included) one space.
 */
export function seedProse(markdown = readSeed()): string {
  return markdown
    .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}
