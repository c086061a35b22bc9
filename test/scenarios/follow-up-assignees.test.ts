import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { tickInterimEligibility } from "../support/interim-items.js";
import { interimDescription, World } from "../support/world.js";

/*
 * Assigning two people is a Premium feature: on GitLab Free, `POST /projects/:id/issues` with two
 * `assignee_ids` keeps the first and drops the other without an error
 * (IssuableBaseService#filter_assignees_using_checks). The fake behaves like Free by default, so the
 * People-team follow-up must name everyone who acts in its description.
 */

let world: World;
beforeEach(async () => {
  world = await new World().start();
});
afterEach(() => world.stop());

async function followUpOf(pbp: string) {
  const opened = world.state.as("alice").openIssue({
    title: "Interim manager: alice",
    description: interimDescription({ people_business_partner: pbp }),
  });
  expect((await world.handle(opened.payload)).code).toBe(0);
  world.state.advance({ days: 1 });
  let last = null;
  last = tickInterimEligibility(world.state, opened.issue.iid);
  expect((await world.handle(last!.payload)).code).toBe(0);
  const followUp = world.state.issues.find((i) => i.title.startsWith("People team: interim manager setup"));
  expect(followUp).toBeDefined();
  return followUp!;
}

describe("the People-team follow-up on GitLab Free", () => {
  it("keeps one assignee but names the business partner and the manager in its description", async () => {
    const followUp = await followUpOf("pat");
    expect(followUp.assigneeIds).toEqual([world.state.requireUser("pat").id]);
    expect(followUp.description).toContain("Over to @pat @bob:");
    // The follow-up's marker search runs only on the run that creates it, never in a later sweep.
    world.state.issueSearches = 0;
    world.state.advance({ hours: 1 });
    expect((await world.sweep()).code).toBe(0);
    expect(world.state.issueSearches).toBe(0);
  });

  it("is assigned to both on Premium, and still names both", async () => {
    world.state.multipleAssignees = true;
    const followUp = await followUpOf("pat");
    expect(followUp.assigneeIds.map((id) => world.state.userById(id).username).sort()).toEqual([
      "bob",
      "pat",
    ]);
    expect(followUp.description).toContain("Over to @pat @bob:");
  });
});
