import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { INTERIM_SETUP as setup, tickInterimEligibility } from "../support/interim-items.js";
import { TICK_NOTE_WORDINGS, tickEach, tickNotesWorded } from "../support/walk.js";
import { BOT, interimDescription, PROJECT, World } from "../support/world.js";

let world: World;
beforeEach(async () => {
  world = await new World().start();
});
afterEach(() => world.stop());

/** Alice's interim issue, opened and handled, then both of bob's checklists (and her own choice) ticked a day later. */
async function openPastSetup(fields: Parameters<typeof interimDescription>[0]): Promise<number> {
  const opened = world.state.as("alice").openIssue({
    title: "Interim manager: alice",
    description: interimDescription(fields),
  });
  const iid = opened.issue.iid;
  await world.handle(opened.payload);
  world.state.advance({ days: 1 });
  await world.handle(tickInterimEligibility(world.state, iid).payload);
  await world.handle(tickEach(world, "bob", iid, setup));
  return iid;
}

function labels(iid: number): string[] {
  return world
    .issue(iid)
    .labels.map((l) => (typeof l === "string" ? l : String(l)))
    .sort();
}

describe.each(TICK_NOTE_WORDINGS)(
  "interim manager, end to end through the CLI and gitbeaker (%s tick notes)",
  (wording) => {
    tickNotesWorded(wording, () => world);

    it("walks from the opened issue to career-outcome::promoted", async () => {
      const alice = world.state.as("alice");
      const bob = world.state.as("bob");
      const opened = alice.openIssue({
        title: "Interim manager: alice",
        description: interimDescription({ people_business_partner: "pat" }),
      });
      const iid = opened.issue.iid;
      expect(opened.issue.confidential).toBe(true); // the template's /confidential ran

      let run = await world.handle(opened.payload);
      expect(run.code).toBe(0);
      expect(labels(iid)).toContain("career-stage::eligibility");
      expect(world.issue(iid).dueDate).toBe("2026-04-05");
      expect(world.issue(iid).description).toContain("career-bot:section:begin");
      expect(world.issue(iid).description).toContain("```mermaid");

      // The same event again, and a sweep: zero writes.
      const before = world.writes();
      await world.handle(opened.payload);
      await world.sweep();
      expect(world.writes()).toBe(before);

      world.state.advance({ days: 1 });
      let last = null;
      last = tickInterimEligibility(world.state, iid);
      run = await world.handle(last!.payload);
      expect(run.code).toBe(0);
      expect(labels(iid)).toContain("career-stage::setup");
      expect(labels(iid)).not.toContain("career-stage::eligibility");
      const followUp = world.state.issues.find((i) =>
        i.title.startsWith("People team: interim manager setup"),
      );
      expect(followUp?.confidential).toBe(true);
      expect(world.state.links.length).toBe(1);

      world.state.advance({ days: 1 });
      for (const item of setup) last = bob.tick(PROJECT, iid, item);
      await world.handle(last!.payload);
      expect(labels(iid)).toContain("career-stage::hiring");

      world.state.advance({ days: 3 });
      const hire = alice.comment(PROJECT, iid, "We hired Dave!\n/career hire @dave 2026-01-19");
      await world.handle(hire.payload);
      expect(labels(iid)).toContain("career-stage::hire-review");
      expect(world.issue(iid).dueDate).toBe("2026-02-18");

      world.state.now = "2026-02-18T07:00:00Z";
      await world.sweep();
      const review = world.botNotes(iid).find((n) => n.body.includes("30-day hire review is open"));
      expect(review?.body).toContain("@bob");
      const afterSweep = world.writes();
      await world.sweep();
      expect(world.writes()).toBe(afterSweep);

      world.state.advance({ hours: 3 });
      await world.handle(bob.comment(PROJECT, iid, "/career review successful").payload);
      expect(labels(iid)).toContain("career-stage::promotion-document");
      await world.handle(
        alice.comment(PROJECT, iid, "/career document https://docs.example.com/promo-alice").payload,
      );
      expect(world.botNotes(iid).at(-1)!.body).toContain("@bob, over to you"); // the manager decides next
      await world.handle(bob.comment(PROJECT, iid, "/career decision promote").payload);

      expect(labels(iid)).toEqual(
        ["career-outcome::promoted", "career-stage::done", "career::interim-manager"].sort(),
      );
      expect(world.issue(iid).state).toBe("closed");
      // A command on the finished, closed issue gets its answer and changes nothing else.
      const done = world.writes();
      await world.handle(bob.comment(PROJECT, iid, "/career decision end").payload);
      expect(world.writes()).toBe(done + 1);
      expect(world.botNotes(iid).at(-1)!.body).toContain("has finished");
      expect(world.issue(iid).state).toBe("closed");
      await world.handle(bob.reopen(PROJECT, iid).payload);
      expect(world.issue(iid).state).toBe("opened");
      // The bot never ran a quick action and never posted a note twice.
      expect(world.state.quickActionsExecuted.filter((q) => q.author === BOT)).toEqual([]);
      const keys = world.botNotes(iid).map((n) => /key=(\S+) -->/.exec(n.body)?.[1]);
      expect(new Set(keys).size).toBe(keys.length);
    });

    it("walks the five other success criteria to the promotion document, the decision waiting for the document", async () => {
      const alice = world.state.as("alice");
      const bob = world.state.as("bob");
      const iid = await openPastSetup({
        success_criteria:
          "[leader-interviews, relations-role-play, career-conversations, talent-assessment, feedback-360]",
        criteria_reason: "director-level",
      });
      expect(labels(iid)).toContain("career-stage::criteria");

      // The page's texts, written out: GitLab's tick notes quote them.
      const criteria = [
        "Successfully pass an interview(s) with the Leader(s) of the department(s) around team management competencies/scorecard for Manager",
        "Successfully pass team member relations case role play with the People Business Partner",
        "Performing career development conversations with direct reports successfully",
        "Perform a Talent Assessment with the manager's manager to determine readiness for the role",
        "Gather 360 feedback via Culture Amp for the manager",
      ];
      for (const item of criteria) expect(world.issue(iid).description).toContain(`- [ ] ${item}`);
      world.state.advance({ days: 20 });
      await world.handle(tickEach(world, "bob", iid, criteria.slice(0, -1)));
      expect(labels(iid)).toContain("career-stage::criteria");
      await world.handle(bob.tick(PROJECT, iid, criteria.at(-1)!).payload);
      expect(labels(iid)).toContain("career-stage::promotion-document");

      await world.handle(bob.comment(PROJECT, iid, "/career decision promote").payload);
      const refusal = world.botNotes(iid).at(-1)!.body;
      expect(refusal).toContain("Refused");
      expect(refusal).toContain("promotion document first");
      expect(labels(iid)).toContain("career-stage::promotion-document");

      await world.handle(
        alice.comment(PROJECT, iid, "/career document https://docs.example.com/promo-alice").payload,
      );
      await world.handle(bob.comment(PROJECT, iid, "/career decision promote").payload);
      expect(labels(iid)).toEqual(
        ["career-outcome::promoted", "career-stage::done", "career::interim-manager"].sort(),
      );
    });

    it("takes the manager's ticks on the other success criteria, not the interim manager's own", async () => {
      const criterion = "Gather 360 feedback via Culture Amp for the manager";
      const iid = await openPastSetup({ success_criteria: "[feedback-360]", criteria_reason: "headcount" });
      expect(world.issue(iid).description).toContain(`- [ ] ${criterion} · who ticks: manager (bob)\n`);
      world.state.advance({ days: 20 });

      await world.handle(tickEach(world, "alice", iid, [criterion]));
      expect(labels(iid)).toContain("career-stage::criteria");
      const reply = world.botNotes(iid).at(-1)!.body;
      expect(reply).toContain(`The tick on "${criterion}" by alice does not count`);
      expect(reply).toContain("only the manager (bob) or people ops (carol) can tick this item");
      expect(world.issue(iid).description).toContain(
        `- [x] ${criterion} · who ticks: manager (bob) · ticked by alice, which does not count`,
      );

      // Unticked and ticked again by the manager, the criterion counts and the stage moves on.
      await world.handle(world.state.as("bob").untick(PROJECT, iid, criterion).payload);
      await world.handle(tickEach(world, "bob", iid, [criterion]));
      expect(labels(iid)).toContain("career-stage::promotion-document");
    });

    it("refuses a hire who started before the interim period, and waits for the interim manager's hire", async () => {
      const alice = world.state.as("alice");
      const iid = await openPastSetup({});
      expect(labels(iid)).toContain("career-stage::hiring");

      await world.handle(alice.comment(PROJECT, iid, "/career hire @dave 2025-06-01").payload);
      const reply = world.botNotes(iid).at(-1)!.body;
      expect(reply).toContain("Refused");
      expect(reply).toContain("2025-06-01");
      expect(reply).toContain("2026-01-05");
      expect(labels(iid)).toContain("career-stage::hiring");
      expect(world.botNotes(iid).some((n) => n.body.includes("30-day hire review is open"))).toBe(false);
    });

    it("asks for a fix of a broken data block in one comment, then resumes", async () => {
      const alice = world.state.as("alice");
      const opened = alice.openIssue({
        title: "Interim manager: alice",
        description: interimDescription({
          company_start_date: "2025-02-30",
          desired_level: "Wizard",
          manager: "ghost",
        }),
      });
      const iid = opened.issue.iid;
      expect((await world.handle(opened.payload)).code).toBe(0);
      expect(labels(iid)).toContain("career-status::needs-info");
      const notes = world.botNotes(iid);
      expect(notes).toHaveLength(1);
      for (const field of ["company_start_date", "desired_level", "manager (is ghost)"])
        expect(notes[0]!.body).toContain(field);

      const fixed = alice.editDescription(
        PROJECT,
        iid,
        world
          .issue(iid)
          .description.replace("company_start_date: 2025-02-30", "company_start_date: 2025-03-01")
          .replace("desired_level: Wizard", "desired_level: Manager")
          .replace("manager: ghost", "manager: bob"),
      );
      await world.handle(fixed.payload);
      expect(labels(iid)).not.toContain("career-status::needs-info");
      expect(labels(iid)).toContain("career-stage::eligibility");
      expect(world.botNotes(iid).at(-1)!.body).toContain("reads correctly now");
    });

    it("refuses a command from someone without the role, with a reply, and changes nothing", async () => {
      const opened = world.state
        .as("alice")
        .openIssue({ title: "Interim manager: alice", description: interimDescription({}) });
      const iid = opened.issue.iid;
      await world.handle(opened.payload);
      const labelsBefore = labels(iid);
      const descriptionBefore = world.issue(iid).description;
      const run = await world.handle(
        world.state.as("eve").comment(PROJECT, iid, "/career decision promote").payload,
      );
      expect(run.code).toBe(0);
      const reply = world.botNotes(iid).at(-1)!;
      expect(reply.body).toContain("Refused");
      expect(labels(iid)).toEqual(labelsBefore);
      // Only the section's state marker changes: it records the refusal for the dashboard.
      const withoutState = (d: string) =>
        d.replace(/\n<!-- career-bot:state [A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)? -->/, "");
      expect(world.issue(iid).description).not.toBe(descriptionBefore);
      expect(withoutState(world.issue(iid).description)).toBe(withoutState(descriptionBefore));
    });

    it("never lets text a person wrote become a quick action, a mass mention or a marker", async () => {
      const alice = world.state.as("alice");
      const opened = alice.openIssue({
        title: "Interim manager: alice",
        description: interimDescription({
          company_start_date: '"/close @all <!-- career-bot:note key=x -->"',
        }),
      });
      const iid = opened.issue.iid;
      await world.handle(opened.payload);
      const before = world.botNotes(iid).length;
      await world.handle(
        alice.comment(PROJECT, iid, "/career hire @all\n/career nonsense <!-- career-bot:section:end -->")
          .payload,
      );
      const bodies = world.botNotes(iid).map((n) => n.body);
      // The replies to the hostile commands are among the notes checked, not only earlier ones.
      const replies = bodies.slice(before);
      expect(replies).toHaveLength(2);
      for (const reply of replies) expect(reply).toMatch(/<!-- career-bot:note key=reply:/);
      for (const body of bodies) {
        expect(body).not.toMatch(/(^|\n)\s*\//);
        expect(body).not.toMatch(/@all\b/);
        // Only the bot's own markers: the note's key, and on a reply the command as the bot read it.
        const own =
          body.match(/<!-- career-bot:(note key=[A-Za-z0-9:._@#=-]+|command [A-Za-z0-9_-]+) -->/g) ?? [];
        expect(body.match(/<!--/g)?.length).toBe(own.length);
        expect(own.length).toBeGreaterThanOrEqual(1);
      }
      expect(world.issue(iid).state).toBe("opened");
      expect(world.state.quickActionsExecuted.filter((q) => q.author === BOT)).toEqual([]);
    });

    it("ignores events from other projects, the bot itself and issues without a workflow label", async () => {
      const opened = world.state.as("alice").openIssue({ title: "Just an issue", description: "hello" });
      const run = await world.handle(opened.payload);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain("ignored");
      const other = structuredClone(opened.payload) as unknown as {
        project: { id: number; path_with_namespace: string };
      };
      other.project.id = 4242;
      other.project.path_with_namespace = "elsewhere/x";
      expect((await world.handle(other as never)).stdout).toContain("another project");
      expect(world.writes()).toBe(0);
    });
  },
);
