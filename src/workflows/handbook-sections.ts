import type { Config } from "../config/schema.js";

/**
 * The section of the handbook page that each workflow and stage follows, by the page's own headings
 * (shared/seed/engineering-career-development.md; a test checks every heading here is one of the
 * page's). Links use the page's anchors, made the way the handbook makes them from a heading.
 */
export type HandbookHeading =
  | "Structure"
  | "Individual Initiative"
  | "Trying the Management Track"
  | "Temporary Management Positions"
  | "Acting Manager"
  | "Interim Manager"
  | "Apprenticeship for Learning"
  | "Promotion"
  | "Transfer Options"
  | "Team members on loan to another team";

interface WorkflowSections {
  /** The section of every stage not listed in `stages`. */
  section: HandbookHeading;
  stages?: Readonly<Record<string, HandbookHeading>>;
}

export const HANDBOOK_SECTIONS: Readonly<Record<string, WorkflowSections>> = {
  // Eligibility: the criteria and the selection process are under "Temporary Management Positions".
  "interim-manager": {
    section: "Interim Manager",
    stages: { eligibility: "Temporary Management Positions" },
  },
  "acting-manager": { section: "Acting Manager", stages: { eligibility: "Temporary Management Positions" } },
  apprenticeship: { section: "Apprenticeship for Learning" },
  "management-trial": { section: "Trying the Management Track" },
  "on-loan": { section: "Team members on loan to another team" },
  // Coaching is the career coaching conversation of "Structure"; the rest is "Promotion".
  promotion: { section: "Promotion", stages: { coaching: "Structure" } },
  "lateral-transfer": { section: "Transfer Options" },
  // "Managers and team members should strive to have a career development conversation at least once a quarter."
  conversation: { section: "Individual Initiative" },
};

/**
 * A heading's anchor as the handbook makes it: lower case, punctuation dropped, spaces to hyphens
 * ("Individual Contribution vs. Management" -> "individual-contribution-vs-management").
 */
export function handbookAnchor(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^a-z0-9 _-]/g, "")
    .trim()
    .replace(/ /g, "-");
}

/** What the `handbook-link` partial shows: the section's heading and its address. */
export interface HandbookLink {
  title: string;
  url: string;
}

export function handbookHeading(workflowId: string, stageId?: string): HandbookHeading | undefined {
  const sections = HANDBOOK_SECTIONS[workflowId];
  if (!sections) return undefined;
  return (stageId ? sections.stages?.[stageId] : undefined) ?? sections.section;
}

export function handbookLink(
  config: Pick<Config, "handbook_url">,
  workflowId: string,
  stageId?: string,
): HandbookLink | undefined {
  const heading = handbookHeading(workflowId, stageId);
  if (!heading) return undefined;
  return { title: heading, url: `${config.handbook_url}#${handbookAnchor(heading)}` };
}
