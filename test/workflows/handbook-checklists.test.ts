/**
 * The checklists the handbook page spells out, pinned to the page's own text: a dropped item, an item
 * reworded away from its bullet, or a page that changes under the bot fails here. Each row pairs a bullet
 * of the page (verbatim) with the bot's item and the words that carry the bullet's meaning; those words
 * must appear in both. The bot's items are worded as ticked facts ("Invited ..."), not as the page's
 * imperatives, so the pin is on meaning words rather than on the whole sentence.
 */
import { describe, expect, it } from "vitest";
import { DIRECTOR_PLUS_NOTE, interimApplicability } from "../../src/careers/interim-table.js";
import { Config } from "../../src/config/schema.js";
import { actingManager } from "../../src/workflows/acting-manager.js";
import { AGREEMENT_ITEMS, apprenticeship } from "../../src/workflows/apprenticeship.js";
import { interimManager } from "../../src/workflows/interim-manager.js";
import { applicability, type InterimData } from "../../src/workflows/interim-manager-rules.js";
import { LOAN_ITEMS, onLoan } from "../../src/workflows/on-loan.js";
import { SELECTION_ITEMS } from "../../src/workflows/temporary-roles.js";
import type { WorkflowContext, WorkflowDefinition } from "../../src/workflows/types.js";
import { readSeed, section } from "../careers/seed.js";
import { interimBlock } from "../support/snapshots.js";

const page = readSeed();

/** The "* " or "- " bullets of the page between the line `after` and the next line that is not a bullet. */
function bulletsAfter(text: string, after: string): string[] {
  const lines = text.split("\n");
  const start = lines.findIndex((line) => line.trim() === after);
  if (start < 0) throw new Error(`the page has no line "${after}"`);
  const bullets: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.trim() === "" && bullets.length === 0) continue;
    if (!line.startsWith("* ") && !line.startsWith("- ")) break;
    bullets.push(line.slice(2).trim());
  }
  return bullets;
}

interface Row {
  readonly page: string;
  readonly item: string;
  readonly words: readonly string[];
}

function pinned(bullets: string[], items: readonly string[], rows: readonly Row[]): void {
  expect(bullets).toEqual(rows.map((row) => row.page));
  expect([...items]).toEqual(rows.map((row) => row.item));
  for (const row of rows) {
    for (const word of row.words) {
      expect(row.page.toLowerCase(), `page bullet "${row.page}"`).toContain(word);
      expect(row.item.toLowerCase(), `item "${row.item}"`).toContain(word);
    }
  }
}

function checklistOfStage(definition: WorkflowDefinition, stage: string): string[] {
  const found = definition.stages.find((s) => s.id === stage);
  return (found?.checklist?.({} as WorkflowContext) ?? []).map((item) => item.text);
}

const APPRENTICE: Row[] = [
  {
    page: "Continue to support their current role and report to their current manager",
    item: "Apprentice: continues to support the current role and reports to the current manager",
    words: ["continue", "support", "current role", "report", "current manager"],
  },
  {
    page: "Dedicate a pre-determined percentage of their time to the apprenticeship role",
    item: "Apprentice: dedicates the agreed percentage of time to the apprenticeship",
    words: ["dedicate", "percentage of", "time to the apprenticeship"],
  },
  {
    page: "Have clear timelines and deliverables throughout the apprenticeship",
    item: "Apprentice: has clear timelines and deliverables throughout the apprenticeship",
    words: ["clear timelines and deliverables throughout the apprenticeship"],
  },
  {
    page: "Communicate their assignments and availability clearly to both departments",
    item: "Apprentice: communicates assignments and availability clearly to both departments",
    words: ["communicate", "assignments and availability clearly to both departments"],
  },
];

