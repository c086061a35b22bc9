import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { InvalidPayloadError, parseEvent } from "../../src/gitlab/events.js";
import { FakeGitLab, type WebhookPayload } from "../../src/gitlab/fake/index.js";
import { freshState, handleText, memory, writesSoFar } from "../support/cli-memory.js";
import { BOT, interimDescription, PROJECT } from "../support/world.js";

vi.mock("../../src/commands/connect.js", () => ({
  connect: () => new FakeGitLab(memory.state, { username: BOT }),
}));

/*
 * SPEC sections 2 and 7: whatever arrives as an event, `handle` never crashes and exits 0 (not for the
 * bot: ignored with a reason) or 2 (not a GitLab event at all), and writes nothing to GitLab.
 */

/** A workflow issue the bot has not seen yet (so any handling would write), and its payloads. */
function settledWorld(): { issueHook: WebhookPayload; noteHook: WebhookPayload } {
  memory.state = freshState();
  const alice = memory.state.as("alice");
  const opened = alice.openIssue({ title: "Interim manager: alice", description: interimDescription({}) });
  const note = alice.comment(PROJECT, opened.issue.iid, "/career status");
  return { issueHook: opened.payload, noteHook: note.payload! };
}

type Json = Record<string, unknown>;

type Kind = "issue" | "note";

/** Changes that make a real event one the bot must ignore, and the hooks they apply to. */
const notForTheBot: Array<[string, Kind[], (payload: Json) => void]> = [
  ["a work item", ["issue", "note"], (p) => Object.assign(p, { object_kind: "work_item" })],
  ["a task", ["issue"], (p) => Object.assign(p.object_attributes as Json, { type: "Task" })],
  ["an OKR", ["issue"], (p) => Object.assign(p.object_attributes as Json, { type: "Objective" })],
  ["a comment on a task", ["note"], (p) => Object.assign(p.issue as Json, { type: "Task" })],
  [
    "a merge request note",
    ["note"],
    (p) => Object.assign(p.object_attributes as Json, { noteable_type: "MergeRequest" }),
  ],
  ["a commit note", ["note"], (p) => Object.assign(p.object_attributes as Json, { noteable_type: "Commit" })],
  [
    "an unknown issue action",
    ["issue"],
    (p) => Object.assign(p.object_attributes as Json, { action: "delete" }),
  ],
  [
    "another project's id",
    ["issue", "note"],
    (p) => Object.assign(p.project as Json, { id: 4242, path_with_namespace: "x/y" }),
  ],
  [
    "another project's path",
    ["issue", "note"],
    (p) => Object.assign(p.project as Json, { path_with_namespace: "other/project" }),
  ],
  ["the bot itself", ["issue", "note"], (p) => Object.assign(p.user as Json, { username: BOT, id: 1 })],
  ["a system note", ["note"], (p) => Object.assign(p.object_attributes as Json, { system: true })],
  ["a push", ["issue", "note"], (p) => Object.assign(p, { object_kind: "push" })],
  ["an emoji", ["issue", "note"], (p) => Object.assign(p, { object_kind: "emoji" })],
  [
    "an issue without a workflow label",
    ["issue", "note"],
    (p) => {
      p.labels = [];
      (p.object_attributes as Json).labels = [];
      if (p.issue) (p.issue as Json).labels = [];
    },
  ],
];
const cases = notForTheBot.flatMap(([name, kinds, mutate]) => kinds.map((kind) => ({ name, kind, mutate })));

async function expectNothingWritten(text: string, allowed: number[]) {
  const before = writesSoFar(memory.state);
  const run = await handleText(text);
  expect(allowed, `exit ${run.code}: ${run.stderr}${run.stdout}`).toContain(run.code);
  expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
  expect(writesSoFar(memory.state)).toBe(before);
  return run;
}

describe("bad webhook payloads: never a crash, nothing written", () => {
  it("ignores events that are not for the bot, with a reason, exit 0", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...cases), async ({ kind, mutate }) => {
        const { issueHook, noteHook } = settledWorld();
        const payload = structuredClone(kind === "issue" ? issueHook : noteHook) as unknown as Json;
        mutate(payload);
        const run = await expectNothingWritten(JSON.stringify(payload), [0, 2]);
        if (run.code === 0) expect(run.stdout).toMatch(/^ignored: .+/);
      }),
      { numRuns: 50, seed: 5 },
    );
  });

  it("exits 2 on truncated JSON, and on JSON that is not a GitLab event", async () => {
    const { issueHook, noteHook } = settledWorld();
    const texts = [JSON.stringify(issueHook), JSON.stringify(noteHook)];
    const truncated = fc
      .tuple(fc.constantFrom(...texts), fc.double({ min: 0, max: 0.999, noNaN: true }))
      .map(([text, at]) => text.slice(0, Math.floor(text.length * at)));
    await fc.assert(
      fc.asyncProperty(truncated, async (text) => {
        const run = await expectNothingWritten(text, [2]);
        expect(run.stderr).toMatch(/invalid event/);
      }),
      { numRuns: 30, seed: 6 },
    );
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 6 }), async (value) => {
        await expectNothingWritten(JSON.stringify(value), [0, 2]);
      }),
      { numRuns: 40, seed: 8 },
    );
  });

  it("exits 0 or 2 when fields have the wrong type, and writes only for a real event of this project", async () => {
    const anyValue = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.string({ maxLength: 20_000 }));
    const paths = [
      ["object_kind"],
      ["user"],
      ["user", "id"],
      ["user", "username"],
      ["project"],
      ["project", "id"],
      ["object_attributes"],
      ["object_attributes", "iid"],
      ["object_attributes", "state"],
      ["object_attributes", "labels"],
      ["labels"],
      ["issue"],
      ["object_attributes", "note"],
      ["object_attributes", "noteable_type"],
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("issue", "note"),
        fc.constantFrom(...paths),
        anyValue,
        async (kind, path, value) => {
          const { issueHook, noteHook } = settledWorld();
          const payload = structuredClone(kind === "issue" ? issueHook : noteHook) as unknown as Json;
          let target = payload;
          for (const key of path.slice(0, -1)) target = (target[key] ?? {}) as Json;
          target[path.at(-1)!] = value;
          const text = JSON.stringify(payload);
          let valid = true;
          try {
            const event = parseEvent(text);
            valid = event.kind !== "ignored";
          } catch (error) {
            expect(error).toBeInstanceOf(InvalidPayloadError);
            valid = false;
          }
          if (!valid) {
            await expectNothingWritten(text, [0, 2]);
            return;
          }
          // Still a real event of this project: handled like any other, no crash.
          const run = await handleText(text);
          expect([0]).toContain(run.code);
        },
      ),
      { numRuns: 60, seed: 9 },
    );
  });

  it("parses anything to an event, an ignored event or an InvalidPayloadError", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.jsonValue().map((v) => JSON.stringify(v)),
        ),
        (text) => {
          try {
            parseEvent(text);
          } catch (error) {
            expect(error).toBeInstanceOf(InvalidPayloadError);
          }
        },
      ),
      { numRuns: 500, seed: 2 },
    );
  });
});
