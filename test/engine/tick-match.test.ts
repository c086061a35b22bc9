import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defaultConfig } from "../../src/config/schema.js";
import { replay } from "../../src/engine/replay.js";
import type { Note } from "../../src/gitlab/port.js";
import type { WorkflowDefinition } from "../../src/workflows/types.js";

/**
 * Which workflow item a tick note counts for, through `replay`: one stage whose checklist comes from
 * the data block, so a test can reword an item after it was ticked.
 */
function definition(): WorkflowDefinition {
  return {
    id: "t",
    label: "career::t",
    title: "T",
    schema: z.object({ items: z.array(z.string()) }) as never,
    people: () => ({}),
    stages: [
      {
        id: "open",
        title: "Open",
        // bob, the manager, ticks: these tests are about which item a note names, not who may tick.
        actors: ["manager"],
        guidance: "g",
        checklist: (ctx) => (ctx.data as { items: string[] }).items.map((text) => ({ text })),
      },
      { id: "done", title: "Done", actors: [], guidance: "g", final: true },
    ],
    transitions: [{ from: "open", to: "done", when: [{ gate: "checklistComplete" }], outcome: "ok" }],
    commands: [],
    reminders: [],
    conditions: {},
  };
}

let noteId = 100;
function tickNote(body: string, completed = true): Note {
  return {
    id: ++noteId,
    body: `marked the checklist item **${body}** as ${completed ? "completed" : "incomplete"}`,
    system: true,
    internal: false,
    author: { id: 2, username: "bob" },
    createdAt: "2026-02-02T10:00:00Z", // replaced in order by `run`
  };
}

function run(items: string[], notes: Note[]) {
  return replay({
    definition: definition(),
    data: { items },
    config: defaultConfig(),
    roles: { manager: ["bob"] },
    notes: notes.map((note, index) => ({ ...note, createdAt: `2026-02-02T10:0${index}:00Z` })),
    botUsername: "career-bot",
    issueCreatedAt: "2026-02-01T09:00:00Z",
    now: new Date("2026-02-03T00:00:00Z"),
    priorAnswers: new Map(),
    refusedTickIds: new Set(),
  }).state;
}

describe("which item a tick note counts for", () => {
  it("counts an escaped GitLab.com note for the item as the workflow writes it", () => {
    const state = run(["Weekly 1-1s (host manager's)"], [tickNote("Weekly 1\\-1s \\(host manager\\'s\\)")]);
    expect(state.ticks.get("Weekly 1-1s (host manager's)")).toMatchObject({ completed: true, counts: true });
    expect(state.stage).toBe("done");
  });

  it("counts an untick of the item with the bot's annotation for the item itself", () => {
    const item = "Weekly 1-1s (host manager's)";
    const state = run(
      [item],
      [tickNote("Weekly 1\\-1s \\(host manager\\'s\\)"), tickNote(`${item} · ticked by bob`, false)],
    );
    expect(state.ticks.get(item)?.completed).toBe(false);
  });

  it("never counts a tick for an item it only resembles", () => {
    const state = run(
      ["Weekly 1-1s (host manager's)", "Weekly 1-1s"],
      [tickNote("Weekly 1\\-1s \\(host manager\\'s"), tickNote("Weekly 1\\-1"), tickNote("weekly 1\\-1s")],
    );
    expect(state.ticks.size).toBe(0);
    expect(state.stage).toBe("open");
  });

  it("counts a tick for neither of two different items GitLab's note cannot tell apart", () => {
    const state = run(["**Weekly** 1-1s", "Weekly 1-1s"], [tickNote("Weekly 1\\-1s")]);
    expect(state.ticks.size).toBe(0);
  });

  it("counts a tick for a username ending in an underscore for that person, not for another", () => {
    const items = ["Conversation held with alice", "Conversation held with alice_"];
    const state = run(items, [tickNote("Conversation held with alice\\_")]);
    expect(state.ticks.get("Conversation held with alice_")).toMatchObject({ completed: true, counts: true });
    expect(state.ticks.has("Conversation held with alice")).toBe(false);
    expect(state.stage).toBe("open");
    expect(run(["Conversation held with alice_"], [tickNote("Conversation held with alice\\_")]).stage).toBe(
      "done",
    );
  });

  it("does not carry a tick over to an item reworded after it (the box shows unticked; tick again)", () => {
    const state = run(["Weekly 1-1s with the new host"], [tickNote("Weekly 1\\-1s with the host")]);
    expect(state.ticks.size).toBe(0);
    expect(state.stage).toBe("open");
  });
});

describe("who may tick an item", () => {
  /** Two stages: the manager's items, then the team member's; "Shared" is an item of both. */
  function twoStages(): WorkflowDefinition {
    const stage = (id: string, actors: string[], items: string[]) => ({
      id,
      title: id,
      actors,
      guidance: "g",
      checklist: () => items.map((text) => ({ text })),
    });
    return {
      ...definition(),
      stages: [
        stage("first", ["manager"], ["Managers only", "Shared"]),
        stage("second", ["team_member"], ["Shared"]),
        { id: "done", title: "Done", actors: [], guidance: "g", final: true },
      ],
      transitions: [
        { from: "first", to: "second", when: [{ gate: "checklistComplete" }] },
        { from: "second", to: "done", when: [{ gate: "checklistComplete" }], outcome: "ok" },
      ],
    };
  }

  function byAlice(item: string): Note {
    return { ...tickNote(item), author: { id: 3, username: "alice" } };
  }

  it("takes an item's tick from the tickers of any stage that lists it, and only from them", () => {
    const result = replay({
      definition: twoStages(),
      data: { items: [] },
      config: defaultConfig(),
      roles: { manager: ["bob"], team_member: ["alice"] },
      notes: [byAlice("Managers only"), byAlice("Shared")].map((note, index) => ({
        ...note,
        createdAt: `2026-02-02T10:0${index}:00Z`,
      })),
      botUsername: "career-bot",
      issueCreatedAt: "2026-02-01T09:00:00Z",
      now: new Date("2026-02-03T00:00:00Z"),
      priorAnswers: new Map(),
      refusedTickIds: new Set(),
    });
    expect(result.state.ticks.get("Shared")).toMatchObject({ completed: true, counts: true });
    expect(result.state.ticks.get("Managers only")).toMatchObject({ completed: true, counts: false });
    expect(result.refusedTicks).toEqual([
      expect.objectContaining({ item: "Managers only", by: "alice", tickers: ["manager"] }),
    ]);
    expect(result.state.stage).toBe("first");
  });
});
