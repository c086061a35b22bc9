import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { LineCounter, parseDocument } from "yaml";
import * as z from "zod";
import type { Basis } from "./ladder-data.js";
import { type LadderMove, type LadderRole, type Ladders, PAGE_LADDERS } from "./ladder-set.js";
import type { TransferOption } from "./transfers.js";

/**
 * `.gitlab/career-ladders.yml`: a team's own ladders, beside the config (docs/ladders.md). It extends
 * the handbook page's ladders (a department of the same name replaces the page's) or, with
 * `mode: replace`, stands alone. Every problem is reported with the file's line, so `validate` can say
 * where to look.
 */
export const LADDER_FILE_NAME = "career-ladders.yml";

/**
 * Names reach Mermaid labels and the status section, so they keep to letters, digits and plain
 * punctuation: no quotes, brackets, pipes, `#`, `;`, backticks or angle brackets, and no leading `/`.
 */
const NAME = /^[\p{L}\p{N}][\p{L}\p{N} ,.&'()+/-]*$/u;
const NAME_RULE =
  "must start with a letter or digit and hold only letters, digits, spaces and , . & ' ( ) + / - (at most 100 characters)";
const Name = z.string().trim().max(100, NAME_RULE).regex(NAME, NAME_RULE);

const JobFamily = z
  .string()
  .trim()
  .regex(
    /^(https?:\/\/[^\s"'<>`()[\]|]+|\/[^\s"'<>`()[\]|]*)$/,
    "must be an http(s) address or a path under the handbook's host starting with /, without spaces or quotes",
  );

const MOVE = /^\s*(.+?)\s*->\s*(.+?)\s*$/;
const MoveText = z.string().regex(MOVE, 'must be written "From role -> To role"');

export const LadderFile = z
  .object({
    mode: z
      .enum(["extend", "replace"])
      .default("extend")
      .describe(
        "extend: add to the handbook page's ladders (a department of the same name replaces the page's); replace: only these ladders",
      ),
    departments: z
      .array(
        z
          .object({
            name: Name.describe("the department, e.g. Platform"),
            roles: z
              .array(
                z
                  .object({
                    name: Name.describe("the role as people write it, e.g. Senior Platform Engineer"),
                    job_family: JobFamily.optional().describe(
                      "the role's job-family page: an http(s) address, or a path under the handbook's host",
                    ),
                  })
                  .strict(),
              )
              .min(1, "must list at least one role")
              .describe("the department's roles, from the first step up"),
            merit: z
              .array(MoveText)
              .default([])
              .describe('moves based on merit alone, each "From role -> To role"'),
            company_need: z
              .array(MoveText)
              .default([])
              .describe(
                'moves based on merit and company need (a position of need), each "From role -> To role"',
              ),
          })
          .strict(),
      )
      .default([])
      .describe("the departments' career ladders"),
    transfers: z
      .array(MoveText)
      .default([])
      .describe('lateral transfer options between job families, each "From family -> To family"'),
  })
  .strict();
export type LadderFile = z.infer<typeof LadderFile>;

export class LadderFileError extends Error {
  constructor(
    message: string,
    readonly problems: string[],
  ) {
    super(message);
    this.name = "LadderFileError";
  }
}

function key(name: string): string {
  return name.trim().replace(/\s+/g, " ").toLowerCase();
}

function slug(text: string): string {
  return key(text)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** The ladders a file's text describes, merged with the page's; throws LadderFileError listing every problem. */
export function parseLadderText(
  text: string,
  path: string,
  base: Ladders = PAGE_LADDERS,
): Ladders | undefined {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  const at = (offset: number | undefined) => (offset === undefined ? "" : `:${lines.linePos(offset).line}`);
  const lineOf = (path: readonly PropertyKey[]) => {
    const node = doc.getIn(path as (string | number)[], true) as
      | { range?: [number, number, number] }
      | undefined;
    return at(node?.range?.[0]);
  };
  if (doc.errors.length > 0) {
    const problems = doc.errors.map(
      (e) => `${path}${at(e.pos[0])}: ${(e.message.split("\n")[0] ?? "").replace(/[:\s]+$/, "")}`,
    );
    throw new LadderFileError(`${path} is not valid YAML:\n${list(problems)}`, problems);
  }
  const raw = doc.toJS({ maxAliasCount: 100 }) as unknown;
  // A file of comments only (what `init` writes) brings no ladders: the page's apply.
  if (raw === null || raw === undefined) return undefined;
  const parsed = LadderFile.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const where = issue.path.length > 0 ? issue.path.join(".") : "(top level)";
      return `${path}${lineOf(issue.path)}: ${where}: ${issue.message}`;
    });
    throw new LadderFileError(`${path} has ${problems.length} problem(s):\n${list(problems)}`, problems);
  }
  const file = parsed.data;
  const problems: string[] = [];
  const problem = (where: readonly PropertyKey[], message: string) =>
    problems.push(`${path}${lineOf(where)}: ${where.join(".")}: ${message}`);

  const roles: LadderRole[] = [];
  const moves: (LadderMove & { where: (string | number)[] })[] = [];
  const departments = new Map<string, number>();
  for (const [d, department] of file.departments.entries()) {
    const seenDepartment = departments.get(key(department.name));
    if (seenDepartment !== undefined) {
      problem(
        ["departments", d, "name"],
        `${department.name} is listed twice (also departments.${seenDepartment}); merge the two into one`,
      );
      continue;
    }
    departments.set(key(department.name), d);
    const byName = new Map<string, LadderRole>();
    for (const [r, role] of department.roles.entries()) {
      const id = `${slug(department.name)}:${slug(role.name)}`;
      if (byName.has(key(role.name))) {
        problem(["departments", d, "roles", r, "name"], `${role.name} is listed twice in ${department.name}`);
        continue;
      }
      const entry: LadderRole = {
        id,
        name: role.name,
        department: department.name,
        ...(role.job_family ? { jobFamily: role.job_family } : {}),
      };
      byName.set(key(role.name), entry);
      roles.push(entry);
    }
    const seenMoves = new Set<string>();
    const kinds: ["merit" | "company_need", Basis][] = [
      ["merit", "merit"],
      ["company_need", "merit-and-company-need"],
    ];
    for (const [field, basis] of kinds) {
      for (const [m, text] of department[field].entries()) {
        const where = ["departments", d, field, m];
        const [, fromName = "", toName = ""] = MOVE.exec(text) ?? [];
        const from = byName.get(key(fromName));
        const to = byName.get(key(toName));
        const unknown = [from ? undefined : fromName, to ? undefined : toName].filter(Boolean);
        if (unknown.length > 0 || !from || !to) {
          problem(
            where,
            `${unknown.map((n) => JSON.stringify(n)).join(" and ")} ${unknown.length > 1 ? "are not roles" : "is not a role"} of ${department.name}; list it under roles first (names: ${[...byName.values()].map((x) => x.name).join(", ")})`,
          );
          continue;
        }
        if (from.id === to.id) {
          problem(where, `${from.name} cannot move to itself`);
          continue;
        }
        const pair = `${from.id}>${to.id}`;
        if (seenMoves.has(pair)) {
          problem(where, `the move ${from.name} -> ${to.name} is listed twice in ${department.name}`);
          continue;
        }
        seenMoves.add(pair);
        moves.push({ from: from.id, to: to.id, basis, where });
      }
    }
  }
  for (const cycle of cycles(moves, roles)) problem(cycle.where, cycle.message);

  const transfers: TransferOption[] = [];
  const seenTransfers = new Set<string>();
  for (const [t, text] of file.transfers.entries()) {
    const [, from = "", to = ""] = MOVE.exec(text) ?? [];
    const bad = [from, to].find((name) => !NAME.test(name) || name.length > 100);
    if (bad !== undefined) {
      problem(["transfers", t], `${JSON.stringify(bad)} ${NAME_RULE}`);
      continue;
    }
    if (key(from) === key(to)) {
      problem(["transfers", t], `${from} cannot transfer to itself`);
      continue;
    }
    const pair = `${key(from)}>${key(to)}`;
    if (seenTransfers.has(pair)) {
      problem(["transfers", t], `the transfer ${from} -> ${to} is listed twice`);
      continue;
    }
    seenTransfers.add(pair);
    transfers.push({ from, to, kind: "table" });
  }
  if (problems.length > 0) {
    throw new LadderFileError(`${path} has ${problems.length} problem(s):\n${list(problems)}`, problems);
  }
  return merge(base, file.mode, roles, moves, transfers, path);
}

/** Moves that lead back to where they started: a ladder only goes up. One report per cycle. */
function cycles(
  moves: readonly (LadderMove & { where: (string | number)[] })[],
  roles: readonly LadderRole[],
) {
  const names = new Map(roles.map((role) => [role.id, role.name]));
  const out = new Map<string, (LadderMove & { where: (string | number)[] })[]>();
  for (const move of moves) out.set(move.from, [...(out.get(move.from) ?? []), move]);
  const state = new Map<string, "open" | "done">();
  const found: { where: (string | number)[]; message: string }[] = [];
  const stack: string[] = [];
  const visit = (id: string) => {
    state.set(id, "open");
    stack.push(id);
    for (const move of out.get(id) ?? []) {
      const next = state.get(move.to);
      if (next === "open") {
        const loop = [...stack.slice(stack.indexOf(move.to)), move.to].map((r) => names.get(r));
        found.push({
          where: move.where,
          message: `the moves go round in a circle (${loop.join(" -> ")}); a ladder only goes up, so remove one of them`,
        });
      } else if (next === undefined) visit(move.to);
    }
    stack.pop();
    state.set(id, "done");
  };
  for (const role of roles) if (!state.has(role.id)) visit(role.id);
  return found;
}

function merge(
  base: Ladders,
  mode: "extend" | "replace",
  roles: LadderRole[],
  moves: readonly LadderMove[],
  transfers: TransferOption[],
  path: string,
): Ladders {
  const mine = new Set(roles.map((role) => key(role.department)));
  const plainMoves = moves.map(({ from, to, basis }) => ({ from, to, basis }));
  const fileDepartments = [...new Set(roles.map((role) => role.department))];
  if (mode === "replace") {
    return { departments: fileDepartments, roles, moves: plainMoves, transfers, source: path };
  }
  // A department the file names replaces the page's, in the page's place; new ones come after.
  const keptRoles = base.roles.filter((role) => !mine.has(key(role.department)));
  const kept = new Set(keptRoles.map((role) => role.id));
  const departments = [
    ...base.departments.map((d) => fileDepartments.find((f) => key(f) === key(d)) ?? d),
    ...fileDepartments.filter((f) => !base.departments.some((d) => key(d) === key(f))),
  ];
  const baseTransfers = base.transfers.filter(
    (row) => !transfers.some((t) => key(t.from) === key(row.from) && key(t.to) === key(row.to)),
  );
  return {
    departments,
    roles: [...keptRoles, ...roles],
    moves: [...base.moves.filter((m) => kept.has(m.from) && kept.has(m.to)), ...plainMoves],
    transfers: [...baseTransfers, ...transfers],
    source: path,
  };
}

function list(problems: string[]): string {
  return problems.map((p) => `  - ${p}`).join("\n");
}

/** The ladder file beside the config file, or undefined when there is none (the page's ladders apply). */
export function ladderFilePath(configPath: string): string {
  return join(dirname(configPath), LADDER_FILE_NAME);
}

/** Reads the ladder file beside the config; undefined when it does not exist or holds only comments. */
export function loadLadderFile(configPath: string): Ladders | undefined {
  const path = ladderFilePath(configPath);
  let text: string;
  try {
    // Sync, as loadConfig: a small file read once before any other work.
    text = readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    const problem = `${path}: cannot read the ladder file (${(error as Error).message})`;
    throw new LadderFileError(problem, [problem]);
  }
  return parseLadderText(text, path);
}
