import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { interimDescription, World } from "../support/world.js";

/*
 * SPEC section 7, "Quiet": a sweep with nothing due writes nothing and reads little. Counted on the
 * HTTP fake through gitbeaker, request by request (docs/maintaining.md "Performance" has the figures at scale).
 */

let world: World;
beforeEach(async () => {
  world = await new World().start();
  const opened = world.state
    .as("alice")
    .openIssue({ title: "Interim manager: alice", description: interimDescription({}) });
  expect((await world.handle(opened.payload)).code).toBe(0);
});
afterEach(() => world.stop());

function requests() {
  return Object.fromEntries(world.state.requestCounts);
}

describe("a sweep with nothing due", () => {
  it("reads the issue's notes once and nothing else when it changed lately, and writes nothing", async () => {
    world.state.advance({ hours: 1 });
    world.state.requestCounts.clear();
    expect((await world.sweep()).code).toBe(0);
    // Who the bot is, the due list, the recently updated list, the notes; no fresh read of the issue
    // (its section would not change) and no user look-up: the block's three people are on record,
    // with their ids, in the bot's own note. Then the webhook's health and when the bot's token expires.
    expect(requests()).toEqual({
      "GET /user": 1,
      "GET /projects/:id/issues": 2,
      "GET /projects/:id/issues/:iid/notes": 1,
      "GET /projects/:id/hooks": 1,
      "GET /personal_access_tokens/self": 1,
    });
  });

  it("makes five requests when nothing was updated lately either", async () => {
    world.state.advance({ days: 3 });
    world.state.requestCounts.clear();
    expect((await world.sweep()).code).toBe(0);
    expect(requests()).toEqual({
      "GET /user": 1,
      "GET /projects/:id/issues": 2,
      "GET /projects/:id/hooks": 1,
      "GET /personal_access_tokens/self": 1,
    });
  });
});
