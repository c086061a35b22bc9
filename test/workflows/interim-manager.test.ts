import { describe, expect, it } from "vitest";
import { Config } from "../../src/config/schema.js";
import { Renderer } from "../../src/engine/render.js";
import { interimManager } from "../../src/workflows/interim-manager.js";
import { ALTERNATIVE_CRITERIA, CRITERIA_ITEMS } from "../../src/workflows/interim-manager-rules.js";
import type { WorkflowContext, WorkflowDefinition } from "../../src/workflows/types.js";
import { readSeed, section } from "../careers/seed.js";
import {
  INTERIM_CHOSEN,
  INTERIM_ELIGIBILITY,
  INTERIM_SETUP,
  interimTicker,
} from "../support/interim-items.js";
import { interimBlock, tick } from "../support/snapshots.js";
import {
  checklistOf,
  dueOf,
  notesOf,
  planAt,
  problemsOf,
  renderNote,
  sectionOf,
  type Walk,
  walker,
} from "./helpers.js";

const temporary = section(readSeed(), "### Temporary Management Positions");
const interim = section(readSeed(), "##### Interim Manager");

/** The bullets of the list that follows `intro` in the seed, as written. */
function listAfter(text: string, intro: string): string[] {
  const start = text.indexOf(intro);
  if (start < 0) throw new Error(`seed has no "${intro}"`);
  const lines = text.slice(start + intro.length).split("\n");
  const bullets: string[] = [];
  for (const line of lines.slice(1)) {
    if (!line.startsWith("- ")) break;
    bullets.push(line.slice(2).trim());
  }
  return bullets;
}

describe("interim manager: the handbook's eligibility criteria", () => {
  // Each line of the page's list, and what the bot makes of it: checklist items, the tenure check,
  // or nothing (a line for the other workflow).
  const READING: [string, { items: string[]; tenureMonths?: number }][] = [
    ["show managerial interest", { items: ["Shows managerial interest"] }],
    [
      "have experience in the individual contributor role for which they would be managing",
      { items: ["Has experience in the individual contributor role they would manage"] },
    ],
    [
      "have been employed at GitLab for at least 6 months and thriving in our remote-only context",
      { items: ["Is thriving in our remote-only context"], tenureMonths: 6 },
    ],
    ["exemplify [GitLab Values](/handbook/values/)", { items: ["Exemplifies the company values"] }],
    [
      "For Acting Manager roles: be subject to a talent review depending on the length of appointment",
      { items: [] },
    ],
    [
      "For Interim Manager roles: Apply through [Greenhouse](https://about.gitlab.com/handbook/people-group/promotions-transfers/#greenhouse-process-requirements) and go through selection process",
      { items: ["Applied through Greenhouse and went through the selection process"] },
    ],
  ];

  it("reads every line of the page's list, in the page's order", () => {
    expect(listAfter(temporary, "Those interested in these roles must:")).toEqual(
      READING.map(([line]) => line),
    );
  });

  it("lists every criterion of the page as an item, including thriving in the remote-only context", () => {
    expect(CRITERIA_ITEMS).toEqual(READING.flatMap(([, reading]) => reading.items));
  });

  it("checks the page's 6 months at the company by default", () => {
    const months = READING.flatMap(([, reading]) => reading.tenureMonths ?? []);
    expect(months).toEqual([Config.parse({}).interim.tenure_months]);
  });
});

describe("interim manager: the handbook's other success criteria", () => {
  it("gives each of the five criteria as the page does, links reduced to their text", () => {
    const page = listAfter(interim, "Examples of other success criteria are (multiselect):").map((line) =>
      line.replace(/\[([^\]]+)\]\([^)]*\)/g, "$1").replace(/[;.]$/, ""),
    );
    expect(page).toHaveLength(5);
    expect(Object.values(ALTERNATIVE_CRITERIA)).toEqual(page);
    expect(Object.keys(ALTERNATIVE_CRITERIA)).toEqual([
      "leader-interviews",
      "relations-role-play",
      "career-conversations",
      "talent-assessment",
      "feedback-360",
    ]);
  });
});

