import { noteMarker } from "../../src/engine/markers.js";
import { PEOPLE_RECORD_KEY, peopleRecordMarker } from "../../src/engine/people-record.js";
import type { FakeGitLabState } from "../../src/gitlab/fake/index.js";

/**
 * Gives an issue the note the bot posts when a workflow starts, recording its people with their ids
 * (src/engine/people-record.ts), for suites that count a sweep's writes on issues people just opened
 * and measure something else than that first note (pacing, scale).
 */
export function recordPeople(
  state: FakeGitLabState,
  issueId: number,
  people: Record<string, string>,
  bot = "career-bot",
): void {
  const ids = Object.fromEntries(Object.values(people).map((name) => [name, state.requireUser(name).id]));
  const body = `The people of this workflow are on record.\n\n${noteMarker(PEOPLE_RECORD_KEY)}\n${peopleRecordMarker({ fields: people, ids })}`;
  state.notes.push({
    id: state.nextId("note"),
    issueId,
    body,
    authorId: state.requireUser(bot).id,
    system: false,
    internal: false,
    createdAt: state.now,
    updatedAt: state.now,
  });
}
