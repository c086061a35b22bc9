import { csvCell } from "../dashboard/csv.js";
import { cell, issueLink, person } from "../dashboard/text.js";
import type { HistoryEntry } from "./person-history.js";

/**
 * `career-bot report --person USERNAME` in its three forms. The Markdown is for the terminal or a
 * confidential issue (it mentions nobody: usernames are plain text); JSON carries the issue iid and
 * URL; CSV is RFC 4180 with the dashboard's formula guard.
 */

function standing(entry: HistoryEntry): string {
  if (entry.outcome) return entry.outcome.replace(/-/g, " ");
  return entry.state === "closed" ? "closed without an outcome" : `open, ${entry.stage ?? "not started"}`;
}

export function historyMarkdown(username: string, entries: readonly HistoryEntry[]): string {
  const who = person(username);
  if (entries.length === 0) {
    return `### Career workflows of ${who}\n\nNo confidential workflow issue names ${who} as the team member.`;
  }
  const rows = entries.map((e) =>
    [
      e.opened,
      cell(e.title),
      issueLink({ iid: e.iid, webUrl: e.url }),
      e.closed ?? "",
      cell(standing(e)),
      e.decidedBy ? cell(e.decidedBy.replace(/@/g, "")) : "",
    ].join(" | "),
  );
  return [
    `### Career workflows of ${who}`,
    "",
    "| Opened | Workflow | Issue | Closed | Stage or outcome | Decided by |",
    "|---|---|---|---|---|---|",
    ...rows.map((row) => `| ${row} |`),
  ].join("\n");
}

export function historyJson(username: string, entries: readonly HistoryEntry[]) {
  return {
    person: username,
    workflows: entries.map((e) => ({
      workflow: e.workflow,
      title: e.title,
      project_id: e.projectId,
      iid: e.iid,
      url: e.url,
      state: e.state,
      opened: e.opened,
      closed: e.closed ?? null,
      stage: e.stage ?? null,
      outcome: e.outcome ?? null,
      decided_by: e.decidedBy ?? null,
    })),
  };
}

const HEADER = [
  "project_id",
  "iid",
  "url",
  "workflow",
  "state",
  "opened",
  "closed",
  "stage",
  "outcome",
  "decided_by",
];

export function historyCsv(entries: readonly HistoryEntry[]): string {
  const rows = entries.map((e) => [
    String(e.projectId),
    String(e.iid),
    e.url,
    e.workflow,
    e.state,
    e.opened,
    e.closed ?? "",
    e.stage ?? "",
    e.outcome ?? "",
    e.decidedBy ?? "",
  ]);
  return `${[HEADER, ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n")}\r\n`;
}
