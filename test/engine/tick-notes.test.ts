import { describe, expect, it } from "vitest";
import { tickEvents } from "../../src/engine/checklist.js";
import { canonicalItemText, parseTickNote, sectionItemKey } from "../../src/engine/tick-text.js";
import { tickNoteBody } from "../../src/gitlab/fake/tick-notes.js";
import type { Note } from "../../src/gitlab/port.js";

/**
 * Tick notes as GitLab really wrote them (research/gitlab-platform.md section 5). Each must name
 * its item exactly, and no other item, whatever the GitLab version.
 */
const WEEKLY = "Weekly 1-1s (host manager's)";
const CHRONICLE =
  "Chronicle is created as a private project in the admitted GitLab namespace and remains a non-authoritative candidate until every development-resume criterion passes.";
const CLOSE_SOURCE =
  'Close #4 as obsolete: src/x.go says a = "1" — why it is so. <!-- workline:proposal=4/close-obsolete -->';

const REAL_NOTES: [string, string, string, boolean][] = [
  ["before 15.3", `marked the task **${WEEKLY}** as completed`, WEEKLY, true],
  ["15.3 to 17.x", `marked the checklist item **${WEEKLY}** as completed`, WEEKLY, true],
  ["15.3 to 17.x, untick", `marked the checklist item **${WEEKLY}** as incomplete`, WEEKLY, false],
  [
    "GitLab.com now",
    "marked the checklist item **Weekly 1\\-1s \\(host manager\\'s\\)** as completed",
    WEEKLY,
    true,
  ],
  [
    "GitLab.com 2026, read live",
    "marked the checklist item **Chronicle is created as a private project in the admitted GitLab namespace and remains a non\\-authoritative candidate until every development\\-resume criterion passes\\.** as completed",
    CHRONICLE,
    true,
  ],
  [
    "GitLab.com 2026, read live, a comment's text kept",
    'marked the checklist item **Close \\#4 as obsolete: src/x\\.go says a \\= \\"1\\" — why it is so\\.  workline:proposal\\=4/close\\-obsolete** as completed',
    CLOSE_SOURCE,
    true,
  ],
  [
    "15.3 to 17.x, the same item's source",
    `marked the checklist item **${CLOSE_SOURCE}** as completed`,
    CLOSE_SOURCE,
    true,
  ],
];

/**
 * Items with `*` or `_`, and the text GitLab.com's note gives each (`marked the checklist item
 * **<text>** as completed`): CommonMark renders emphasis only where delimiters pair up as opener
 * and closer; a lone delimiter stays literal, so the note escapes it.
 */
const EMPHASIS: [string, string][] = [
  ["Conversation held with alice_", "Conversation held with alice\\_"],
  ["_alice", "\\_alice"],
  ["a_.b", "a\\_\\.b"],
  ["approved*", "approved\\*"],
  ["a*b", "a\\*b"],
  ["**Bold** text", "Bold text"],
  ["*em*", "em"],
  ["_em_", "em"],
  ["snake_case_name", "snake\\_case\\_name"],
  ["a * b", "a \\* b"],
  ["**unclosed", "\\*\\*unclosed"],
  ["a*b*c", "abc"],
  ["***a*", "\\*\\*a"],
  ["*a _b* c_", "a \\_b c\\_"],
];

describe("tick notes for items with emphasis characters", () => {
  it.each(EMPHASIS)("GitLab.com's note for %j names that item", (item, text) => {
    const body = `marked the checklist item **${text}** as completed`;
    expect(parseTickNote(body)).toEqual({ item: sectionItemKey(item), completed: true });
  });

  it.each(EMPHASIS)("the fake GitLab writes the note for %j as GitLab.com does", (item, text) => {
    expect(tickNoteBody("rendered", item, true)).toBe(`marked the checklist item **${text}** as completed`);
  });

  it("tells an item with a lone underscore from the same item without it", () => {
    const body = "marked the checklist item **Conversation held with alice\\_** as completed";
    expect(parseTickNote(body)?.item).not.toBe(sectionItemKey("Conversation held with alice"));
    expect(sectionItemKey("Conversation held with alice_")).not.toBe(
      sectionItemKey("Conversation held with alice"),
    );
  });
});

