import { describe, expect, it } from "vitest";
import { Config } from "../../src/config/schema.js";
import type { Action } from "../../src/engine/actions.js";
import { decide } from "../../src/engine/decide.js";
import { Renderer } from "../../src/engine/render.js";
import { textContext } from "../../src/engine/text-context.js";
import { workflows } from "../../src/workflows/index.js";
import { interimManager } from "../../src/workflows/interim-manager.js";
import type { WorkflowDefinition } from "../../src/workflows/types.js";
import { seedProse } from "../careers/seed.js";
import { quotes, ruleRows } from "../docs/rules-table.js";
import { type comment, config, interimBlock, issue, snapshot, yamlBlock } from "../support/snapshots.js";

// Issue 10, "Texts people read": what people read agrees with the handbook page.
const renderer = new Renderer();
const guidanceOf = (workflowId: string, stageId: string) => {
  const workflow = workflows.find((w) => w.id === workflowId)!;
  const stage = workflow.stages.find((s) => s.id === stageId)!;
  return renderer.render(stage.guidance, {});
};

/**
 * The stages during which each temporary management position is held (not its eligibility check or
 * its end). The page's no-termination paragraph is about "temporary management positions" (interim and
 * acting managers) only: on loan, an apprenticeship or a management trial is not one.
 */
const TEMPORARY_ROLES: Record<string, string[]> = {
  "interim-manager": ["setup", "hiring", "criteria", "hire-review", "promotion-document"],
  "acting-manager": ["active", "return"],
};
const NOT_MANAGEMENT_POSITIONS: Record<string, string[]> = {
  "on-loan": ["setup", "active"],
  apprenticeship: ["agreement", "active", "review"],
  "management-trial": ["plan", "education", "rhythm", "assessment"],
};

describe("temporary roles: what happens when it does not work out", () => {
  it("names every stage of the workflows where a role is held", () => {
    for (const [workflowId, stageIds] of Object.entries({
      ...TEMPORARY_ROLES,
      ...NOT_MANAGEMENT_POSITIONS,
    })) {
      const workflow = workflows.find((w) => w.id === workflowId)!;
      const held = workflow.stages.filter((s) => !s.final && s.id !== "eligibility").map((s) => s.id);
      expect(held, workflowId).toEqual(stageIds);
    }
  });

  for (const [workflowId, stageIds] of Object.entries(TEMPORARY_ROLES)) {
    it(`${workflowId}: the guidance says the person returns to their previous role, and no one is immune to termination`, () => {
      for (const stageId of stageIds) {
        const text = guidanceOf(workflowId, stageId).replace(/\s+/g, " ");
        const where = `${workflowId}/${stageId}`;
        expect(text, where).toContain("**If it does not work out.**");
        expect(text, where).toContain("poor performance against its duties would not result in termination");
        expect(text, where).toContain(
          "at worst, the team member returns to their prior responsibilities, their previous role",
        );
        // The page's strength: "That does not mean, however, that an individual is immune to termination".
        expect(text, where).toContain(
          "That does not mean, however, that anyone in a temporary position is immune to termination of their employment",
        );
        expect(text, where).not.toContain("not a performance or termination matter");
        expect(text, where).toContain(
          "breach of their prior responsibilities or of the company's Code of Business Conduct & Ethics",
        );
      }
    });
  }

  for (const [workflowId, stageIds] of Object.entries(NOT_MANAGEMENT_POSITIONS)) {
    it(`${workflowId}: not a temporary management position, so no word of termination`, () => {
      for (const stageId of stageIds) {
        const text = guidanceOf(workflowId, stageId);
        expect(text, `${workflowId}/${stageId}`).not.toMatch(/termination|If it does not work out/);
      }
    });
  }
});

const definition = interimManager as unknown as WorkflowDefinition;
const notesOf = (actions: Action[]) => actions.flatMap((a) => (a.kind === "note" ? [a] : []));
function renderNotes(now: string, block = interimBlock, notes = [] as ReturnType<typeof comment>[]) {
  const p = decide({
    definition,
    snapshot: snapshot(issue({ description: yamlBlock(block) }), notes),
    config,
    now: new Date(now),
  });
  return notesOf(p.actions).map((n) => {
    const { message: _message, ...data } = n.data;
    return { key: n.key, text: renderer.render(n.template, data, {}, n.mentions) };
  });
}