describe("interim manager: the handbook's BambooHR steps", () => {
  it("asks the manager in setup for the job information change request for the reports and the interim manager access request", () => {
    const page = temporary.replace(/\s+/g, " ");
    expect(page).toContain(
      "the current manager should update all reports to in BambooHR with a job information change request and create an access level request to grant interim manager access in BambooHR",
    );
    const stage = interimManager.stages.find((s) => s.id === "setup")!;
    expect(stage.actors).toEqual(["manager"]);
    const items = (stage.checklist?.({} as WorkflowContext) ?? []).map((item) => item.text.toLowerCase());
    const changeRequest = items.filter((item) => item.includes("job information change request"));
    expect(changeRequest).toHaveLength(1);
    expect(changeRequest[0]).toContain("bamboohr");
    expect(changeRequest[0]).toContain("every report");
    const access = items.filter((item) => item.includes("interim manager access"));
    expect(access).toHaveLength(1);
    expect(access[0]).toContain("bamboohr");
  });
});

describe("interim manager: before the interim period starts", () => {
  const walk: Walk = {
    definition: interimManager as unknown as WorkflowDefinition,
    block: interimBlock,
    createdAt: "2025-12-01T09:00:00Z",
  };
  const explicit = "Made explicit with the team member and the team that the role is interim";
  const selection = [
    "The upcoming role was discussed over the Engineering and Development Staff meetings",
    "Leadership gathered interest from their team members for the upcoming role",
    "The assessment took place against the criteria above and the most suitable team member was selected for the role",
  ];

  it("keeps the selection process and making the role explicit in the first stage, not in setup", () => {
    const first = planAt(walk, [], "2025-12-02T08:00:00Z");
    expect(first.stage).toBe("eligibility");
    expect(checklistOf(first.actions)).toEqual(INTERIM_ELIGIBILITY);
    expect(checklistOf(first.actions).slice(-5)).toEqual([...selection, explicit, INTERIM_CHOSEN]);
    const ticks = INTERIM_ELIGIBILITY.map((item) => tick(interimTicker(item), item, "2025-12-03T10:00:00Z"));
    const setup = planAt(walk, ticks, "2025-12-03T12:00:00Z");
    expect(setup.stage).toBe("setup");
    expect(checklistOf(setup.actions)).toEqual(INTERIM_SETUP);
    expect(checklistOf(setup.actions)).not.toContain(explicit);
    // Without the selection process, eligibility holds.
    const noSelection = ticks.filter((_, index) => !selection.includes(INTERIM_ELIGIBILITY[index]!));
    expect(planAt(walk, noSelection, "2025-12-03T12:00:00Z").stage).toBe("eligibility");
  });

  it("starts only once the team member records their own choice: the manager cannot tick it for them (R27)", () => {
    // "It's important that Engineering Managers self-select into that track and don't feel pressured."
    const byManager = INTERIM_ELIGIBILITY.map((item) => tick("bob", item, "2025-12-03T10:00:00Z"));
    const p = planAt(walk, byManager, "2025-12-03T12:00:00Z");
    expect(p.stage).toBe("eligibility");
    const refusal = notesOf(p.actions).find((n) => n.template === "common/tick-refused")!;
    expect(refusal.data).toMatchObject({ item: INTERIM_CHOSEN, by: "bob" });
    // The team member's own tick moves the appointment on to its setup.
    const own = [...byManager, tick("alice", INTERIM_CHOSEN, "2025-12-03T11:00:00Z")];
    expect(planAt(walk, own, "2025-12-03T12:00:00Z").stage).toBe("setup");
  });

  it("reminds the manager before interim_start_date while making the role explicit is not ticked", () => {
    const w = walker(walk);
    // 7 days [interim.explicit_reminder_days] before 2026-01-05.
    expect(dueOf(w.at("2025-12-02T08:00:00Z").actions)).toEqual({ kind: "due-date", date: "2025-12-29" });
    expect(notesOf(w.at("2025-12-28T08:00:00Z").actions)).toEqual([]);
    const due = w.at("2025-12-29T08:00:00Z");
    const reminder = notesOf(due.actions).find((n) => n.template === "interim-manager/explicit-reminder")!;
    expect(reminder.mentions).toEqual(["bob"]);
    expect(reminder.key).toBe("remind:make-explicit#0#2025-12-29");
    expect(renderNote(reminder)).toContain(
      "the interim period of alice starts on 2026-01-05, and it is not yet ticked that the role was made explicit as interim",
    );
    expect(notesOf(w.at("2025-12-30T08:00:00Z").actions)).toEqual([]);

    const told = [tick("bob", explicit, "2025-12-10T10:00:00Z")];
    expect(notesOf(planAt(walk, told, "2025-12-29T08:00:00Z").actions)).toEqual([]);
  });

  it("a reminder first sent after the start says the period has begun, not that it comes 7 days before (text 5)", () => {
    // The first run is on 2026-01-08: the reminder's day (2025-12-29) and the start have passed.
    const late = notesOf(planAt(walk, [], "2026-01-08T08:00:00Z").actions).find(
      (n) => n.template === "interim-manager/explicit-reminder",
    )!;
    const text = renderNote(late);
    expect(text).toContain(
      "the interim period of alice began on 2026-01-05, but the role is not yet made explicit as interim",
    );
    expect(text).not.toMatch(/starts on|days before the start/);
    // On time, it still says when it comes.
    const onTime = notesOf(planAt(walk, [], "2025-12-29T08:00:00Z").actions).find(
      (n) => n.template === "interim-manager/explicit-reminder",
    )!;
    expect(renderNote(onTime)).toContain("this reminder comes 7 days before the start");
  });
});