const HOST: Row[] = [
  {
    page: "Provide guidance and support to the apprentice",
    item: "Host department: provides guidance and support to the apprentice",
    words: ["provide", "guidance and support to the apprentice"],
  },
  {
    page: "Offer meaningful projects for the apprentice to work on",
    item: "Host department: offers meaningful projects for the apprentice to work on",
    words: ["offer", "meaningful projects for the apprentice to work on"],
  },
  {
    page: "Be flexible, so that the apprentice can continue to support their primary team and carry an appropriate workload",
    item: "Host department: is flexible, so the apprentice can support their primary team with an appropriate workload",
    words: ["flexible", "support their primary team", "appropriate workload"],
  },
];

const LOAN: Row[] = [
  {
    page: "Invite the team member to all Slack channels used by the team. (Don't worry about Slack channel overload. The team member can unsubscribe if they don't find it useful.)",
    item: "Invited the team member to all Slack channels used by the team",
    words: ["invite", "the team member to all slack channels used by the team"],
  },
  {
    page: "Invite the team member to any standup activities used by the team. To avoid task overload, the team member can choose to stop participating in their home team standup.",
    item: "Invited the team member to the team's standups (they may stop joining their home team's standup)",
    words: ["invite", "standup", "stop", "home team"],
  },
  {
    page: "The manager of the team should schedule weekly 1-1 meetings with the on-loan team member. The team member can choose to stop having weekly 1-1s with their home team manager.",
    item: "Scheduled weekly 1-1s with the team member (they may stop the weekly 1-1s with their home manager)",
    words: ["schedule", "weekly 1-1", "stop", "weekly 1-1s with their home", "manager"],
  },
];

const SELECTION: Row[] = [
  {
    page: "Upcoming Interim and Acting manager roles will be discussed over the Engineering and Development Staff meetings.",
    item: "The upcoming role was discussed over the Engineering and Development Staff meetings",
    words: ["upcoming", "discussed over the engineering and development staff meetings"],
  },
  {
    page: "Leadership can gather interest from their team members for the upcoming roles.",
    item: "Leadership gathered interest from their team members for the upcoming role",
    words: ["leadership", "interest from their team members for the upcoming role"],
  },
  {
    page: "Based on the above criteria the assessment will take place and most suitable team member will be selected for the role.",
    item: "The assessment took place against the criteria above and the most suitable team member was selected for the role",
    words: ["criteria", "the assessment", "most suitable team member", "selected for the role"],
  },
];

/** The first stage's checklist of a workflow for a data block, with the default config. */
function firstStageItems(definition: WorkflowDefinition, data: Record<string, unknown>): string[] {
  const ctx = { data, config: Config.parse({}), facts: {}, stageEntered: "", today: "" } as WorkflowContext;
  return (definition.stages[0]?.checklist?.(ctx) ?? []).map((item) => item.text);
}

describe("the handbook's checklists, pinned to the page", () => {
  const apprenticeshipText = section(page, "## Apprenticeship for Learning");

  it("the apprentice's four commitments are the page's four, each with the page's meaning", () => {
    const bullets = bulletsAfter(apprenticeshipText, "The apprentice agrees to:");
    expect(bullets).toHaveLength(4);
    pinned(
      bullets,
      AGREEMENT_ITEMS.filter((item) => item.startsWith("Apprentice:")),
      APPRENTICE,
    );
  });

  it("the host department's three commitments are the page's three, each with the page's meaning", () => {
    const bullets = bulletsAfter(
      apprenticeshipText,
      "In return, the department with which they are interning agrees to:",
    );
    expect(bullets).toHaveLength(3);
    pinned(
      bullets,
      AGREEMENT_ITEMS.filter((item) => item.startsWith("Host department:")),
      HOST,
    );
  });

  it("the agreement stage asks for all seven, the apprentice's first, and nothing else", () => {
    expect([...AGREEMENT_ITEMS]).toEqual([...APPRENTICE, ...HOST].map((row) => row.item));
    expect(checklistOfStage(apprenticeship as unknown as WorkflowDefinition, "agreement")).toEqual([
      ...AGREEMENT_ITEMS,
    ]);
  });

  it("on loan: the page's three recommended steps, and the setup stage asks for exactly them", () => {
    const loanText = section(page, "## Team members on loan to another team");
    const bullets = bulletsAfter(
      loanText,
      'A team member may be "on loan" to another team for various reasons. This is less formal and handled differently than [interim](#types-of-interim-roles) roles. When this occurs it is recommended to:',
    );
    expect(bullets).toHaveLength(3);
    pinned(bullets, LOAN_ITEMS, LOAN);
    expect(checklistOfStage(onLoan as unknown as WorkflowDefinition, "setup")).toEqual([...LOAN_ITEMS]);
  });
});

