import { type LadderMove, type LadderRole, type Ladders, nextRoles, previousRoles } from "./ladders.js";
import type { TransferOption } from "./transfers.js";

/**
 * Mermaid pictures of the ladders, drawn where a decision is made (the promotion, lateral transfer
 * and management trial sections) and by `career-bot ladder ROLE --format mermaid`.
 *
 * Every label is a role name of the ladders (the page's, or a ladder file's names, which
 * ladder-file.ts limits to letters, digits and plain punctuation) or the bot's own words: nothing a
 * person typed into an issue reaches a picture. Node ids are generated, as in the stage diagram.
 * `flowchart TB` stacks the roles, so a phone-width column shows them without scrolling sideways.
 */

export type Mark = "current" | "target";

export interface Picture {
  /** The Mermaid source, without the code fence. */
  mermaid: string;
  /** Markdown links to the roles' job families: `click` links do not open on every GitLab version. */
  links: string;
  /** What the arrows mean, in words. */
  legend: string;
}

const LADDER_LEGEND =
  "Solid arrows: a move based on merit. Dotted arrows: a move based on merit and company need (it needs a position of need).";

interface Node {
  readonly key: string;
  readonly label: string;
  readonly url?: string;
  readonly mark?: Mark;
}

interface Edge {
  readonly from: string;
  readonly to: string;
  readonly label: string;
  readonly dotted: boolean;
}

const CLASS_DEFS = [
  "classDef current fill:#fff4e5,stroke:#c17d10,stroke-width:3px,color:#000",
  "classDef target fill:#1f75cb,stroke:#0b4a8b,stroke-width:3px,color:#fff",
];

const MARK_WORDS: Record<Mark, string> = { current: "now", target: "next" };

/** A job family's address: absolute as written, or a path under the handbook's host. */
export function jobFamilyUrl(jobFamily: string | undefined, handbookUrl: string): string | undefined {
  if (jobFamily === undefined) return undefined;
  try {
    return new URL(jobFamily, new URL(handbookUrl).origin).href;
  } catch {
    return undefined;
  }
}