describe("interim manager: other success criteria need their reason (R41)", () => {
  // "In some cases, or for Director level interim roles, it may not be practical or headcount planning
  // might not allow for the Interim Manager to make a new hire."
  const walk: Walk = {
    definition: interimManager as unknown as WorkflowDefinition,
    block: { ...interimBlock, success_criteria: ["feedback-360"] },
    createdAt: "2026-01-05T08:00:00Z",
  };
  const renderer = new Renderer();

  it("asks for the reason in the details, naming the page's three cases", () => {
    const p = planAt(walk, [], "2026-01-06T08:00:00Z");
    expect(problemsOf(p.actions)).toEqual([
      "criteria_reason: is needed with other success criteria: the handbook allows them when hiring is not practical, when headcount planning does not allow a new hire, or for a Director-level interim role; add criteria_reason: hiring-not-practical, headcount, director-level (or use success_criteria: hire)",
    ]);
    // A hire needs no reason.
    expect(problemsOf(planAt(walk, [], "2026-01-06T08:00:00Z", { block: interimBlock }).actions)).toEqual([]);
  });

  it("shows the reason and the manager's agreement at a glance", () => {
    const block = { ...interimBlock, success_criteria: ["feedback-360"], criteria_reason: "director-level" };
    const p = planAt(walk, [], "2026-01-06T08:00:00Z", { block });
    expect(sectionOf(p.actions).summary).toContain(
      "Other success criteria instead of a hire, because it is a Director-level interim role; agreed by the manager (bob) in Setup",
    );
    const headcount = planAt(walk, [], "2026-01-06T08:00:00Z", {
      block: { ...block, criteria_reason: "headcount" },
    });
    expect(sectionOf(headcount.actions).summary.join("\n")).toContain(
      "because headcount planning does not allow for a new hire",
    );
  });

  it("the criteria's guidance asserts no reason and says only the manager's ticks count (text 2)", () => {
    const text = renderer.render("interim-manager/guidance-criteria", {});
    expect(text).not.toContain("Hiring was not practical");
    expect(text).not.toMatch(/Tick each one/);
    expect(text).toContain(
      "the manager ticks each one once it is met (the interim manager's own ticks do not count)",
    );
    expect(text).toContain('for the reason given under "At a glance"');
  });
});

describe("interim manager: the People team's follow-up", () => {
  it("records the 4-month aim as an aim ('not to exceed'), not as the planned end (text 6)", () => {
    const walk: Walk = {
      definition: interimManager as unknown as WorkflowDefinition,
      block: interimBlock,
      createdAt: "2026-01-05T08:00:00Z",
    };
    const ticks = INTERIM_ELIGIBILITY.map((item) => tick(interimTicker(item), item, "2026-01-07T10:00:00Z"));
    const p = planAt(walk, ticks, "2026-01-07T12:00:00Z");
    const followUp = p.actions.find((a) => a.kind === "follow-up" && a.key === "people-team");
    if (followUp?.kind !== "follow-up") throw new Error("no People team follow-up");
    const text = new Renderer().render(followUp.template, followUp.data, {}, followUp.mentions);
    expect(text).not.toContain("planned end");
    expect(text).toContain(
      "the interim period has no set end: the handbook generally aims for it not to exceed 4 months (until 2026-05-05), and it ends with the manager's decision",
    );
  });
});
