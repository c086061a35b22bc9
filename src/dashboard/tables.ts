import { workflows } from "../workflows/index.js";
import { andMore, cell, issueLink, people, person } from "./text.js";
import type { WorkflowView } from "./view.js";

/** Rows per table; the rest are counted in an "and N more" line, which keeps the page well under GitLab's size limit. */
export const TABLE_ROW_CAP = 200;

const HEADER = [
  "| Issue | Team member | Stage | In stage since | Next checkpoint | On | Who acts next |",
  "|---|---|---|---|---|---|---|",
];

/** One table per workflow that has open issues, in the order of SPEC section 6. */
export function runningTables(views: WorkflowView[]): string[] {
  const open = views.filter((v) => v.issue.state === "opened");
  if (open.length === 0) return ["No workflow is running."];
  const lines: string[] = [];
  for (const definition of workflows) {
    const rows = open.filter((v) => v.definition.id === definition.id);
    if (rows.length === 0) continue;
    lines.push(`### ${cell(definition.title)} (${rows.length})`, "", ...HEADER);
    for (const view of rows.slice(0, TABLE_ROW_CAP)) lines.push(row(view));
    lines.push(...andMore(rows.length - TABLE_ROW_CAP), "");
  }
  return lines;
}

function row(view: WorkflowView): string {
  const stage = view.needsInfo ? `${cell(view.stageTitle)} (needs info)` : cell(view.stageTitle);
  const cells = [
    issueLink(view.issue),
    person(view.member) || "unknown",
    stage,
    view.since ?? "unknown",
    view.next ? cell(view.next.label) : "none dated",
    view.next?.day ?? "",
    people(view.actors),
  ];
  return `| ${cells.join(" | ")} |`;
}
