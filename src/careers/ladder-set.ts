import { JOB_FAMILY_PATHS } from "./job-families.js";
import { type Basis, edges, roles, seniorOptionalEdges } from "./ladder-data.js";
import { type TransferOption, transferOptions } from "./transfers.js";

/**
 * A set of career ladders: the handbook page's (the default), or a team's own from
 * `.gitlab/career-ladders.yml` (src/careers/ladder-file.ts). Every lookup, check and picture reads one
 * of these, so a team's ladders reach the promotion checks, `ladder`, the pictures and the transfer
 * warnings alike.
 */
export interface LadderRole {
  readonly id: string;
  readonly name: string;
  readonly department: string;
  /** The seed's node id where it differs from `id` (see infra:sbe in ladder-data.ts). */
  readonly graphId?: string;
  /** The job-family page: a path under the handbook's host, or an absolute http(s) address. */
  readonly jobFamily?: string;
}

export interface LadderMove {
  readonly from: string;
  readonly to: string;
  readonly basis: Basis;
}

export interface Ladders {
  /** In display order, for messages such as "department must be one of ...". */
  readonly departments: readonly string[];
  readonly roles: readonly LadderRole[];
  /** Every allowed step (the page's graphs and the steps its prose adds). */
  readonly moves: readonly LadderMove[];
  readonly transfers: readonly TransferOption[];
  /** Where they come from, for messages: "the handbook page" or the ladder file's path. */
  readonly source: string;
}

export const PAGE_DEPARTMENTS: readonly string[] = [
  "Development",
  "Security",
  "Quality",
  "Support",
  "UX",
  "Infrastructure",
];

/** The handbook page's ladders: what applies without a ladder file. */
export const PAGE_LADDERS: Ladders = {
  departments: PAGE_DEPARTMENTS,
  roles: roles.map((role) => {
    const jobFamily = JOB_FAMILY_PATHS[role.id];
    return jobFamily === undefined ? role : { ...role, jobFamily };
  }),
  moves: [...edges, ...seniorOptionalEdges],
  transfers: transferOptions,
  source: "the handbook page",
};

/** The ladders a run uses: the config's (set by loadConfig from the ladder file), else the page's. */
export function laddersOf(config: { readonly ladders?: Ladders }): Ladders {
  return config.ladders ?? PAGE_LADDERS;
}