describe("interim manager: the 4 months the handbook aims not to exceed", () => {
  it("says the period passed what the handbook aims not to exceed and what to do, not an escalation", () => {
    const [overdue] = renderNotes("2026-05-06T08:00:00Z");
    expect(overdue?.key).toBe("remind:limit-overdue");
    const text = overdue!.text;
    expect(text).toContain(
      "the interim period started on 2026-01-05 and on 2026-05-05 passed the 4 months the handbook aims for it not to exceed",
    );
    // No quote of the page's "4 months": the number is the config's (see the numbers test in config-numbers.test.ts).
    expect(text).not.toContain("Generally we aim to have the interim period not to exceed 4 months");
    expect(text).toContain(
      "What to do: finish this stage's step (see the section above) so that the interim manager's manager can make the determination",
    );
    expect(text).toContain("`/career decision promote|end`");
    expect(text.toLowerCase()).not.toContain("escalat");
    expect(text).not.toContain("limit on");
  });

  it("the reminder before it says the handbook aims not to exceed the months, not that they must not", () => {
    const [reminder] = renderNotes("2026-04-06T08:00:00Z");
    expect(reminder?.key).toBe("remind:limit-reminder");
    expect(reminder!.text).toContain(
      "the handbook aims for it not to exceed 4 months, which it reaches on 2026-05-05",
    );
    expect(reminder!.text).not.toContain("should not exceed");
  });

  it("the section's time-limit row points to the comment on what to do, not to an escalation", () => {
    const section = renderer.render("section", {
      overdue: true,
      workflow: "Interim manager",
      stage: "hiring",
    });
    expect(section).toContain(
      "| Time limit | **passed**: longer than the period the handbook aims not to exceed; see the comment on what to do |",
    );
    expect(section.toLowerCase()).not.toContain("escalat");
  });
});

