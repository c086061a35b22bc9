import { describe, expect, it } from "vitest";
import {
  describeChanges,
  parsePeopleRecord,
  peopleChanges,
  peopleRecordMarker,
  recordOf,
  withPeople,
} from "../../src/engine/people-record.js";
import { workflows } from "../../src/workflows/index.js";

const interimManager = workflows.find((w) => w.id === "interim-manager")!;
const conversation = workflows.find((w) => w.id === "conversation")!;

const users = new Map([
  ["alice", { id: 2, username: "alice" }],
  ["bob", { id: 3, username: "bob" }],
  ["dave", { id: 5, username: "dave" }],
  ["eve", { id: 6, username: "eve" }],
]);

describe("the people record", () => {
  it("round-trips through its marker and refuses anything malformed", () => {
    const record = { fields: { team_member: "alice", manager: "bob" }, ids: { alice: 2, bob: 3 } };
    expect(parsePeopleRecord(`text\n${peopleRecordMarker(record)}`)).toEqual(record);
    const marker = (value: unknown) =>
      `<!-- career-bot:people ${Buffer.from(JSON.stringify(value)).toString("base64url")} -->`;
    expect(parsePeopleRecord(marker({ fields: { manager: 3 }, ids: {} }))).toBeUndefined();
    expect(parsePeopleRecord(marker({ fields: { manager: "bob" }, ids: { bob: "3" } }))).toBeUndefined();
    expect(parsePeopleRecord(marker({ fields: [], ids: {} }))).toBeUndefined();
    expect(parsePeopleRecord("<!-- career-bot:people not-json -->")).toBeUndefined();
  });

  it("records every people field with its user id, and none when an id is unknown", () => {
    const data = { team_member: "alice", manager: "bob", desired_level: "Manager" };
    expect(recordOf(interimManager, data, users)).toEqual({
      fields: { team_member: "alice", manager: "bob" },
      ids: { alice: 2, bob: 3 },
    });
    expect(recordOf(interimManager, { ...data, manager: "zed" }, users)).toBeUndefined();
  });

  it("puts the recorded people in the data block and keeps its other fields", () => {
    const record = { fields: { team_member: "alice", manager: "bob" }, ids: { alice: 2, bob: 3 } };
    const now = {
      team_member: "alice",
      manager: "eve",
      people_business_partner: "dave",
      desired_level: "Director",
    };
    const pinned = withPeople(interimManager, now, record);
    expect(pinned).toEqual({ team_member: "alice", manager: "bob", desired_level: "Director" });
    expect(describeChanges(peopleChanges(interimManager, pinned, now))).toBe(
      "manager bob → eve, people business partner (none) → dave",
    );
  });

  it("pins a list of people (a manager's reports) as a whole", () => {
    const record = { fields: { manager: "bob", reports: ["alice"] }, ids: { bob: 3, alice: 2 } };
    const now = { manager: "bob", reports: ["alice", "eve"], quarter: "2026-Q1" };
    const pinned = withPeople(conversation, now, record) as typeof now;
    expect(pinned.reports).toEqual(["alice"]);
    expect(peopleChanges(conversation, pinned, now)).toEqual([{ field: "reports.1", to: "eve" }]);
  });
});
