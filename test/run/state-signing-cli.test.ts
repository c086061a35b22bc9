import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { stateMarkerParts } from "../../src/engine/dashboard-state.js";
import { stateSigner } from "../../src/engine/state-signature.js";
import { BOT_TOKEN, interimDescription, World } from "../support/world.js";

/*
 * Issue 17 item 5b, key management: `handle` and `sweep` sign the state marker with a key derived
 * from CAREER_BOT_STATE_SECRET when it is set, else from the bot's token.
 */
let world: World;
beforeEach(async () => {
  world = await new World().start();
});
afterEach(() => world.stop());

function open() {
  return world.state.as("alice").openIssue({
    title: "Interim manager: alice",
    description: interimDescription({}),
  });
}

describe("the state marker the CLI writes", () => {
  it("is signed with a key from the token when no CAREER_BOT_STATE_SECRET is set", async () => {
    const opened = open();
    expect((await world.handle(opened.payload)).code).toBe(0);
    const issue = world.issue(opened.issue.iid);
    const parts = stateMarkerParts(issue.description)!;
    expect(stateSigner(BOT_TOKEN).verify(issue, parts.payload, parts.signature!)).toBe(true);
  });

  it("is signed with a key from CAREER_BOT_STATE_SECRET when it is set, and not from the token", async () => {
    world.extraEnv = { CAREER_BOT_STATE_SECRET: "a-long-lived-state-secret" };
    const opened = open();
    expect((await world.handle(opened.payload)).code).toBe(0);
    const issue = world.issue(opened.issue.iid);
    const parts = stateMarkerParts(issue.description)!;
    expect(stateSigner("a-long-lived-state-secret").verify(issue, parts.payload, parts.signature!)).toBe(
      true,
    );
    expect(stateSigner(BOT_TOKEN).verify(issue, parts.payload, parts.signature!)).toBe(false);
    // The signature is a MAC, not the secret: neither appears in the description.
    expect(issue.description).not.toContain("a-long-lived-state-secret");
    expect(issue.description).not.toContain(BOT_TOKEN);
  });
});

describe("a paused workflow's last state", () => {
  it("is carried over only from a marker the bot signed, not from one a person forged", async () => {
    const opened = open();
    expect((await world.handle(opened.payload)).code).toBe(0);
    const iid = opened.issue.iid;
    const before = world.issue(iid).description;
    const parts = stateMarkerParts(before)!;
    const state = JSON.parse(Buffer.from(parts.payload, "base64url").toString("utf8"));
    state.member = "mallory";
    state.refused = [{ day: world.state.today(), verb: "decision", by: "bob" }];
    const forgedPayload = Buffer.from(JSON.stringify(state)).toString("base64url");
    // One edit: the data block broken (the workflow pauses) and the marker forged, signature kept.
    const edited = before
      .replace(`${parts.payload}.${parts.signature}`, `${forgedPayload}.${parts.signature}`)
      .replace(/start_date: \S+/, "start_date: someday");
    const edit = world.state.as("alice").update(world.issue(iid).projectId, iid, { description: edited });
    expect((await world.handle(edit.payload)).code).toBe(0);
    const after = stateMarkerParts(world.issue(iid).description)!;
    const carried = JSON.parse(Buffer.from(after.payload, "base64url").toString("utf8"));
    expect(carried.needsInfo).toBeDefined();
    expect(carried.member).not.toBe("mallory");
    expect(carried.refused).toBeUndefined();
    const issue = world.issue(iid);
    expect(stateSigner(BOT_TOKEN).verify(issue, after.payload, after.signature!)).toBe(true);
  });
});
