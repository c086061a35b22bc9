/**
 * The career ladders of the handbook page's "## Roles" section, transcribed from its mermaid graphs.
 *
 * Ids are the graph's node ids so a reader can match a line here to a line in the seed. Names are the
 * node labels character for character (commas included), because the bot quotes them back to people.
 * test/careers/ladders.test.ts parses the seed's mermaid and fails on any drift in either direction.
 */

export type Department = "Development" | "Security" | "Quality" | "Support" | "UX" | "Infrastructure";

/**
 * Which subgraph an edge sits in: "Merit Based" or "Based on Merit & Company Need". The second needs an
 * open position (a position of need) as well as merit, so the promotion workflow asks for one.
 */
export type Basis = "merit" | "merit-and-company-need";

interface RoleShape {
  readonly id: string;
  readonly name: string;
  readonly department: Department;
  /** Set only where the id differs from the seed's node id (see infra:sbe). */
  readonly graphId?: string;
}

const ROLES = [
  // Development
  { id: "eng:jfe", name: "Intern Frontend Engineer", department: "Development" },
  { id: "eng:ife", name: "Intermediate Frontend Engineer", department: "Development" },
  { id: "eng:sfe", name: "Senior Frontend Engineer", department: "Development" },
  { id: "eng:stf", name: "Staff Frontend Engineer", department: "Development" },
  { id: "eng:fem", name: "Frontend Engineering Manager", department: "Development" },
  { id: "eng:jbe", name: "Intern Backend Engineer", department: "Development" },
  { id: "eng:ibe", name: "Intermediate Backend Engineer", department: "Development" },
  { id: "eng:sbe", name: "Senior Backend Engineer", department: "Development" },
  { id: "eng:stb", name: "Staff Backend Engineer", department: "Development" },
  { id: "eng:bem", name: "Backend Engineering Manager", department: "Development" },
  { id: "eng:sme", name: "Senior Manager, Engineering", department: "Development" },
  { id: "eng:dir", name: "Director of Engineering", department: "Development" },
  { id: "eng:dis", name: "Distinguished Engineer", department: "Development" },
  { id: "eng:sde", name: "Senior Director of Engineering", department: "Development" },
  { id: "eng:vpd", name: "VP of Development", department: "Development" },
  { id: "eng:fel", name: "Engineering Fellow", department: "Development" },

  // Security ("Engineering", not "Engineer", in the intern label is the seed's wording)
  { id: "sec:s", name: "Intern, Security Engineering", department: "Security" },
  { id: "sec:se", name: "Security Engineer", department: "Security" },
  { id: "sec:sse", name: "Senior Security Engineer", department: "Security" },
  { id: "sec:stse", name: "Staff Security Engineer", department: "Security" },
  { id: "sec:sem", name: "Security Engineering Manager", department: "Security" },
  { id: "sec:ds", name: "Director of Security", department: "Security" },

  // Quality
  { id: "qual:inbeep", name: "Intern, Backend Engineer, Engineering Productivity", department: "Quality" },
  {
    id: "qual:ibeep",
    name: "Intermediate Backend Engineer, Engineering Productivity",
    department: "Quality",
  },
  { id: "qual:jset", name: "Intern Software Engineer in Test", department: "Quality" },
  { id: "qual:iset", name: "Intermediate Software Engineer in Test", department: "Quality" },
  { id: "qual:sset", name: "Senior Software Engineer in Test", department: "Quality" },
  { id: "qual:sbeep", name: "Senior Backend Engineer, Engineering Productivity", department: "Quality" },
  { id: "qual:stset", name: "Staff Software Engineer in Test", department: "Quality" },
  { id: "qual:qem", name: "Quality Engineering Manager", department: "Quality" },
  { id: "qual:stbeep", name: "Staff Backend Engineer, Engineering Productivity", department: "Quality" },
  {
    id: "qual:bemep",
    name: "Backend Engineering Manager, Engineering Productivity",
    department: "Quality",
  },
  { id: "qual:dqe", name: "Director of Quality Engineering", department: "Quality" },

  // Support
  { id: "supe:si", name: "Intern, Support Engineer", department: "Support" },
  { id: "supe:se", name: "Support Engineer", department: "Support" },
  { id: "supe:sse", name: "Senior Support Engineer", department: "Support" },
  { id: "supe:stse", name: "Staff Support Engineer", department: "Support" },
  { id: "supe:sem", name: "Support Engineering Manager", department: "Support" },
  { id: "supe:ssem", name: "Senior Support Engineering Manager", department: "Support" },
  { id: "supe:ds", name: "Director of Support", department: "Support" },

  // UX (the seed reuses the "eng:" prefix here; no id clashes with Development)
  { id: "eng:pd", name: "Product Designer", department: "UX" },
  { id: "eng:spd", name: "Senior Product Designer", department: "UX" },
  { id: "eng:uxrc", name: "UX Research Coordinator", department: "UX" },
  { id: "eng:suxrc", name: "Senior UX Research Coordinator", department: "UX" },
  { id: "eng:uxr", name: "UX Researcher", department: "UX" },
  { id: "eng:suxr", name: "Senior UX Researcher", department: "UX" },
  { id: "eng:tw", name: "Technical Writer", department: "UX" },
  { id: "eng:stw", name: "Senior Technical Writer", department: "UX" },
  { id: "eng:stpd", name: "Staff Product Designer", department: "UX" },
  { id: "eng:pdm", name: "Product Design Manager", department: "UX" },
  { id: "eng:spdm", name: "Senior Product Design Manager", department: "UX" },
  { id: "eng:dpd", name: "Director of Product Design", department: "UX" },
  { id: "eng:vpux", name: "VP of User Experience", department: "UX" },
  { id: "eng:stuxr", name: "Staff UX Researcher", department: "UX" },
  { id: "eng:muxr", name: "Manager of UX Research", department: "UX" },
  { id: "eng:smuxr", name: "Senior Manager of UX Research", department: "UX" },
  { id: "eng:duxr", name: "Director of UX Research", department: "UX" },
  { id: "eng:sttw", name: "Staff Technical Writer", department: "UX" },
  { id: "eng:mtw", name: "Technical Writing Manager", department: "UX" },
  { id: "eng:stwm", name: "Senior Technical Writing Manager", department: "UX" },
  { id: "eng:dtw", name: "Director of Technical Writing", department: "UX" },

  // Infrastructure
  { id: "eng:abe", name: "Intern, Backend Engineer", department: "Infrastructure" },
  // The seed labels this node "Senior Backend Engineer" where it first appears (the target of the
  // intern edge) and "Backend Engineer" where it is the source of the edge to eng:sbe. A node cannot
  // lead to a node with its own title, and the Site/Database Reliability tracks beside it go
  // Intern -> X -> Senior X, so the first label is a copy-paste slip.
  { id: "eng:be", name: "Backend Engineer", department: "Infrastructure" },
  // Each mermaid graph has its own id space, and the Infrastructure graph reuses "eng:sbe", which the
  // Development graph already uses. They are different roles (the seed links different job families),
  // so this one gets a unique id; graphId keeps the seed's spelling for lookups and the drift test.
  { id: "infra:sbe", graphId: "eng:sbe", name: "Senior Backend Engineer", department: "Infrastructure" },
  { id: "eng:asre", name: "Intern, Site Reliability Engineer", department: "Infrastructure" },
  { id: "eng:sre", name: "Site Reliability Engineer", department: "Infrastructure" },
  { id: "eng:srsre", name: "Senior Site Reliability Engineer", department: "Infrastructure" },
  { id: "eng:adbre", name: "Intern, Database Reliability Engineer", department: "Infrastructure" },
  { id: "eng:dbre", name: "Database Reliability Engineer", department: "Infrastructure" },
  { id: "eng:srdbre", name: "Senior Database Reliability Engineer", department: "Infrastructure" },
  { id: "eng:ia", name: "Infrastructure Analyst", department: "Infrastructure" },
  { id: "eng:stbe", name: "Staff Backend Engineer", department: "Infrastructure" },
  { id: "eng:dei", name: "Distinguished Engineer Infrastructure", department: "Infrastructure" },
  { id: "eng:efi", name: "Engineering Fellow Infrastructure", department: "Infrastructure" },
  { id: "eng:stsre", name: "Staff Site Reliability Engineer", department: "Infrastructure" },
  { id: "eng:stdbre", name: "Staff Database Reliability Engineer", department: "Infrastructure" },
  { id: "eng:em", name: "Engineering Manager", department: "Infrastructure" },
  { id: "eng:sem", name: "Senior Engineering Manager", department: "Infrastructure" },
  { id: "eng:di", name: "Director of Infrastructure", department: "Infrastructure" },
  { id: "eng:vpi", name: "VP of Infrastructure", department: "Infrastructure" },
] as const satisfies readonly RoleShape[];