/** Mermaid keeps a quoted label verbatim except for its quote, which it reads as `#quot;`. */
function label(text: string): string {
  return text.replace(/"/g, "#quot;");
}

function basisWords(move: LadderMove): { label: string; dotted: boolean } {
  return move.basis === "merit"
    ? { label: "merit", dotted: false }
    : { label: "merit and company need", dotted: true };
}

function draw(nodes: Node[], edges: Edge[]): string {
  const ids = new Map(nodes.map((node, index) => [node.key, `r${index}`]));
  const lines = ["flowchart TB"];
  for (const node of nodes) {
    const words = node.mark ? `${node.label} (${MARK_WORDS[node.mark]})` : node.label;
    lines.push(`  ${ids.get(node.key)}["${label(words)}"]`);
  }
  for (const edge of edges) {
    const arrow = edge.dotted ? "-.->" : "-->";
    lines.push(`  ${ids.get(edge.from)} ${arrow}|${edge.label}| ${ids.get(edge.to)}`);
  }
  if (nodes.some((node) => node.mark)) lines.push(...CLASS_DEFS.map((line) => `  ${line}`));
  for (const node of nodes) {
    if (node.mark) lines.push(`  class ${ids.get(node.key)} ${node.mark}`);
  }
  for (const node of nodes) {
    if (node.url) lines.push(`  click ${ids.get(node.key)} "${node.url}" _blank`);
  }
  return lines.join("\n");
}

function linksOf(nodes: Node[]): string {
  const seen = new Set<string>();
  const links: string[] = [];
  for (const node of nodes) {
    if (!node.url || seen.has(node.label)) continue;
    seen.add(node.label);
    // Brackets and parentheses would end the Markdown link early; the address keeps its meaning.
    const url = node.url.replace(/\(/g, "%28").replace(/\)/g, "%29");
    links.push(`[${node.label.replace(/[[\]]/g, "")}](${url})`);
  }
  return links.length > 0 ? `Job families: ${links.join(" · ")}` : "";
}

/** The roles and their moves, each move drawn once, in the ladders' order. */
function ladderPicture(
  ladders: Ladders,
  chosen: LadderRole[],
  marks: ReadonlyMap<string, Mark>,
  handbookUrl: string,
): Picture {
  const keep = new Set(chosen.map((role) => role.id));
  const nodes: Node[] = ladders.roles
    .filter((role) => keep.has(role.id))
    .map((role) => ({
      key: role.id,
      label: role.name,
      url: jobFamilyUrl(role.jobFamily, handbookUrl),
      mark: marks.get(role.id),
    }));
  const seen = new Set<string>();
  const edges: Edge[] = [];
  for (const move of ladders.moves) {
    const key = `${move.from}>${move.to}`;
    if (!keep.has(move.from) || !keep.has(move.to) || seen.has(key)) continue;
    seen.add(key);
    edges.push({ from: move.from, to: move.to, ...basisWords(move) });
  }
  return { mermaid: draw(nodes, edges), links: linksOf(nodes), legend: LADDER_LEGEND };
}

function around(role: LadderRole, ladders: Ladders): LadderRole[] {
  return [
    ...previousRoles(role, ladders).map((p) => p.role),
    role,
    ...nextRoles(role, ladders).map((n) => n.role),
  ];
}

/** A promotion: the current and the target role marked, with the roles one step before and after each. */
export function stepPicture(
  ladders: Ladders,
  from: LadderRole,
  to: LadderRole,
  handbookUrl: string,
): Picture {
  const marks = new Map<string, Mark>([
    [from.id, "current"],
    [to.id, "target"],
  ]);
  return ladderPicture(ladders, [...around(from, ladders), ...around(to, ladders)], marks, handbookUrl);
}

/** One role marked, with the roles one step before and after it (`career-bot ladder ROLE --format mermaid`). */
export function rolePicture(ladders: Ladders, role: LadderRole, handbookUrl: string): Picture {
  return ladderPicture(ladders, around(role, ladders), new Map([[role.id, "current"]]), handbookUrl);
}

/** A department's whole ladder. */
export function departmentPicture(ladders: Ladders, department: string, handbookUrl: string): Picture {
  const roles = ladders.roles.filter((role) => role.department === department);
  return ladderPicture(ladders, roles, new Map(), handbookUrl);
}

/**
 * A lateral transfer: the job family (or backend team) the person leaves, marked, and the moves the
 * transfer table lists from it, the chosen one marked as the target. Names are the table's own.
 */
export function transferPicture(ladders: Ladders, chosen: TransferOption): Picture {
  const rows =
    chosen.kind === "table" ? ladders.transfers.filter((row) => row.from === chosen.from) : [chosen];
  const names = [chosen.from, ...rows.map((row) => row.to)];
  const nodes: Node[] = [...new Set(names)].map((name) => ({
    key: name,
    label: name,
    mark: name === chosen.from ? "current" : name === chosen.to ? "target" : undefined,
  }));
  const edges: Edge[] = rows.map((row) => ({
    from: row.from,
    to: row.to,
    label: chosen.kind === "table" ? "listed transfer" : "backend team move",
    dotted: row.to !== chosen.to,
  }));
  return {
    mermaid: draw(nodes, edges),
    links: "",
    legend:
      "The solid arrow is this move; dotted arrows are the other moves the handbook's transfer table lists from here.",
  };
}

/**
 * The management trial: the fork at the person's level between the Staff (individual contributor)
 * track and the Manager track, the trial going towards the manager role and able to return.
 */
export function trialPicture(level: "Senior" | "Staff"): Picture {
  const nodes: Node[] = [
    { key: "level", label: `${level} Engineer`, mark: "current" },
    {
      key: "ic",
      label: level === "Senior" ? "Staff track: Staff Engineer" : "Staff track: Distinguished Engineer",
    },
    { key: "manager", label: "Manager track: Engineering Manager", mark: "target" },
  ];
  const edges: Edge[] = [
    { from: "level", to: "ic", label: "stay an individual contributor", dotted: false },
    { from: "level", to: "manager", label: "management trial", dotted: false },
    { from: "manager", to: "level", label: "return to the IC track at any check-in", dotted: true },
  ];
  return {
    mermaid: draw(nodes, edges),
    links: "",
    legend: "The trial tries the manager track; the team member can return to the IC track at any check-in.",
  };
}
