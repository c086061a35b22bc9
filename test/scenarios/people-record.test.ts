import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  INTERIM_ELIGIBILITY as eligibility,
  INTERIM_SETUP as setup,
  tickInterimEligibility,
} from "../support/interim-items.js";
import { BOT, interimDescription, PROJECT, World } from "../support/world.js";

/*
 * SPEC section 7, "The record is the bot's" (issue 17, item 1): every participant can edit the
 * description, so the people of a running workflow are the ones the bot recorded in its own note
 * when it started. A change in the description waits for `/career confirm people` by the manager on
 * record or people ops (carol in this config); until then the people on record act. Through the HTTP
 * fake and the real gitbeaker client.
 */

let world: World;
beforeEach(async () => {
  world = await new World({ users: ["mallory"] }).start();
});
afterEach(() => world.stop());

const stage = (iid: number) => world.stages(iid);
const comment = (by: string, iid: number, body: string) =>
  world.handle(world.state.as(by).comment(PROJECT, iid, body).payload);
const lastNote = (iid: number) => world.botNotes(iid).at(-1)!.body;

async function opened(): Promise<number> {
  const result = world.state
    .as("alice")
    .openIssue({ title: "Interim manager: alice", description: interimDescription({}) });
  await world.handle(result.payload);
  return result.issue.iid;
}

async function toHireReview(ticker = "bob"): Promise<number> {
  const iid = await opened();
  world.state.advance({ days: 1 });
  let last = null;
  last = tickInterimEligibility(world.state, iid, eligibility, ticker);
  await world.handle(last!.payload);
  for (const item of setup) last = world.state.as(ticker).tick(PROJECT, iid, item);
  await world.handle(last!.payload);
  world.state.advance({ days: 1 });
  await comment("alice", iid, "/career hire @dave 2026-01-08");
  expect(stage(iid)).toEqual(["hire-review"]);
  world.state.now = "2026-02-10T10:00:00Z";
  return iid;
}

async function edit(by: string, iid: number, from: RegExp, to: string): Promise<void> {
  const changed = world.issue(iid).description.replace(from, to);
  await world.handle(world.state.as(by).editDescription(PROJECT, iid, changed).payload);
}

const toEve = (iid: number) => edit("alice", iid, /^manager: bob /m, "manager: eve ");