export type RoleId = (typeof ROLES)[number]["id"];

export interface Role extends RoleShape {
  readonly id: RoleId;
}

export interface LadderEdge {
  readonly from: RoleId;
  readonly to: RoleId;
  readonly basis: Basis;
}

/** Every role of every ladder, in the seed's order (Development first, which findRole relies on). */
export const roles: readonly Role[] = ROLES;

export const edges: readonly LadderEdge[] = [
  // Development, "Merit Based" block
  { from: "eng:jfe", to: "eng:ife", basis: "merit" },
  { from: "eng:ife", to: "eng:sfe", basis: "merit" },
  { from: "eng:jbe", to: "eng:ibe", basis: "merit" },
  { from: "eng:ibe", to: "eng:sbe", basis: "merit" },
  // The seed draws Senior -> Staff and Senior -> Engineering Manager in the Merit block (its chains run
  // Intern -> ... -> Staff & Manager on one line), but it declares the Staff and Manager nodes in the
  // "Merit & Company Need" block, and the prose says "there must be a position of need to be promoted
  // from a Senior Engineer to either a Staff Engineer or an Engineering Manager". Every other
  // department draws these edges in the Company Need block. Research section 3: treat them as such.
  { from: "eng:sfe", to: "eng:stf", basis: "merit-and-company-need" },
  { from: "eng:sfe", to: "eng:fem", basis: "merit-and-company-need" },
  { from: "eng:sbe", to: "eng:stb", basis: "merit-and-company-need" },
  { from: "eng:sbe", to: "eng:bem", basis: "merit-and-company-need" },
  // Development, "Based on Merit & Company Need" block
  { from: "eng:bem", to: "eng:sme", basis: "merit-and-company-need" },
  { from: "eng:fem", to: "eng:sme", basis: "merit-and-company-need" },
  { from: "eng:sme", to: "eng:dir", basis: "merit-and-company-need" },
  { from: "eng:dir", to: "eng:sde", basis: "merit-and-company-need" },
  { from: "eng:sde", to: "eng:vpd", basis: "merit-and-company-need" },
  { from: "eng:stb", to: "eng:dis", basis: "merit-and-company-need" },
  { from: "eng:stf", to: "eng:dis", basis: "merit-and-company-need" },
  { from: "eng:dis", to: "eng:fel", basis: "merit-and-company-need" },

  // Security
  { from: "sec:s", to: "sec:se", basis: "merit" },
  { from: "sec:se", to: "sec:sse", basis: "merit" },
  { from: "sec:sse", to: "sec:stse", basis: "merit-and-company-need" },
  { from: "sec:sse", to: "sec:sem", basis: "merit-and-company-need" },
  { from: "sec:sem", to: "sec:ds", basis: "merit-and-company-need" },

  // Quality
  { from: "qual:inbeep", to: "qual:ibeep", basis: "merit" },
  { from: "qual:jset", to: "qual:iset", basis: "merit" },
  { from: "qual:iset", to: "qual:sset", basis: "merit" },
  { from: "qual:ibeep", to: "qual:sbeep", basis: "merit" },
  { from: "qual:sset", to: "qual:stset", basis: "merit-and-company-need" },
  { from: "qual:sset", to: "qual:qem", basis: "merit-and-company-need" },
  { from: "qual:sbeep", to: "qual:stbeep", basis: "merit-and-company-need" },
  { from: "qual:sbeep", to: "qual:bemep", basis: "merit-and-company-need" },
  { from: "qual:bemep", to: "qual:dqe", basis: "merit-and-company-need" },
  { from: "qual:qem", to: "qual:dqe", basis: "merit-and-company-need" },

  // Support
  { from: "supe:si", to: "supe:se", basis: "merit" },
  { from: "supe:se", to: "supe:sse", basis: "merit" },
  { from: "supe:sse", to: "supe:stse", basis: "merit-and-company-need" },
  { from: "supe:sse", to: "supe:sem", basis: "merit-and-company-need" },
  { from: "supe:sem", to: "supe:ssem", basis: "merit-and-company-need" },
  { from: "supe:ssem", to: "supe:ds", basis: "merit-and-company-need" },

  // UX
  { from: "eng:pd", to: "eng:spd", basis: "merit" },
  { from: "eng:uxrc", to: "eng:suxrc", basis: "merit" },
  { from: "eng:uxr", to: "eng:suxr", basis: "merit" },
  { from: "eng:tw", to: "eng:stw", basis: "merit" },
  { from: "eng:spd", to: "eng:stpd", basis: "merit-and-company-need" },
  { from: "eng:spd", to: "eng:pdm", basis: "merit-and-company-need" },
  { from: "eng:pdm", to: "eng:spdm", basis: "merit-and-company-need" },
  { from: "eng:spdm", to: "eng:dpd", basis: "merit-and-company-need" },
  { from: "eng:dpd", to: "eng:vpux", basis: "merit-and-company-need" },
  { from: "eng:suxr", to: "eng:stuxr", basis: "merit-and-company-need" },
  { from: "eng:suxr", to: "eng:muxr", basis: "merit-and-company-need" },
  { from: "eng:muxr", to: "eng:smuxr", basis: "merit-and-company-need" },
  { from: "eng:smuxr", to: "eng:duxr", basis: "merit-and-company-need" },
  { from: "eng:duxr", to: "eng:vpux", basis: "merit-and-company-need" },
  { from: "eng:stw", to: "eng:sttw", basis: "merit-and-company-need" },
  { from: "eng:stw", to: "eng:mtw", basis: "merit-and-company-need" },
  { from: "eng:mtw", to: "eng:stwm", basis: "merit-and-company-need" },
  { from: "eng:stwm", to: "eng:dtw", basis: "merit-and-company-need" },

  // Infrastructure
  { from: "eng:abe", to: "eng:be", basis: "merit" },
  { from: "eng:be", to: "infra:sbe", basis: "merit" },
  { from: "eng:asre", to: "eng:sre", basis: "merit" },
  { from: "eng:sre", to: "eng:srsre", basis: "merit" },
  { from: "eng:adbre", to: "eng:dbre", basis: "merit" },
  { from: "eng:dbre", to: "eng:srdbre", basis: "merit" },
  { from: "infra:sbe", to: "eng:stbe", basis: "merit-and-company-need" },
  { from: "eng:stbe", to: "eng:dei", basis: "merit-and-company-need" },
  { from: "eng:dei", to: "eng:efi", basis: "merit-and-company-need" },
  { from: "eng:srsre", to: "eng:stsre", basis: "merit-and-company-need" },
  { from: "eng:stsre", to: "eng:dei", basis: "merit-and-company-need" },
  { from: "eng:srdbre", to: "eng:stdbre", basis: "merit-and-company-need" },
  { from: "eng:stdbre", to: "eng:dei", basis: "merit-and-company-need" },
  { from: "infra:sbe", to: "eng:em", basis: "merit-and-company-need" },
  { from: "eng:srsre", to: "eng:em", basis: "merit-and-company-need" },
  { from: "eng:srdbre", to: "eng:em", basis: "merit-and-company-need" },
  { from: "eng:em", to: "eng:sem", basis: "merit-and-company-need" },
  { from: "eng:sem", to: "eng:di", basis: "merit-and-company-need" },
  { from: "eng:di", to: "eng:vpi", basis: "merit-and-company-need" },
  // Analyst -> VP is a long jump, but it is what the seed draws; kept as drawn.
  { from: "eng:ia", to: "eng:vpi", basis: "merit-and-company-need" },
];

