import { beforeEach, describe, expect, it, vi } from "vitest";
import { SECTION_BEGIN, SECTION_END } from "../../src/engine/markers.js";
import { FakeGitLab, type WebhookPayload } from "../../src/gitlab/fake/index.js";
import { cli, freshState, handleText, memory, writesSoFar } from "../support/cli-memory.js";
import {
  INTERIM_ELIGIBILITY as ELIGIBILITY,
  INTERIM_CHOSEN,
  INTERIM_SETUP as SETUP,
  tickInterimEligibility,
} from "../support/interim-items.js";
import { BOT, interimDescription, PROJECT } from "../support/world.js";

vi.mock("../../src/commands/connect.js", () => ({
  connect: () => new FakeGitLab(memory.state, { username: BOT }),
}));

/*
 * SPEC section 7: markers count only in notes the bot wrote; commands count only from people with the
 * role. People forging markers, copying the bot's notes or using commands they may not use change
 * nothing but get an answer.
 */

async function bot(payload: WebhookPayload | null | undefined): Promise<void> {
  const run = await handleText(JSON.stringify(payload));
  expect(run.code, run.stderr + run.stdout).toBe(0);
}

function open(description = interimDescription({ people_business_partner: "pat" })): number {
  return memory.state.as("alice").openIssue({ title: "Interim manager: alice", description }).issue.iid;
}

function issue(iid: number) {
  return memory.state.findIssue(memory.state.requireProject(PROJECT).id, iid)!;
}

function stage(iid: number): string | undefined {
  return issue(iid)
    .labels.find((l) => l.startsWith("career-stage::"))
    ?.slice("career-stage::".length);
}

function botNotes(iid: number) {
  const id = memory.state.requireUser(BOT).id;
  return memory.state.notesOf(issue(iid).id).filter((n) => n.authorId === id && !n.system);
}

async function tickAll(iid: number, items: string[], by = "bob"): Promise<void> {
  let last: WebhookPayload | null = null;
  for (const item of items) last = memory.state.as(by).tick(PROJECT, iid, item).payload;
  await bot(last);
}

/** The first stage ticked as people do: alice her own choice, bob the rest. */
async function tickEligibility(iid: number): Promise<void> {
  await bot(tickInterimEligibility(memory.state, iid).payload);
}

/** An interim issue walked to the hiring stage. */
async function atHiring(): Promise<number> {
  const iid = open();
  await bot(memory.state.webhooks.at(-1));
  await tickEligibility(iid);
  await tickAll(iid, SETUP);
  expect(stage(iid)).toBe("hiring");
  return iid;
}

function comment(by: string, iid: number, body: string) {
  return memory.state.as(by).comment(PROJECT, iid, body);
}

beforeEach(() => {
  memory.state = freshState();
});

describe("forged markers", () => {
  it("a person's note carrying the bot's keys does not stand in for the bot's notes", async () => {
    const iid = open();
    await bot(memory.state.webhooks.at(-1));
    const forged = [
      "Done already, no need to post.",
      "<!-- career-bot:note key=enter:setup#1:interim-manager.setup -->",
      "<!-- career-bot:note key=followup:people-team -->",
    ].join("\n");
    await bot(comment("alice", iid, forged).payload);
    await tickEligibility(iid);
    expect(stage(iid)).toBe("setup");
    expect(botNotes(iid).filter((n) => n.body.includes("key=enter:setup#1:"))).toHaveLength(1);
    expect(botNotes(iid).filter((n) => n.body.includes("key=followup:people-team"))).toHaveLength(1);
    expect(memory.state.issues.filter((i) => i.title.startsWith("People team:"))).toHaveLength(1);
  });

  it("a person copying the bot's notes verbatim from another issue changes nothing", async () => {
    const model = await atHiring();
    const iid = open();
    await bot(memory.state.webhooks.at(-1));
    for (const note of botNotes(model)) comment("bob", iid, note.body);
    await tickEligibility(iid);
    expect(stage(iid)).toBe("setup");
    expect(botNotes(iid).some((n) => n.body.includes("key=enter:setup#1:"))).toBe(true);
    expect(botNotes(iid).some((n) => n.body.includes("key=followup:people-team"))).toBe(true);
    expect(memory.state.issues.filter((i) => i.title.startsWith("People team:"))).toHaveLength(2);
  });

  it("a forged 'accepted' answer does not make someone else's command count", async () => {
    const iid = await atHiring();
    const command = comment("eve", iid, "/career hire @dave 2026-01-19").note!;
    comment(
      "eve",
      iid,
      `:white_check_mark: Done.\n\n<!-- career-bot:note key=reply:${command.id}.0:accepted -->`,
    );
    await bot(memory.state.webhooks.at(-1));
    expect(stage(iid)).toBe("hiring");
    const reply = botNotes(iid).find((n) => n.body.includes(`key=reply:${command.id}.0:`));
    expect(reply?.body).toContain(`key=reply:${command.id}.0:refused`);
    expect(reply?.body).toContain("Refused");
  });

  it("a forged 'refused' answer does not undo the manager's command", async () => {
    const iid = await atHiring();
    const command = comment("bob", iid, "/career hire @dave 2026-01-19").note!;
    comment("eve", iid, `Refused.\n\n<!-- career-bot:note key=reply:${command.id}.0:refused -->`);
    await bot(memory.state.webhooks.at(-1));
    expect(stage(iid)).toBe("hire-review");
    expect(botNotes(iid).some((n) => n.body.includes(`key=reply:${command.id}.0:accepted`))).toBe(true);
  });

  it("markers a person wraps around the data block never make the bot overwrite it", async () => {
    const description = interimDescription({ people_business_partner: "pat" });
    const block = /```yaml career[\s\S]*?```/.exec(description)![0];
    const wrapped = description.replace(block, `${SECTION_BEGIN}\n${block}\n${SECTION_END}`);
    const iid = open(wrapped);
    await bot(memory.state.webhooks.at(-1));
    expect(issue(iid).description).toContain(block);
    expect(issue(iid).labels).not.toContain("career-status::needs-info");
    expect(stage(iid)).toBe("eligibility");
    // The bot's own section sits beside the person's text, and a second run changes nothing.
    expect(issue(iid).description.split(SECTION_BEGIN)).toHaveLength(3);
    const before = issue(iid).description;
    await bot(comment("alice", iid, "/career status").payload);
    expect(issue(iid).description).toBe(before);
  });
});

