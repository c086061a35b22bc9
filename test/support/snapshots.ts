import { defaultConfig } from "../../src/config/schema.js";
import type { Snapshot } from "../../src/engine/snapshot.js";
import type { Issue, Note, User } from "../../src/gitlab/port.js";

/** Plain-object snapshots for table tests of `decide`: no GitLab, no clock. */
export const bot: User = { id: 99, username: "career-bot" };
export const people: Record<string, User> = Object.fromEntries(
  ["alice", "bob", "carol", "dave", "eve", "pat"].map((name, i) => [name, { id: i + 1, username: name }]),
);

export const interimBlock = {
  team_member: "alice",
  manager: "bob",
  current_level: "Senior",
  desired_level: "Manager",
  previous_management_experience: false,
  company_start_date: "2025-03-01",
  interim_start_date: "2026-01-05",
  success_criteria: "hire",
};

export function yamlBlock(fields: Record<string, unknown>): string {
  const lines = Object.entries(fields).map(
    ([k, v]) => `${k}: ${Array.isArray(v) ? `[${v.join(", ")}]` : String(v)}`,
  );
  return `Interim appointment.\n\n\`\`\`yaml career\n${lines.join("\n")}\n\`\`\`\n`;
}

export function issue(overrides: Partial<Issue> = {}): Issue {
  return {
    id: 1000,
    iid: 1,
    projectId: 7,
    title: "Interim manager: alice",
    description: yamlBlock(interimBlock),
    labels: ["career::interim-manager"],
    state: "opened",
    confidential: true,
    dueDate: null,
    author: people.alice!,
    assignees: [],
    createdAt: "2026-01-05T09:00:00Z",
    updatedAt: "2026-01-05T09:00:00Z",
    webUrl: "http://gitlab.test/org/careers/-/issues/1",
    ...overrides,
  };
}

let noteId = 500;
export function comment(author: string, body: string, at: string): Note {
  return {
    id: ++noteId,
    body,
    author: people[author] ?? { id: 77, username: author },
    system: false,
    internal: false,
    createdAt: at,
  };
}

export function tick(author: string, item: string, at: string, completed = true): Note {
  return {
    id: ++noteId,
    body: `marked the checklist item **${item}** as ${completed ? "completed" : "incomplete"}`,
    author: people[author] ?? { id: 77, username: author },
    system: true,
    internal: false,
    createdAt: at,
  };
}

export function snapshot(i: Issue, notes: Note[] = [], users: Record<string, User | null> = {}): Snapshot {
  return { issue: i, notes, bot, users: new Map(Object.entries(users)) };
}

export const config = defaultConfig();
