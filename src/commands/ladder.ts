import { type Basis, findRoles, nextRoles, roles } from "../careers/ladders.js";
import { UsageError } from "../errors.js";

export interface LadderEntry {
  role: string;
  department: string;
  next: { role: string; basis: Basis }[];
}

/**
 * `career-bot ladder ROLE`: the next roles of a role in the seed's career ladders, and whether each
 * move is based on merit alone or on merit and company need (which needs a position of need).
 */
export function ladder(name: string): LadderEntry[] {
  const found = findRoles(name);
  if (found.length === 0) {
    const words = name.toLowerCase().split(/\s+/).filter(Boolean);
    const near = roles.filter((r) => words.some((w) => r.name.toLowerCase().includes(w))).map((r) => r.name);
    const hint = near.length > 0 ? ` Did you mean: ${[...new Set(near)].slice(0, 8).join("; ")}?` : "";
    throw new UsageError(`no role named ${JSON.stringify(name)} in the career ladders.${hint}`);
  }
  return found.map((role) => ({
    role: role.name,
    department: role.department,
    next: nextRoles(role).map(({ role: to, basis }) => ({ role: to.name, basis })),
  }));
}

export function ladderLines(entries: LadderEntry[]): string[] {
  const lines: string[] = [];
  for (const entry of entries) {
    lines.push(`${entry.role} (${entry.department}):`);
    if (entry.next.length === 0) lines.push("  no next role in the ladder");
    for (const { role, basis } of entry.next) {
      const why = basis === "merit" ? "merit" : "merit and company need (a position of need is required)";
      lines.push(`  -> ${role}: ${why}`);
    }
  }
  return lines;
}
