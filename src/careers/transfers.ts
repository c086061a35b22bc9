/**
 * The seed's "Transfer Options" table (under "## Promotion") and its note on backend teams. The lateral
 * transfer workflow checks a move against them; an unlisted move is a warning, not an error, because
 * the seed itself says the table is not exhaustive, and the warning quotes it.
 */

/** Verbatim from the seed, so a warning can quote it. */
export const TRANSFER_TABLE_NOTE =
  "The following table outlines some of the possible lateral transfer options at any level of the role, but don't feel limited by this table.";

/** Verbatim from the seed: the compensation caveat that follows the note above. */
export const TRANSFER_LEVELING_NOTE =
  "Compa Ratio might differ per individual to determine leveling for each of the positions listed.";

/** Verbatim from the seed. "etc." means the team list below is not exhaustive. */
export const BACKEND_TEAMS_NOTE =
  "Lateral transfers among backend teams are also an option. Those teams include Distribution, Create, Verify, Release, Geo, Monitoring, Gitaly, etc.";

export const BACKEND_TEAMS: readonly string[] = [
  "Distribution",
  "Create",
  "Verify",
  "Release",
  "Geo",
  "Monitoring",
  "Gitaly",
];

export interface TransferOption {
  /** Job family (table) or backend team name, as the seed spells it. */
  readonly from: string;
  readonly to: string;
  /** "table": a row of Transfer Options; "backend-team": a move between two of BACKEND_TEAMS. */
  readonly kind: "table" | "backend-team";
}

/** The table's rows in its order. The seed lists each direction as its own row; so does this. */
export const transferOptions: readonly TransferOption[] = [
  { from: "Frontend Engineer", to: "Product Designer", kind: "table" },
  { from: "Product Designer", to: "Frontend Engineer", kind: "table" },
  { from: "Backend Engineer", to: "Production Engineer", kind: "table" },
  { from: "Production Engineer", to: "Backend Engineer", kind: "table" },
  { from: "Backend Engineer", to: "Support Engineer", kind: "table" },
  { from: "Support Engineer", to: "Backend Engineer", kind: "table" },
  { from: "Support Engineer", to: "Solutions Architect", kind: "table" },
  { from: "Support Engineer", to: "Technical Account Manager", kind: "table" },
  { from: "Support Engineer", to: "Implementation Specialist", kind: "table" },
  { from: "Automation Engineer", to: "Backend Engineer", kind: "table" },
  { from: "Backend Engineer", to: "Automation Engineer", kind: "table" },
];

function normalize(text: string): string {
  return text.trim().replace(/\s+/g, " ").toLowerCase();
}

/**
 * The table lists job families "at any level of the role", so "Senior Frontend Engineer" is the
 * Frontend Engineer row. The level after the move is a leveling decision (Compa Ratio), not the
 * table's, so the two sides' levels are not compared. Only the level words the seed's ladders use.
 */
function jobFamily(text: string): string {
  return normalize(text).replace(/^(intern|intermediate|senior|staff),? /, "");
}

/**
 * A backend team named bare ("Gitaly"), as "Gitaly team" / "Gitaly backend team", or as the job
 * title people write in GitLab profiles ("Backend Engineer, Gitaly" / "Backend Engineer (Gitaly)").
 */
function backendTeam(text: string): string | undefined {
  const bare = normalize(text)
    .replace(/^backend engineer\s*[,:(-]\s*/, "")
    .replace(/\)$/, "")
    .replace(/ (backend )?team$/, "")
    .trim();
  return BACKEND_TEAMS.find((team) => normalize(team) === bare);
}

/**
 * The listed transfer from `from` to `to`, or undefined when the seed does not list it (which is not
 * a ban: quote TRANSFER_TABLE_NOTE). Moving to the same team or family is not a transfer. `rows`: a
 * ladder file's transfer table, when the team brings one (laddersOf).
 */
export function findTransfer(
  from: string,
  to: string,
  rows: readonly TransferOption[] = transferOptions,
): TransferOption | undefined {
  const fromFamily = jobFamily(from);
  const toFamily = jobFamily(to);
  const row = rows.find(
    (option) => normalize(option.from) === fromFamily && normalize(option.to) === toFamily,
  );
  if (row !== undefined) return row;

  const fromTeam = backendTeam(from);
  const toTeam = backendTeam(to);
  if (fromTeam === undefined || toTeam === undefined || fromTeam === toTeam) return undefined;
  return { from: fromTeam, to: toTeam, kind: "backend-team" };
}