describe("temporary management positions: the selection process, pinned to the page", () => {
  const temporary = section(page, "### Temporary Management Positions");

  it("the selection process is the page's three steps, each with the page's meaning", () => {
    const bullets = bulletsAfter(temporary, "Process for selection:");
    expect(bullets).toHaveLength(3);
    pinned(bullets, SELECTION_ITEMS, SELECTION);
  });

  it("interim and acting managers keep it in their first stage, before the role starts", () => {
    const acting = {
      team_member: "alice",
      manager: "bob",
      company_start_date: "2025-03-01",
      start_date: "2026-02-01",
      end_date: "2026-03-01",
      reason: "coverage",
    };
    for (const [definition, data] of [
      [interimManager, interimBlock],
      [actingManager, acting],
    ] as const) {
      const workflow = definition as unknown as WorkflowDefinition;
      expect(workflow.stages[0]?.id, workflow.id).toBe("eligibility");
      expect(workflow.stages[0]?.actors, workflow.id).toEqual(["manager"]);
      expect(firstStageItems(workflow, data), workflow.id).toEqual(expect.arrayContaining(SELECTION_ITEMS));
    }
  });

  it("quotes the page's sentences that the first stage and the other temporary roles follow", () => {
    const flat = page.replace(/\s+/g, " ");
    for (const sentence of [
      "This difference should be made explicit with the individual and team members before the temporary role is created.",
      "For Acting Manager roles: be subject to a talent review depending on the length of appointment",
      "have been employed at GitLab for at least 6 months and thriving in our remote-only context",
      "Managers can provide multiple opportunities to Senior and Staff Engineers who want to consider moving into an available or upcoming manager role.",
      "At the end of 6 months, both the intern and the department will determine whether it makes sense to extend the timeframe further.",
    ]) {
      expect(flat, sentence).toContain(sentence);
    }
  });
});

describe("the Director-and-above rule, pinned to the page", () => {
  const interimText = section(page, "##### Interim Manager");
  const config = Config.parse({});
  const interim = (current_level: string, desired_level: string) =>
    applicability(
      { current_level, desired_level, previous_management_experience: false } as unknown as InterimData,
      config,
    );

  it("quotes the page's one sentence, once, in the Interim Manager section", () => {
    expect(DIRECTOR_PLUS_NOTE).toBe("For Director+ positions no interim is required.");
    expect(interimText.split("\n").filter((line) => line.trim() === DIRECTOR_PLUS_NOTE)).toHaveLength(1);
    expect(page.split(DIRECTOR_PLUS_NOTE)).toHaveLength(2);
  });

  it("asks for no interim between Director+ levels, quoting the sentence, with no prior experience", () => {
    for (const [current, desired] of [
      ["Director", "Senior Director"],
      ["Senior Director", "VP"],
      ["Director", "VP"],
    ] as const) {
      expect(interimApplicability(current, desired, false), `${current} -> ${desired}`).toMatchObject({
        required: false,
        row: DIRECTOR_PLUS_NOTE,
      });
      expect(interim(current, desired), `${current} -> ${desired}`).toMatchObject({
        required: false,
        row: DIRECTOR_PLUS_NOTE,
      });
    }
  });

  it("keeps the table's interim for Manager/Sr Manager -> Director without managing managers", () => {
    expect(interim("Manager", "Director")).toMatchObject({ required: true });
    expect(interim("Senior Manager", "Director")).toMatchObject({ required: true });
  });
});
