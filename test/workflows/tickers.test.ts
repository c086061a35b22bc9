import { describe, expect, it } from "vitest";
import { Config } from "../../src/config/schema.js";
import type { Action } from "../../src/engine/actions.js";
import { Renderer } from "../../src/engine/render.js";
import type { Note } from "../../src/gitlab/port.js";
import { actingManager } from "../../src/workflows/acting-manager.js";
import { AGREEMENT_ITEMS, apprenticeship } from "../../src/workflows/apprenticeship.js";
import { conversation, conversationItem } from "../../src/workflows/conversation.js";
import { ALTERNATIVE_CRITERIA, interimManager } from "../../src/workflows/interim-manager.js";
import { CRITERIA_FORMERLY } from "../../src/workflows/interim-manager-rules.js";
import { lateralTransfer } from "../../src/workflows/lateral-transfer.js";
import { managementTrial } from "../../src/workflows/management-trial.js";
import { LOAN_ITEMS, onLoan } from "../../src/workflows/on-loan.js";
import { POSITION_ITEM, promotion, SUBMITTED_ITEM } from "../../src/workflows/promotion.js";
import { ORG_CHART_ITEM } from "../../src/workflows/temporary-roles.js";
import type { WorkflowDefinition } from "../../src/workflows/types.js";
import { interimBlock, tick } from "../support/snapshots.js";
import { notesOf, planAt, renderNote, sectionOf, type Walk } from "./helpers.js";

/*
 * Each checklist item names who may tick it (the stage's actors unless the item says otherwise);
 * people ops may tick any. A tick by anyone else does not count, and the reply names who may.
 * One row per workflow and per item whose tickers differ from its stage's: a person who may not
 * tick it, one who may, and what the reply and the section say.
 */

const config = Config.parse({ people_ops: ["carol"] });
const walkOf = (definition: unknown, block: Record<string, unknown>, createdAt: string): Walk => ({
  definition: definition as WorkflowDefinition,
  block,
  createdAt,
  config,
});

interface Row {
  name: string;
  walk: Walk;
  /** Who ticks every item of each stage before the one under test (one entry per stage). */
  before: string[];
  stage: string;
  item: string;
  /** Someone who may tick the item, and someone named in the issue (or not) who may not. */
  allowed: string;
  refused: string;
  /** Who may, as the reply names them. */
  reply: string;
  /** Who ticks, as the section shows it. */
  section: string;
}

const interim = walkOf(
  interimManager,
  { ...interimBlock, success_criteria: ["talent-assessment", "feedback-360"], criteria_reason: "headcount" },
  "2026-01-05T09:00:00Z",
);
const apprentice = walkOf(
  apprenticeship,
  {
    team_member: "alice",
    manager: "bob",
    host_manager: "dave",
    host_department: "Security",
    time_percentage: 20,
    company_start_date: "2025-03-01",
    start_date: "2026-02-01",
    deliverables: ["Threat model for the runner"],
  },
  "2026-01-20T09:00:00Z",
);
const promote = walkOf(
  promotion,
  {
    team_member: "alice",
    manager: "bob",
    current_role: "Senior Backend Engineer",
    target_role: "Staff Backend Engineer",
    position_of_need: "Staff role in Verify, requisition 1234",
  },
  "2026-01-20T09:00:00Z",
);

