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