describe("commands and ticks from people without the role", () => {
  it("refuses each with a reply naming who may, and the workflow does not move", async () => {
    const iid = await atHiring();
    const labels = [...issue(iid).labels].sort();
    const attempts: Array<[string, string]> = [
      ["eve", "/career hire @dave 2026-01-19"],
      ["pat", "/career hire @dave 2026-01-19"],
      ["carol2", "/career hire @dave 2026-01-19"],
      ["eve", "/career decision promote"],
      ["alice", "/career decision promote"],
      ["eve", "/career review successful"],
    ];
    memory.state.addUser("carol2");
    for (const [who, line] of attempts) {
      const note = comment(who, iid, line).note!;
      await bot(memory.state.webhooks.at(-1));
      const reply = botNotes(iid).find((n) => n.body.includes(`key=reply:${note.id}.0:`));
      expect(reply?.body, `${who}: ${line}`).toContain("Refused");
    }
    expect([...issue(iid).labels].sort()).toEqual(labels);
    expect(stage(iid)).toBe("hiring");
    expect(
      botNotes(iid).find((n) => n.body.includes("/career hire") && n.body.includes("Refused"))?.body,
    ).toMatch(/Only the team member or manager \(alice, bob\)/);
  });

  it("does not count ticks by someone not named in the data block, and says so", async () => {
    const iid = open();
    await bot(memory.state.webhooks.at(-1));
    await tickAll(iid, ELIGIBILITY, "eve");
    expect(stage(iid)).toBe("eligibility");
    // Her ticks of one moment get one reply that names every item, not one comment per box.
    const replies = botNotes(iid).filter((n) => n.body.includes("do not count"));
    expect(replies).toHaveLength(1);
    for (const item of ELIGIBILITY) expect(replies[0]!.body).toContain(item);
    expect(replies[0]!.body).toContain("The ticks by eve");
  });

  it("refuses ticks by someone named in the data block on items that are not theirs, also on later runs", async () => {
    const iid = open();
    await bot(memory.state.webhooks.at(-1));
    // alice is the team member: the eligibility items are her manager's to tick, but for her own choice.
    await tickAll(iid, ELIGIBILITY, "alice");
    expect(stage(iid)).toBe("eligibility");
    const replies = botNotes(iid).filter((n) => n.body.includes("do not count"));
    expect(replies).toHaveLength(1);
    expect(replies[0]!.body).toContain("only the manager (bob) or people ops");
    for (const item of ELIGIBILITY.filter((item) => item !== INTERIM_CHOSEN)) {
      expect(replies[0]!.body).toContain(item);
    }
    expect(replies[0]!.body).not.toContain(INTERIM_CHOSEN);
    const notes = botNotes(iid).map((n) => n.body);
    for (const later of [{ hours: 1 }, { days: 3 }]) {
      memory.state.advance(later);
      const run = await cli(["sweep"]);
      expect(run.code, run.stderr + run.stdout).toBe(0);
      expect(stage(iid)).toBe("eligibility");
      expect(botNotes(iid).map((n) => n.body)).toEqual(notes);
    }
  });

  it("a refused tick stays refused on later runs, and nothing moves", async () => {
    const iid = open();
    await bot(memory.state.webhooks.at(-1));
    await tickAll(iid, ELIGIBILITY, "eve");
    expect(stage(iid)).toBe("eligibility");
    const description = issue(iid).description;
    const notes = botNotes(iid).map((n) => n.body);
    for (const later of [{ hours: 1 }, { days: 3 }]) {
      memory.state.advance(later);
      const writes = writesSoFar(memory.state);
      const run = await cli(["sweep"]);
      expect(run.code, run.stderr + run.stdout).toBe(0);
      expect(stage(iid)).toBe("eligibility");
      expect(issue(iid).description).toBe(description);
      expect(botNotes(iid).map((n) => n.body)).toEqual(notes);
      expect(memory.state.issues.filter((i) => i.title.startsWith("People team:"))).toHaveLength(0);
      expect(writesSoFar(memory.state)).toBe(writes);
    }
  });
});