const rows: Row[] = [
  {
    name: "interim manager: the manager judges an alternative success criterion, not the interim manager",
    walk: interim,
    before: ["bob", "bob"],
    stage: "criteria",
    item: ALTERNATIVE_CRITERIA["talent-assessment"],
    allowed: "bob",
    refused: "alice",
    reply: "manager (bob) or people ops (carol)",
    section: "manager (bob)",
  },
  {
    // R28: "we imprint these in our company org chart": whoever keeps the org chart ticks it in setup.
    name: "interim manager: the org chart step is for whoever keeps the org chart, not the interim manager",
    walk: walkOf(interimManager, { ...interimBlock, people_business_partner: "pat" }, "2026-01-05T09:00:00Z"),
    before: ["bob"],
    stage: "setup",
    item: ORG_CHART_ITEM.text,
    allowed: "pat",
    refused: "alice",
    reply: "manager or people business partner (bob, pat) or people ops (carol)",
    section: "manager (bob) or people business partner (pat)",
  },
  {
    name: "interim manager: eligibility is the manager's (the stage's actor)",
    walk: interim,
    before: [],
    stage: "eligibility",
    item: "Shows managerial interest",
    allowed: "bob",
    refused: "alice",
    reply: "manager (bob) or people ops (carol)",
    section: "manager (bob)",
  },
  {
    // R27: "It's important that Engineering Managers self-select into that track and don't feel pressured."
    name: "interim manager: the team member ticks their own choice of the role, not the manager",
    walk: interim,
    before: [],
    stage: "eligibility",
    item: "Team member: I chose to take the interim manager role myself, without feeling pressured",
    allowed: "alice",
    refused: "bob",
    reply: "team member (alice) or people ops (carol)",
    section: "team member (alice)",
  },
  {
    name: "acting manager: eligibility is the manager's (the stage's actor)",
    walk: walkOf(
      actingManager,
      {
        team_member: "alice",
        manager: "bob",
        company_start_date: "2024-01-15",
        start_date: "2026-02-01",
        end_date: "2026-06-30",
        reason: "coverage",
      },
      "2026-01-20T09:00:00Z",
    ),
    before: [],
    stage: "eligibility",
    item: "Shows managerial interest",
    allowed: "bob",
    refused: "alice",
    reply: "manager (bob) or people ops (carol)",
    section: "manager (bob)",
  },
  {
    // R27: "It's important that Engineering Managers self-select into that track and don't feel pressured."
    name: "acting manager: the team member ticks their own choice of the role, not the manager",
    walk: walkOf(
      actingManager,
      {
        team_member: "alice",
        manager: "bob",
        company_start_date: "2024-01-15",
        start_date: "2026-02-01",
        end_date: "2026-06-30",
        reason: "coverage",
      },
      "2026-01-20T09:00:00Z",
    ),
    before: [],
    stage: "eligibility",
    item: "Team member: I chose to take the acting manager role myself, without feeling pressured",
    allowed: "alice",
    refused: "bob",
    reply: "team member (alice) or people ops (carol)",
    section: "team member (alice)",
  },
  {
    name: "apprenticeship: the apprentice ticks their own commitments",
    walk: apprentice,
    before: ["bob"],
    stage: "agreement",
    item: AGREEMENT_ITEMS[0]!,
    allowed: "alice",
    refused: "dave",
    reply: "team member (alice) or people ops (carol)",
    section: "team member (alice)",
  },
  {
    name: "apprenticeship: the host manager ticks the host department's commitments",
    walk: apprentice,
    before: ["bob"],
    stage: "agreement",
    item: AGREEMENT_ITEMS[4]!,
    allowed: "dave",
    refused: "alice",
    reply: "host manager (dave) or people ops (carol)",
    section: "host manager (dave)",
  },
  {
    // "there must be a position of need": whether there is one is not the candidate's to confirm (R17).
    name: "promotion: the manager confirms the position of need, not the candidate",
    walk: promote,
    before: [],
    stage: "coaching",
    item: POSITION_ITEM,
    allowed: "bob",
    refused: "alice",
    reply: "manager (bob) or people ops (carol)",
    section: "manager (bob)",
  },
  {
    name: "promotion: the manager ticks their own submission through the People Ops process",
    walk: promote,
    before: ["bob"],
    stage: "document",
    item: SUBMITTED_ITEM,
    allowed: "bob",
    refused: "alice",
    reply: "manager (bob) or people ops (carol)",
    section: "manager (bob)",
  },
  {
    name: "promotion: the promotion document is the team member's and the manager's (the stage's actors)",
    walk: promote,
    before: ["bob"],
    stage: "document",
    item: "Promotion document written, showing what the team member has already done at the target level",
    allowed: "alice",
    refused: "eve",
    reply: "team member or manager (alice, bob) or people ops (carol)",
    section: "team member (alice) or manager (bob)",
  },
  {
    name: "on loan: the host manager ticks the setup steps, not the home manager",
    walk: walkOf(
      onLoan,
      {
        team_member: "alice",
        manager: "bob",
        host_manager: "dave",
        host_team: "Gitaly",
        start_date: "2026-02-01",
        end_date: "2026-04-30",
      },
      "2026-01-25T09:00:00Z",
    ),
    before: [],
    stage: "setup",
    item: LOAN_ITEMS[0]!,
    allowed: "dave",
    refused: "bob",
    reply: "host manager (dave) or people ops (carol)",
    section: "host manager (dave)",
  },
  {
    name: "lateral transfer: the application is the team member's and the manager's, not the new manager's",
    walk: walkOf(
      lateralTransfer,
      {
        team_member: "alice",
        manager: "bob",
        new_manager: "dave",
        current_role: "Senior Backend Engineer",
        target_role: "Support Engineer",
        transfer_date: "2026-03-01",
      },
      "2026-01-20T09:00:00Z",
    ),
    before: [],
    stage: "application",
    item: "Applied to the new role through Greenhouse",
    allowed: "alice",
    refused: "dave",
    reply: "team member or manager (alice, bob) or people ops (carol)",
    section: "team member (alice) or manager (bob)",
  },
  {
    name: "management trial: the plan is the team member's and the manager's",
    walk: walkOf(
      managementTrial,
      { team_member: "alice", manager: "bob", level: "Senior", start_date: "2026-02-02" },
      "2026-01-26T09:00:00Z",
    ),
    before: [],
    stage: "plan",
    item: "Focused transition plan written with the manager",
    allowed: "bob",
    refused: "eve",
    reply: "team member or manager (alice, bob) or people ops (carol)",
    section: "team member (alice) or manager (bob)",
  },
  {
    name: "career conversations: the manager ticks a conversation, not the report it was held with",
    walk: walkOf(
      conversation,
      { manager: "bob", reports: ["alice", "dave"], quarter: "2026-Q1" },
      "2026-01-05T06:00:00Z",
    ),
    before: [],
    stage: "conversations",
    item: conversationItem("alice"),
    allowed: "bob",
    refused: "alice",
    reply: "manager (bob) or people ops (carol)",
    section: "manager (bob)",
  },
];