describe("tick notes as GitLab wrote them", () => {
  it.each(REAL_NOTES)("%s: names its item", (_, body, item, completed) => {
    expect(parseTickNote(body)).toEqual({ item: canonicalItemText(item), completed });
  });

  it.each(REAL_NOTES)("%s: names no item it merely resembles", (_, body, item) => {
    const parsed = parseTickNote(body)!;
    const lookalikes = [
      item.slice(0, -1),
      `${item} extra`,
      item.replace(/-/g, " "),
      item.replace(/\(|\)/g, ""),
      item.replace(/\.$/, ""),
      item.replace(/#4/, "#5"),
      item.toLowerCase(),
    ].filter((other) => other !== item);
    for (const other of lookalikes) expect(parsed.item).not.toBe(canonicalItemText(other));
  });

  it("reads the bot's own annotation off an item unticked after the bot marked it", () => {
    for (const suffix of [" · ticked by bob", " · ticked by bob, which does not count"]) {
      const source = parseTickNote(`marked the checklist item **${WEEKLY}${suffix}** as incomplete`);
      expect(source?.item).toBe(sectionItemKey(WEEKLY));
      const rendered = parseTickNote(
        `marked the checklist item **Weekly 1\\-1s \\(host manager\\'s\\)${suffix.replace(",", "\\,")}** as incomplete`,
      );
      expect(rendered?.item).toBe(sectionItemKey(WEEKLY));
    }
    // Only the bot's own wording is cut: other text after a middle dot is part of the item.
    expect(parseTickNote("marked the checklist item **Weekly · with the host** as completed")?.item).toBe(
      "Weekly · with the host",
    );
  });

  it("reads off who ticks an item, as the section writes it after the item, ticked or not", () => {
    const suffixes = [
      " · who ticks: host manager (dave)",
      " · who ticks: team member (alice) or manager (bob) · ticked by bob",
      " · who ticks: host manager (dave) · ticked by eve, which does not count",
    ];
    for (const suffix of suffixes) {
      const source = parseTickNote(`marked the checklist item **${WEEKLY}${suffix}** as completed`);
      expect(source?.item).toBe(sectionItemKey(WEEKLY));
      const escaped = suffix.replace(/[():,]/g, (c) => `\\${c}`);
      const rendered = parseTickNote(
        `marked the checklist item **Weekly 1\\-1s \\(host manager\\'s\\)${escaped}** as completed`,
      );
      expect(rendered?.item).toBe(sectionItemKey(WEEKLY));
    }
  });

  it.each([
    "changed the description",
    `marked the checklist item **${WEEKLY}** as completed and more`,
    `marked this checklist item **${WEEKLY}** as completed`,
    `Marked the checklist item **${WEEKLY}** as completed`,
    `marked the checklist item ${WEEKLY} as completed`,
  ])("is no tick: %s", (body) => {
    expect(parseTickNote(body)).toBeNull();
  });

  it("takes ticks from system notes only, with who and when", () => {
    const note = (id: number, body: string, system: boolean): Note => ({
      id,
      body,
      system,
      internal: false,
      author: { id: 3, username: "bob" },
      createdAt: "2026-02-02T10:00:00Z",
    });
    const body = "marked the checklist item **Weekly 1\\-1s \\(host manager\\'s\\)** as completed";
    expect(tickEvents([note(1, body, false), note(2, body, true)])).toEqual([
      { noteId: 2, item: sectionItemKey(WEEKLY), completed: true, by: "bob", at: "2026-02-02T10:00:00Z" },
    ]);
  });
});