describe("interim manager: no interim period required", () => {
  const staffWithExperience = {
    ...interimBlock,
    current_level: "Staff",
    previous_management_experience: true,
  };

  it("the closing comment names the regular promotion process as what happens instead", () => {
    const [note] = renderNotes("2026-01-06T08:00:00Z", staffWithExperience as typeof interimBlock);
    expect(note?.key).toContain("not-required");
    expect(note!.text).toContain(
      "What happens instead: the regular promotion process. When the team member is deemed ready for promotion, their manager follows the [promotion process outlined by People Ops](https://handbook.gitlab.com/handbook/people-group/promotions-transfers/)",
    );
    // Text 7: a full link, never the page's bare relative path.
    expect(note!.text).not.toMatch(/\(\/handbook\//);
    expect(note!.text).toContain(
      "a *Promotion* issue, opened from the Promotion issue template, can track it",
    );
  });

  it("the stage's guidance says the same", () => {
    const text = renderer.render("interim-manager/guidance-not-required", {
      ...textContext(
        Config.parse({ promotion: { process_url: "https://people.example.org/promotions/" } }),
        "interim-manager",
      ),
    });
    expect(text).toContain("What happens instead: the regular promotion process.");
    expect(text).toContain(
      "their manager follows the [promotion process outlined by People Ops](https://people.example.org/promotions/)",
    );
  });
});

describe("guidance that carries a rule of the page", () => {
  const flat = (text: string) => text.replace(/\s+/g, " ");

  it("career conversations: at least once a quarter, and the avenues for advancement brought up", () => {
    const text = flat(guidanceOf("conversation", "conversations"));
    expect(text).toContain(
      "Managers and team members should strive to have a career development conversation at least once a quarter.",
    );
    expect(text).toContain("For the sake of inclusion, bring up the possibilities for advancement");
  });

  it("interim manager: an unsuccessful hire does not bar the interim manager from the full-time role", () => {
    const text = flat(renderer.render("interim-manager/unsuccessful", {}));
    expect(text).toContain(
      "this does not mean the interim manager cannot eventually move into the full-time role",
    );
  });

  it("apprenticeship: eligibility tells it apart from a realignment and points to the People Business Partner", () => {
    const text = flat(guidanceOf("apprenticeship", "eligibility"));
    expect(text).toContain("differs from a temporary or permanent realignment, redeployment or secondment");
    expect(text).toContain("discuss it with your People Business Partner");
  });

  it("lateral transfer: the application says Compa Ratio might differ per individual", () => {
    expect(flat(guidanceOf("lateral-transfer", "application"))).toContain(
      "Compa Ratio might differ per individual to determine the leveling",
    );
  });

  it("management trial: the assessment says the technical path is a good outcome too", () => {
    expect(flat(guidanceOf("management-trial", "assessment"))).toContain(
      "Some engineers find they are better suited to the technical path, and that is a good outcome too.",
    );
  });

  it("on loan: the end suggests a retrospective, as past team members on loan did", () => {
    expect(flat(guidanceOf("on-loan", "done"))).toContain(
      "Consider a short retrospective: past team members on loan documented their best practices that way.",
    );
  });

  it("on loan: setup says it is less formal than an interim role and not to worry about Slack channel overload", () => {
    const text = flat(guidanceOf("on-loan", "setup"));
    expect(text).toContain("less formal than an interim role");
    expect(text).toContain("Don't worry about Slack channel overload");
  });
});

describe("the sentences these texts follow are the page's", () => {
  it("quotes the pinned page word for word", async () => {
    const { readFileSync } = await import("node:fs");
    const page = readFileSync(
      new URL("../careers/fixtures/engineering-career-development.md.txt", import.meta.url),
      "utf8",
    ).replace(/\s+/g, " ");
    for (const sentence of [
      "poor performance against those duties would not result in termination. At worst, the person would return to their prior responsibilities.",
      "a breach of their prior responsibilities or of the company's Code of Business Conduct & Ethics while in an temporary position.",
      "That does not mean, however, that an individual is immune to termination of their employment",
      "Generally we aim to have the interim period not to exceed 4 months before turning into a fulltime role.",
      "their manager should follow the [promotion process outlined by People Ops]",
      "For Director+ positions no interim is required.",
      "Managers and team members should strive to have a career development conversation at least once a quarter.",
      "for the sake of inclusion we do ask that managers periodically bring up the possibilities for advancement",
      "If the new hire is not successful, that does not mean that the Interim Manager cannot eventually move into the full-time role.",
      "Compa Ratio might differ per individual to determine leveling",
      "Don't worry about Slack channel overload.",
      "This is less formal and handled differently than [interim](#types-of-interim-roles) roles.",
    ]) {
      expect(page, sentence).toContain(sentence);
    }
  });
  it("quotes the page word for word in docs/workflows.md's rules table", () => {
    const page = seedProse();
    const drifted = ruleRows().flatMap((row) =>
      quotes(row.rule)
        .filter((quote) => !page.includes(quote.replace(/\s+/g, " ")))
        .map((quote) => `${row.section}: "${quote}"`),
    );
    expect(drifted).toEqual([]);
  });
});

describe("the promotion's coaching and the choice between the tracks", () => {
  const flat = (text: string) => text.replace(/\s+/g, " ");

  // R32: "Specific coaching plan templates are listed here to help start the conversation", built
  // "around the career matrix for Engineering", for now "based on the job family requirements".
  it("promotion: coaching links the coaching plan templates, the career matrix and the job families, from the config", () => {
    const defaults = flat(
      renderer.render("promotion/guidance-coaching", {
        ...textContext(Config.parse({}), "promotion", "coaching"),
      }),
    );
    expect(defaults).toContain(
      "[coaching plan templates](https://docs.google.com/document/d/11xZpY2RuTldp1g6bHRFYKwwlQjNjYaPquLPo5uD6hrg/edit)",
    );
    expect(defaults).toContain(
      "[career matrix for Engineering](https://handbook.gitlab.com/handbook/engineering/careers/career-matrix.html)",
    );
    expect(defaults).toContain(
      "[job family requirements](https://handbook.gitlab.com/job-families/engineering/)",
    );
    const own = Config.parse({
      promotion: {
        coaching_templates_url: "https://docs.example.org/coaching",
        career_matrix_url: "https://docs.example.org/matrix",
        job_families_url: "https://docs.example.org/jobs",
      },
    });
    const text = flat(
      renderer.render("promotion/guidance-coaching", { ...textContext(own, "promotion", "coaching") }),
    );
    expect(text).toContain("[coaching plan templates](https://docs.example.org/coaching)");
    expect(text).toContain("[career matrix for Engineering](https://docs.example.org/matrix)");
    expect(text).toContain("[job family requirements](https://docs.example.org/jobs)");
  });

  // R45: "Staff-level roles and Engineering Manager roles are equivalent in terms of base compensation
  // and prestige", said where a person chooses between the tracks.
  it.each([["promotion/guidance-coaching"], ["management-trial/guidance-plan"]])(
    "%s: says Staff and Engineering Manager roles are equivalent in base compensation and prestige",
    (name) => {
      const text = flat(renderer.render(name, { ...textContext(Config.parse({}), name.split("/")[0]!) }));
      expect(text).toContain(
        "Staff-level roles and Engineering Manager roles are equivalent in terms of base compensation and prestige",
      );
    },
  );
});
