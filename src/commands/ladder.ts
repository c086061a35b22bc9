import { findRoles, nextRoles, roles } from "../careers/ladders.js";
import { UsageError } from "../errors.js";

/**
 * `career-bot ladder ROLE`: the next roles of a role in the seed's career ladders, and whether each
 * move is based on merit alone or on merit and company need (which needs a position of need).
 */
export function ladder(name: string): string[] {
  const found = findRoles(name);
  if (found.length === 0) {
    const words = name.toLowerCase().split(/\s+/).filter(Boolean);
    const near = roles.filter((r) => words.some((w) => r.name.toLowerCase().includes(w))).map((r) => r.name);
    const hint = near.length > 0 ? ` Did you mean: ${[...new Set(near)].slice(0, 8).join("; ")}?` : "";
    throw new UsageError(`no role named ${JSON.stringify(name)} in the career ladders.${hint}`);
  }
  const lines: string[] = [];
  for (const role of found) {
    lines.push(`${role.name} (${role.department}):`);
    const next = nextRoles(role);
    if (next.length === 0) lines.push("  no next role in the ladder");
    for (const { role: to, basis } of next) {
      const why = basis === "merit" ? "merit" : "merit and company need (a position of need is required)";
      lines.push(`  -> ${to.name}: ${why}`);
    }
  }
  return lines;
}
