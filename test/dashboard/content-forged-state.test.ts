import { describe, expect, it } from "vitest";
import { readDashboardInput } from "../../src/dashboard/read.js";
import { stateMarkerParts } from "../../src/engine/dashboard-state.js";
import { stateSigner } from "../../src/engine/state-signature.js";
import { DashboardWorld } from "../support/dashboard-world.js";
import { PROJECT } from "../support/world.js";

/*
 * Issue 17 item 5b: the dashboard shows a workflow's stage, outcome and refusals from the state
 * marker in the issue description, which any member can edit. The bot signs the marker (an HMAC
 * bound to the issue, keyed by a secret only it holds); the dashboard takes only a marker whose
 * signature verifies, and goes by the labels otherwise. It reads the same listings as before.
 */
const SCOPE = { project: PROJECT };

/** The description with the marker's payload changed by `edit`, the signature kept or dropped. */
function forged(description: string, edit: (state: Record<string, unknown>) => void, keepSignature: boolean) {
  const parts = stateMarkerParts(description)!;
  const state = JSON.parse(Buffer.from(parts.payload, "base64url").toString("utf8"));
  edit(state);
  const payload = Buffer.from(JSON.stringify(state)).toString("base64url");
  const written = `${parts.payload}${parts.signature ? `.${parts.signature}` : ""}`;
  const replacement = keepSignature && parts.signature ? `${payload}.${parts.signature}` : payload;
  return description.replace(written, replacement);
}

async function opened() {
  const world = new DashboardWorld();
  const { issue } = world.openInterim();
  await world.sweep();
  return { world, iid: issue.iid, id: issue.projectId };
}

describe("a state marker a person edited", () => {
  it("is signed by the bot, and the dashboard shows its state", async () => {
    const { world, iid, id } = await opened();
    const description = world.state.findIssue(id, iid)!.description;
    const parts = stateMarkerParts(description)!;
    expect(parts.signature).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(await world.expectedMarkdown(SCOPE)).toMatch(/\| alice \| Eligibility \|.*\| bob \|/);
  });

  for (const keepSignature of [true, false]) {
    it(`is not shown as the bot's (${keepSignature ? "old signature kept" : "signature removed"}): the dashboard goes by the labels`, async () => {
      const { world, iid, id } = await opened();
      const issue = world.state.findIssue(id, iid)!;
      issue.description = forged(
        issue.description,
        (state) => {
          state.actors = ["mallory"];
          state.refused = [{ day: world.state.today(), verb: "decision", by: "bob" }];
        },
        keepSignature,
      );
      const markdown = await world.expectedMarkdown(SCOPE);
      expect(markdown).not.toContain("mallory");
      expect(markdown).not.toMatch(/refused/i);
      // The labels still say where the workflow is; what only the marker knew is "unknown".
      expect(markdown).toMatch(/\| unknown \| Eligibility \| unknown \|.*\| nobody named \|/);
    });
  }

  it("is not shown when copied, signature and all, from another issue", async () => {
    const { world, iid, id } = await opened();
    const other = world.openInterim(PROJECT, "Interim manager: dave").issue;
    await world.sweep();
    const source = stateMarkerParts(world.state.findIssue(id, iid)!.description)!;
    const target = world.state.findIssue(id, other.iid)!;
    const own = stateMarkerParts(target.description)!;
    target.description = target.description.replace(
      `${own.payload}.${own.signature}`,
      `${source.payload}.${source.signature}`,
    );
    const input = await readDashboardInput(await world.context(), SCOPE);
    const copied = input.open.find((issue) => issue.iid === other.iid)!;
    expect(stateMarkerParts(copied.description)).toBeUndefined();
    expect(stateMarkerParts(input.open.find((issue) => issue.iid === iid)!.description)).toBeDefined();
  });

  it("costs no request to check: the dashboard reads the same two listings", async () => {
    const { world } = await opened();
    const ctx = await world.context();
    world.calls.length = 0;
    await readDashboardInput(ctx, SCOPE);
    expect(world.calls.map((call) => call.split(" ")[0])).toEqual(["listIssues", "listIssues"]);
  });

  it("does not verify under another key (a rotated token without CAREER_BOT_STATE_SECRET)", async () => {
    const { world, iid, id } = await opened();
    const ctx = await world.context();
    ctx.stateSigner = stateSigner("another key");
    const input = await readDashboardInput(ctx, SCOPE);
    expect(stateMarkerParts(input.open.find((issue) => issue.iid === iid)!.description)).toBeUndefined();
    expect(stateMarkerParts(world.state.findIssue(id, iid)!.description)).toBeDefined();
  });
});
