/**
 * The seed's "Interim Manager" applicability table: whether someone pursuing a people manager role
 * long term goes through an interim period first. The interim-manager workflow starts here, and when
 * no interim applies it closes the issue with a comment that quotes the row.
 */

export type Level = "Senior" | "Staff" | "Manager" | "Senior Manager" | "Director" | "Senior Director" | "VP";

/**
 * Lowest to highest, for error messages. Staff and Manager are peers (the seed: "equivalent in terms
 * of base compensation and prestige"); the order only matters from Manager up.
 */
export const LEVELS: readonly Level[] = [
  "Senior",
  "Staff",
  "Manager",
  "Senior Manager",
  "Director",
  "Senior Director",
  "VP",
];

/** The table's header cells, verbatim. */
export const INTERIM_TABLE_HEADER = [
  "Current level",
  "Desired level",
  "Previous Management experience (6+ months)",
  "Application of interim period",
] as const;

/** The threshold in the header above; the config's `interim.prior_management_months` defaults to it. */
export const PRIOR_MANAGEMENT_MONTHS = 6;

/** Verbatim from the seed, right below the table. */
export const DIRECTOR_PLUS_NOTE = "For Director+ positions no interim is required.";

type Cells = readonly [current: string, desired: string, experience: string, interim: string];

/**
 * The rows' cells exactly as the seed writes them. The seed leaves the first two cells of every second
 * row blank as a visual row span; they are filled in from the row above so each row stands alone.
 */
const CELLS: readonly Cells[] = [
  ["Senior", "Manager", "No", "Yes"],
  ["Senior", "Manager", "Yes", "Yes"],
  ["Staff", "Manager", "No", "Yes"],
  ["Staff", "Manager", "Yes", "No"],
  ["Manager", "Senior Manager", "No (managing managers)", "Yes"],
  ["Manager", "Senior Manager", "Yes (managing managers)", "No"],
  ["Manager/Sr Manager", "Director", "No (managing managers)", "Yes"],
  ["Manager/Sr Manager", "Director", "Yes (managing managers)", "No"],
];

export interface InterimRow {
  readonly cells: Cells;
  /** "Manager/Sr Manager" is two levels. */
  readonly current: readonly Level[];
  readonly desired: Level;
  readonly hasPriorExperience: boolean;
  /** The experience that counts is managing managers, not managing people. */
  readonly managingManagers: boolean;
  readonly interimRequired: boolean;
}

export type InterimApplicability =
  /** `row`: the table row (or DIRECTOR_PLUS_NOTE) to quote in the comment. */
  | { readonly required: boolean; readonly row: string; readonly reason: string }
  /** The table does not cover the combination; `reason` says what it does cover, for a needs-info. */
  | { readonly required: undefined; readonly reason: string };

/**
 * Levels as people type them in a YAML block: any case and spacing, "Sr"/"Sr." for Senior, "Mgr" for
 * Manager, "Vice President" for VP, and `senior_manager` / `senior-manager`. Anything else is
 * undefined, so the caller can report it with LEVELS.
 */
export function parseLevel(text: string): Level | undefined {
  const key = text
    .toLowerCase()
    .replace(/[._-]/g, " ")
    .trim()
    .replace(/\s+/g, " ")
    .replace(/^sr\b/, "senior")
    .replace(/\bmgr$/, "manager")
    .replace(/^vice president$/, "vp");
  return LEVELS.find((level) => level.toLowerCase() === key);
}

function level(text: string): Level {
  const parsed = parseLevel(text);
  if (parsed === undefined) throw new Error(`interim table: unknown level "${text}"`);
  return parsed;
}

function toRow(cells: Cells): InterimRow {
  const [current, desired, experience, interim] = cells;
  return {
    cells,
    current: current.split("/").map(level),
    desired: level(desired),
    hasPriorExperience: experience.startsWith("Yes"),
    managingManagers: experience.includes("(managing managers)"),
    interimRequired: interim === "Yes",
  };
}

export const interimTable: readonly InterimRow[] = CELLS.map(toRow);

/** The row as one line for a comment, e.g. "Staff → Manager, previous management experience (6+ months): Yes → interim: No". */
export function rowText(row: InterimRow): string {
  const [current, desired, experience, interim] = row.cells;
  return `${current} → ${desired}, previous management experience (6+ months): ${experience} → interim: ${interim}`;
}

/**
 * Whether the prior experience asked about is managing managers. The table says so for the Senior
 * Manager and Director rows; the workflow's field help says so for every level above Manager.
 */
export function needsManagingManagers(desired: Level): boolean {
  return LEVELS.indexOf(desired) > LEVELS.indexOf("Manager");
}

function isDirectorPlus(level: Level): boolean {
  return LEVELS.indexOf(level) >= LEVELS.indexOf("Director");
}

function experienceWords(desired: Level, has: boolean, months: number): string {
  const what = needsManagingManagers(desired) ? "experience managing managers" : "management experience";
  return `${has ? "with" : "without"} previous ${what} (${months}+ months)`;
}

/** "For Director+ positions no interim is required", as a sentence about one move. */
export function directorPlusReason(move: string): string {
  return `The handbook requires no interim period for positions at Director level and above, such as ${move}.`;
}

/**
 * Whether an interim period applies to a move from `current` to `desired`.
 *
 * The table's rows win. "For Director+ positions no interim is required" cannot mean every move to
 * Director, since two rows give Manager/Sr Manager -> Director an interim when there is no prior
 * experience (and the seed later speaks of "Director level interim roles"). So it is read as moves
 * between Director+ levels (Director -> Senior Director -> VP). Any other combination, such as
 * Senior -> Director or Staff -> Senior Manager, is one the seed does not rule on: `required` is
 * undefined and the caller asks for the levels to be checked.
 */
export function interimApplicability(
  current: Level,
  desired: Level,
  hasPriorExperience: boolean,
  priorMonths = PRIOR_MANAGEMENT_MONTHS,
): InterimApplicability {
  const move = `${current} → ${desired}`;
  const row = interimTable.find(
    (r) =>
      r.current.includes(current) && r.desired === desired && r.hasPriorExperience === hasPriorExperience,
  );
  if (row !== undefined) {
    const verdict = row.interimRequired ? "applies an interim period" : "applies no interim period";
    return {
      required: row.interimRequired,
      row: rowText(row),
      reason: `The Interim Manager table ${verdict} to ${move} ${experienceWords(desired, hasPriorExperience, priorMonths)}.`,
    };
  }
  if (isDirectorPlus(current) && isDirectorPlus(desired)) {
    return { required: false, row: DIRECTOR_PLUS_NOTE, reason: directorPlusReason(move) };
  }
  const listed = [...new Set(interimTable.map((r) => `${r.cells[0]} → ${r.cells[1]}`))].join(", ");
  return {
    required: undefined,
    reason: `The Interim Manager table does not list ${move}. It lists ${listed}, and between Director+ levels no interim is required. Check the current and desired levels.`,
  };
}
