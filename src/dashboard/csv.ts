import type { WorkflowView } from "./view.js";

const HEADER = [
  "project_id",
  "iid",
  "url",
  "workflow",
  "state",
  "title",
  "team_member",
  "stage",
  "stage_since",
  "next_checkpoint",
  "next_checkpoint_day",
  "acts_next",
  "needs_info_since",
  "overdue_since",
  "outcome",
];

/** `report --format csv`: a header, then one row per workflow issue (RFC 4180, CRLF line ends). */
export function dashboardCsv(views: WorkflowView[]): string {
  const rows = views.map((v) => [
    String(v.issue.projectId),
    String(v.issue.iid),
    v.issue.webUrl,
    v.definition.id,
    v.issue.state,
    v.issue.title,
    v.member ?? "",
    v.stageId,
    v.since ?? "",
    v.next?.label ?? "",
    v.next?.day ?? "",
    v.actors.join(" "),
    v.needsInfo ?? "",
    v.overdueSince ?? "",
    v.outcome ?? "",
  ]);
  return `${[HEADER, ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n")}\r\n`;
}

/**
 * One field: a spreadsheet would run a cell starting with = + - @ (or a tab or carriage return) as a
 * formula, so such a cell gets a leading `'`; then quoted when it holds a quote, comma or line break.
 */
export function csvCell(value: string): string {
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