const AT = "2026-03-02T10:00:00Z";
const NOW = "2026-03-02T12:00:00Z";

/**
 * Ticks every item of each stage in turn, as the row's people, to reach the stage under test; the team
 * member's own choice of an interim or acting role (R27) is ticked by the team member, alice.
 */
function reach(row: Row): Note[] {
  const notes: Note[] = [];
  row.before.forEach((by, index) => {
    const at = `2026-03-01T1${index}:00:00Z`;
    const items = sectionOf(planAt(row.walk, notes, at).actions).checklist.map((line) => line.text);
    notes.push(...items.map((item) => tick(item.startsWith("Team member: ") ? "alice" : by, item, at)));
  });
  return notes;
}

function refusals(actions: Action[]) {
  return notesOf(actions).filter((n) => n.template === "common/tick-refused");
}

function lineOf(actions: Action[], item: string) {
  const line = sectionOf(actions).checklist.find((l) => l.text === item);
  if (!line) throw new Error(`no line for ${item}`);
  return line;
}

describe.each(rows)("$name", (row) => {
  const base = reach(row);

  it("is the stage under test", () => {
    expect(planAt(row.walk, base, NOW).stage).toBe(row.stage);
  });

  it("refuses a tick by someone who may not tick the item, and the reply names who may", () => {
    const p = planAt(row.walk, [...base, tick(row.refused, row.item, AT)], NOW);
    expect(p.stage).toBe(row.stage);
    const [reply, ...more] = refusals(p.actions);
    expect(more).toEqual([]);
    expect(reply?.data).toMatchObject({ item: row.item, by: row.refused, allowed: row.reply });
    expect(renderNote(reply!)).toContain(`only the ${row.reply} can tick this item`);
    expect(lineOf(p.actions, row.item)).toMatchObject({
      ticked: true,
      note: `· ticked by ${row.refused}, which does not count`,
    });
  });

  it.each(["allowed", "people ops"])("counts a tick by %s", (who) => {
    const by = who === "allowed" ? row.allowed : "carol";
    const p = planAt(row.walk, [...base, tick(by, row.item, AT)], NOW);
    expect(refusals(p.actions)).toEqual([]);
    expect(lineOf(p.actions, row.item)).toMatchObject({ ticked: true, note: `· ticked by ${by}` });
  });

  it("shows in the section who ticks the item", () => {
    expect(lineOf(planAt(row.walk, base, NOW).actions, row.item).tickers).toBe(row.section);
  });
});

describe("the section's checklist", () => {
  it("says after each item who ticks it, and who ticked it, with usernames that notify nobody", () => {
    const [talent, feedback] = [
      ALTERNATIVE_CRITERIA["talent-assessment"],
      ALTERNATIVE_CRITERIA["feedback-360"],
    ];
    const row = rows[0]!;
    const p = planAt(row.walk, [...reach(row), tick("alice", talent, AT)], NOW);
    const { diagram, commands, guidance, ...data } = sectionOf(p.actions);
    const text = new Renderer().render("section", data, { diagram, commands, guidance: "" });
    expect(text).toContain(
      `- [x] ${talent} · who ticks: manager (bob) · ticked by alice, which does not count\n`,
    );
    expect(text).toContain(`- [ ] ${feedback} · who ticks: manager (bob)\n`);
    expect(text).toContain("Each item says who ticks it; people ops may tick any item.");
    expect(text).not.toMatch(/@\S/);
  });
});

describe("a reworded checklist item", () => {
  // GitLab's tick note quotes the item as it read when ticked: a tick made before the rewording counts.
  it("counts a tick of an interim criterion's earlier wording, and the section shows the item ticked", () => {
    const block = {
      ...interimBlock,
      success_criteria: ["leader-interviews", "feedback-360"],
      criteria_reason: "headcount",
    };
    const walk = walkOf(interimManager, block, "2026-01-05T09:00:00Z");
    const earlier = CRITERIA_FORMERLY["leader-interviews"]![0]!;
    const p = planAt(walk, [...reach({ ...rows[0]!, walk }), tick("bob", earlier, AT)], NOW);
    expect(p.stage).toBe("criteria");
    expect(lineOf(p.actions, ALTERNATIVE_CRITERIA["leader-interviews"])).toMatchObject({
      ticked: true,
      note: "· ticked by bob",
    });
  });

  it("counts a tick of the promotion's position of need in its earlier wording", () => {
    const earlier = "Position of need for the target role confirmed (see position_of_need in the data block)";
    const p = planAt(promote, [tick("bob", earlier, AT)], NOW);
    expect(p.stage).toBe("coaching");
    expect(lineOf(p.actions, POSITION_ITEM)).toMatchObject({ ticked: true, note: "· ticked by bob" });
  });
});
