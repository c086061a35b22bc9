import { departmentPicture, type Picture, rolePicture } from "../careers/ladder-picture.js";
import { type Basis, findRoles, type Ladders, nextRoles, PAGE_LADDERS } from "../careers/ladders.js";
import { UsageError } from "../errors.js";

export interface LadderEntry {
  role: string;
  department: string;
  next: { role: string; basis: Basis }[];
}

function notFound(name: string, ladders: Ladders): UsageError {
  const words = name.toLowerCase().split(/\s+/).filter(Boolean);
  const near = ladders.roles
    .filter((r) => words.some((w) => r.name.toLowerCase().includes(w)))
    .map((r) => r.name);
  const hint = near.length > 0 ? ` Did you mean: ${[...new Set(near)].slice(0, 8).join("; ")}?` : "";
  const where = ladders === PAGE_LADDERS ? "the career ladders" : `the career ladders (${ladders.source})`;
  return new UsageError(`no role named ${JSON.stringify(name)} in ${where}.${hint}`);
}

/**
 * `career-bot ladder ROLE`: the next roles of a role in the career ladders (the page's, or the team's
 * ladder file's), and whether each move is based on merit alone or on merit and company need (which
 * needs a position of need).
 */
export function ladder(name: string, ladders: Ladders = PAGE_LADDERS): LadderEntry[] {
  const found = findRoles(name, undefined, ladders);
  if (found.length === 0) throw notFound(name, ladders);
  return found.map((role) => ({
    role: role.name,
    department: role.department,
    next: nextRoles(role, ladders).map(({ role: to, basis }) => ({ role: to.name, basis })),
  }));
}

/** The department a name means (case and spaces aside), when it is one rather than a role. */
export function departmentNamed(name: string, ladders: Ladders): string | undefined {
  const wanted = name.trim().replace(/\s+/g, " ").toLowerCase();
  return ladders.departments.find((d) => d.toLowerCase() === wanted);
}

/** Every role of a department with its next roles, in the ladders' order. */
export function departmentLadder(department: string, ladders: Ladders): LadderEntry[] {
  return ladders.roles
    .filter((role) => role.department === department)
    .map((role) => ({
      role: role.name,
      department,
      next: nextRoles(role, ladders).map(({ role: to, basis }) => ({ role: to.name, basis })),
    }));
}

/** `--format mermaid`: a department's whole ladder, or each role named with the roles around it. */
export function ladderPictures(name: string, ladders: Ladders, handbookUrl: string): Picture[] {
  const department = departmentNamed(name, ladders);
  if (department !== undefined) return [departmentPicture(ladders, department, handbookUrl)];
  const found = findRoles(name, undefined, ladders);
  if (found.length === 0) throw notFound(name, ladders);
  return found.map((role) => rolePicture(ladders, role, handbookUrl));
}

/** A picture as Markdown: paste it into an issue or a page and GitLab draws it. */
export function pictureLines(pictures: Picture[]): string[] {
  return pictures.flatMap((picture, index) => [
    ...(index > 0 ? [""] : []),
    "```mermaid",
    picture.mermaid,
    "```",
    ...(picture.links ? ["", picture.links] : []),
    "",
    picture.legend,
  ]);
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