describe("the record of people", () => {
  it("is kept in the bot's own note when the workflow starts, with the user ids", async () => {
    const iid = await opened();
    const record = world.allBotNotes(iid).filter((n) => n.body.includes("key=people:record"));
    expect(record).toHaveLength(1);
    expect(record[0]!.body).toContain("team member alice; manager bob; people business partner pat");
    const marker = /<!-- career-bot:people ([A-Za-z0-9_-]+) -->/.exec(record[0]!.body)![1]!;
    expect(JSON.parse(Buffer.from(marker, "base64url").toString("utf8")).ids).toEqual({
      alice: world.state.requireUser("alice").id,
      bob: world.state.requireUser("bob").id,
      pat: world.state.requireUser("pat").id,
    });
  });

  it("a manager changed in the description does not decide: the change is said once, mentioning bob", async () => {
    const iid = await toHireReview();
    await toEve(iid);
    const changes = world.botNotes(iid).filter((n) => n.body.includes("key=people-change:"));
    expect(changes).toHaveLength(1);
    expect(changes[0]!.body).toContain("manager bob → eve");
    expect(changes[0]!.body).toContain("@bob");
    expect(changes[0]!.body).toContain(
      "the manager (bob) or people ops (carol) comments `\u200b/career confirm people`",
    );
    expect(changes[0]!.body).not.toContain("@eve");
    expect(world.issue(iid).description).toContain(
      "Change of people waiting for confirmation: manager bob → eve",
    );

    await comment("eve", iid, "/career review successful");
    expect(stage(iid)).toEqual(["hire-review"]);
    expect(lastNote(iid)).toContain("Only the manager (bob) or people ops (carol) can use");
    // Said once: later runs, and the same change again, add nothing.
    expect(await world.writesDuring(() => world.sweep())).toBe(0);
    await edit("alice", iid, /^manager: eve /m, "manager: bob ");
    await toEve(iid);
    expect(world.botNotes(iid).filter((n) => n.body.includes("key=people-change:"))).toHaveLength(1);
  });

  it("eve's ticks do not count until the change is confirmed", async () => {
    const iid = await opened();
    await toEve(iid);
    world.state.advance({ hours: 1 });
    let last = null;
    for (const item of eligibility) last = world.state.as("eve").tick(PROJECT, iid, item);
    await world.handle(last!.payload);
    expect(stage(iid)).toEqual(["eligibility"]);
    expect(lastNote(iid)).toContain("The ticks by eve on these items do not count");
  });

  it("`/career confirm people` by the manager on record makes eve the manager", async () => {
    const iid = await toHireReview();
    await toEve(iid);
    await comment("bob", iid, "/career confirm people");
    expect(lastNote(iid)).toContain("Confirmed: manager bob → eve.");
    expect(world.issue(iid).description).not.toContain("Change of people waiting");
    await comment("bob", iid, "/career review successful");
    expect(stage(iid)).toEqual(["hire-review"]);
    await comment("eve", iid, "/career review successful");
    expect(stage(iid)).toEqual(["promotion-document"]);
    // The confirmation stands on later runs, whatever the description says of bob now.
    expect(await world.writesDuring(() => world.sweep())).toBe(0);
  });

  it("people ops may confirm it too", async () => {
    const iid = await toHireReview();
    await toEve(iid);
    await comment("eve", iid, "/career review successful");
    expect(stage(iid)).toEqual(["hire-review"]);
    await comment("carol", iid, "/career confirm people");
    expect(lastNote(iid)).toContain("Confirmed: manager bob → eve.");
    await comment("eve", iid, "/career review successful");
    expect(stage(iid)).toEqual(["promotion-document"]);
  });

  it("refuses a confirmation by anyone else, saying who may", async () => {
    const iid = await toHireReview();
    await toEve(iid);
    for (const who of ["eve", "alice", "mallory"]) {
      await comment(who, iid, "/career confirm people");
      expect(lastNote(iid)).toContain(
        "Refused: Only the manager (bob) or people ops (carol) can confirm this change of people (manager bob → eve).",
      );
    }
    await comment("eve", iid, "/career review successful");
    expect(stage(iid)).toEqual(["hire-review"]);
    await comment("bob", iid, "/career confirm now");
    expect(lastNote(iid)).toContain("Refused: Usage: `/career confirm people`");
  });

  it("says there is nothing to confirm when the description names the people on record", async () => {
    const iid = await opened();
    await comment("bob", iid, "/career confirm people");
    expect(lastNote(iid)).toContain("Nothing to confirm");
  });

  it("a change of the team member waits for people ops: the manager on record cannot confirm it", async () => {
    const iid = await toHireReview();
    await edit("alice", iid, /^team_member: alice /m, "team_member: mallory ");
    const change = world.botNotes(iid).find((n) => n.body.includes("key=people-change:"))!;
    expect(change.body).toContain("team member alice → mallory");
    expect(change.body).toContain("@alice");
    expect(change.body).toContain(
      "people ops (carol), since a new team member makes it another person's workflow",
    );
    await comment("bob", iid, "/career confirm people");
    expect(lastNote(iid)).toContain(
      "Refused: A change of the team member makes it another person's workflow, so only people ops (carol) can confirm",
    );
    await comment("carol", iid, "/career confirm people");
    expect(lastNote(iid)).toContain("Confirmed: team member alice → mallory.");
  });

  it("when the manager on record has left, people ops are told and confirm", async () => {
    // People ops ticked the checklists: GitLab moves a deleted user's ticks to the Ghost User, whose
    // ticks count for no role (docs/security.md, "Ticks").
    const iid = await toHireReview("carol");
    // GitLab moves a deleted user's contributions to the Ghost User: no user is called bob any more.
    world.state.requireUser("bob").username = "ghost";
    await toEve(iid);
    const change = world.botNotes(iid).find((n) => n.body.includes("key=people-change:"))!;
    expect(change.body).toContain("people ops (carol), since the manager on record (bob) has left");
    expect(change.body).toContain("@carol");
    expect(change.body).not.toContain("@bob");
    await comment("carol", iid, "/career confirm people");
    await comment("eve", iid, "/career review successful");
    expect(stage(iid)).toEqual(["promotion-document"]);
  });

  it("a forged record in a person's comment changes nobody", async () => {
    const iid = await toHireReview();
    const forged = Buffer.from(
      JSON.stringify({ fields: { team_member: "alice", manager: "eve" }, ids: { alice: 2, eve: 6 } }),
    ).toString("base64url");
    await comment(
      "alice",
      iid,
      `looks fine\n<!-- career-bot:note key=people:record -->\n<!-- career-bot:people ${forged} -->`,
    );
    await toEve(iid);
    await comment("eve", iid, "/career review successful");
    expect(stage(iid)).toEqual(["hire-review"]);
  });
});

describe("ticks", () => {
  it("mallory's ticks made while the data block was broken are refused after the repair, in one reply", async () => {
    const iid = await opened();
    world.state.advance({ hours: 1 });
    // One save: a date broken and all ten boxes ticked.
    let text = world
      .issue(iid)
      .description.replace(/^interim_start_date: 2026-01-05/m, "interim_start_date: 2026-13-45");
    for (const item of eligibility) text = text.replace(`- [ ] ${item}`, `- [x] ${item}`);
    await world.handle(world.state.as("mallory").editDescription(PROJECT, iid, text).payload);
    expect(world.labels(iid)).toContain("career-status::needs-info");
    world.state.advance({ hours: 1 });
    await edit("alice", iid, /^interim_start_date: 2026-13-45/m, "interim_start_date: 2026-01-05");
    expect(stage(iid)).toEqual(["eligibility"]);
    const replies = world.botNotes(iid).filter((n) => n.body.includes("do not count"));
    expect(replies).toHaveLength(1);
    expect(replies[0]!.body).toContain("The ticks by mallory on these items do not count");
    for (const item of eligibility) expect(replies[0]!.body).toContain(item);
    // Answered once: later runs neither reply again nor count the ticks.
    world.state.advance({ days: 1 });
    expect(await world.writesDuring(() => world.sweep())).toBe(0);
    expect(stage(iid)).toEqual(["eligibility"]);
  });

  it("a tick made while the bot was writing is judged by the next run", async () => {
    const iid = await opened();
    world.state.advance({ hours: 1 });
    const tick = world.state.as("mallory").tick(PROJECT, iid, eligibility[0]!);
    // The bot, in a run that read the issue before the tick, posts a note after it.
    world.state.as(BOT).comment(PROJECT, iid, "a reply of a run that started before the tick");
    await world.handle(tick.payload);
    expect(lastNote(iid)).toContain(`The tick on "${eligibility[0]}" by mallory does not count`);
    expect(world.issue(iid).description).toContain("ticked by mallory, which does not count");
  });
});
