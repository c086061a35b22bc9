import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { interimDescription, PROJECT, World } from "../support/world.js";

/*
 * The bot quotes a command in its reply behind a zero-width space, so the quote can never run as a
 * quick action. A person who copies that line back into a comment must still get an answer.
 */

let world: World;
let iid: number;
beforeEach(async () => {
  world = await new World().start();
  const opened = world.state
    .as("alice")
    .openIssue({ title: "Interim manager: alice", description: interimDescription({}) });
  iid = opened.issue.iid;
  expect((await world.handle(opened.payload)).code).toBe(0);
});
afterEach(() => world.stop());

/** What a reader copies from the bot's rendered reply to a comment: the quoted command line. */
function quotedCommand(noteId: number): string {
  const reply = world.botNotes(iid).find((n) => n.body.includes(`key=reply:${noteId}.0:`));
  expect(reply).toBeDefined();
  const quote = reply!.body.split("\n").find((line) => line.startsWith("> "));
  expect(quote).toBeDefined();
  return quote!.slice(2);
}

describe("a command copied from the bot's reply", () => {
  it("is answered like one typed by hand", async () => {
    world.state.advance({ minutes: 5 });
    const typed = world.state.as("bob").comment(PROJECT, iid, "/career status");
    await world.handle(typed.payload!);
    const pasted = quotedCommand(typed.note!.id);
    // The bot's text really carries the zero-width space, so this test pastes what people paste.
    expect(pasted).toBe("\u200b/career status");

    world.state.advance({ minutes: 5 });
    const again = world.state.as("bob").comment(PROJECT, iid, pasted);
    expect((await world.handle(again.payload!)).code).toBe(0);
    expect(world.noteKeys(iid)).toContain(`reply:${again.note!.id}.0:accepted`);
    // Its own reply is answered no further: the bot never reads its notes as commands.
    expect(world.noteKeys(iid).filter((key) => key.startsWith("reply:"))).toHaveLength(2);
  });

  it("reads a username argument through the zero-width space the reply put after @", async () => {
    world.state.advance({ minutes: 5 });
    const typed = world.state.as("bob").comment(PROJECT, iid, "/career hire @dave 2026-01-19");
    await world.handle(typed.payload!);
    const pasted = quotedCommand(typed.note!.id);
    expect(pasted).toBe("\u200b/career hire @\u200bdave 2026-01-19");
    const again = world.state.as("bob").comment(PROJECT, iid, `\ufeff${pasted}\u2060`);
    expect((await world.handle(again.payload!)).code).toBe(0);
    const reply = world.botNotes(iid).find((n) => n.body.includes(`key=reply:${again.note!.id}.0:`));
    expect(reply?.body).toContain("> \u200b/career hire @\u200bdave 2026-01-19");
    expect(reply?.body).not.toContain("is not a GitLab username");
  });
});