/**
 * Steps the page's prose allows and its graphs do not draw. The "Senior Engineers" section says
 * '"Senior" can optionally be applied to any role here indicating superior performance. However, it's
 * not required to pass through "senior" for roles other than Engineer.' Read as written, for every
 * ladder whose role is not an Engineer (or Engineering) role: a role with a "Senior" version may move
 * straight to every role its Senior version leads to, the Staff role as well as the manager role, and
 * a manager past the Senior manager role to the Director. Only the UX graph has such ladders with a
 * role above their Senior role (the UX Research Coordinator's has none), so these are its nine moves.
 *
 * The basis stays the target role's: the graph puts every Staff and manager role in "Based on Merit &
 * Company Need", and skipping Senior does not skip the position of need (docs/workflows.md, "Senior
 * Engineers"). test/careers/ladders-seed.test.ts derives this list from the seed's graphs and fails on drift.
 */
export const seniorOptionalEdges: readonly LadderEdge[] = [
  { from: "eng:pd", to: "eng:stpd", basis: "merit-and-company-need" },
  { from: "eng:pd", to: "eng:pdm", basis: "merit-and-company-need" },
  { from: "eng:uxr", to: "eng:stuxr", basis: "merit-and-company-need" },
  { from: "eng:uxr", to: "eng:muxr", basis: "merit-and-company-need" },
  { from: "eng:tw", to: "eng:sttw", basis: "merit-and-company-need" },
  { from: "eng:tw", to: "eng:mtw", basis: "merit-and-company-need" },
  { from: "eng:pdm", to: "eng:dpd", basis: "merit-and-company-need" },
  { from: "eng:muxr", to: "eng:duxr", basis: "merit-and-company-need" },
  { from: "eng:mtw", to: "eng:dtw", basis: "merit-and-company-need" },
];
