import type { Day } from "../engine/dates.js";
import { quarterOf } from "../engine/dates.js";
import type { AttentionItem } from "./attention.js";
import type { ConversationRow } from "./conversations.js";
import { GANTT_CAP, type GanttRow, ganttSource } from "./gantt.js";
import { RECHECK_ITEM } from "./input.js";
import type { OutcomeSummary } from "./outcomes.js";
import { runningTables, TABLE_ROW_CAP } from "./tables.js";
import { andMore, cell, issueLink, people, person } from "./text.js";
import type { WorkflowView } from "./view.js";

/** GitLab takes descriptions up to 1,048,576 characters; the page stops well short of that. */
export const MARKDOWN_CAP = 900_000;

export interface DashboardParts {
  today: Day;
  attention: AttentionItem[];
  views: WorkflowView[];
  gantt: GanttRow[];
  conversations: ConversationRow[];
  outcomes: OutcomeSummary;
}

/** The dashboard's description, in the order of issue 11: attention, running, chart, conversations, outcomes. */
export function dashboardMarkdown(parts: DashboardParts): string {
  const lines = [
    "_This description is written entirely by career-bot: edits to it are replaced on the next update._",
    "",
    `- [ ] ${RECHECK_ITEM}`,
    "",
    "Ticking the box makes the bot re-check every open workflow on its next run; it then unticks the box.",
    "",
    "## Needs attention",
    "",
    ...attentionLines(parts.attention),
    "",
    "## Running workflows",
    "",
    ...runningTables(parts.views),
    "",
    "## Temporary appointments",
    "",
    ...ganttLines(parts.gantt),
    "",
    `## Career conversations this quarter (${quarterOf(parts.today).label})`,
    "",
    ...conversationLines(parts.conversations),
    "",
    "## Outcomes (last 12 months)",
    "",
    ...outcomeLines(parts.outcomes),
  ];
  return capped(
    lines
      .join("\n")
      .replace(/\n{3,}/g, "\n\n")
      .trim(),
  );
}

function attentionLines(items: AttentionItem[]): string[] {
  if (items.length === 0) return ["Nothing needs attention."];
  return [
    ...items
      .slice(0, TABLE_ROW_CAP)
      .map(
        (i) =>
          `- ${issueLink(i.issue)} ${cell(i.what)}: waits for ${people(i.waitsFor)}${i.since ? ` since ${i.since}` : ""}`,
      ),
    ...andMore(items.length - TABLE_ROW_CAP),
  ];
}

function ganttLines(rows: GanttRow[]): string[] {
  if (rows.length === 0) return ["No temporary appointment is running."];
  const drawn = rows.slice(0, GANTT_CAP);
  const rest = rows.slice(GANTT_CAP);
  const lines = [
    "Each bar runs from the start to the planned end (an interim's: its limit); overdue ones are red, checkpoints are milestones.",
    "",
    "```mermaid",
    ...ganttSource(drawn),
    "```",
  ];
  if (rest.length > 0) {
    lines.push("", `Not drawn (the chart shows the first ${GANTT_CAP}):`);
    for (const row of rest.slice(0, TABLE_ROW_CAP)) {
      const overdue = row.overdue ? " (overdue)" : "";
      lines.push(
        `- ${issueLink(row.view.issue)} ${cell(row.view.definition.title)}, ${person(row.view.member) || "unknown"}: ${row.start} to ${row.end}${overdue}`,
      );
    }
    lines.push(...andMore(rest.length - TABLE_ROW_CAP));
  }
  return lines;
}

function conversationLines(rows: ConversationRow[]): string[] {
  if (rows.length === 0) return ["The config's conversations roster is empty."];
  const lines = ["| Manager | Issue | Done |", "|---|---|---|"];
  for (const row of rows.slice(0, TABLE_ROW_CAP)) {
    const issue = row.view ? issueLink(row.view.issue) : "none yet";
    const done = row.done ? "yes" : row.view ? `no (${cell(row.view.stageTitle)})` : "no";
    lines.push(`| ${person(row.manager)} | ${issue} | ${done} |`);
  }
  return [...lines, ...andMore(rows.length - TABLE_ROW_CAP)];
}

function outcomeLines(summary: OutcomeSummary): string[] {
  const lines =
    summary.counts.length === 0
      ? ["No workflow was closed in the last 12 months."]
      : [
          "| Workflow | Outcome | Issues |",
          "|---|---|---|",
          ...summary.counts.map((c) => `| ${cell(c.workflow)} | ${cell(c.outcome)} | ${c.count} |`),
        ];
  const { interim } = summary;
  if (interim.ended > 0) {
    const median =
      interim.medianDaysToPromotion === undefined
        ? "no promotion yet"
        : `median ${interim.medianDaysToPromotion} days from start to promotion (${interim.promoted} promoted)`;
    lines.push(
      "",
      `Interim managers: ${median}; ${interim.withinLimit} of ${interim.ended} stayed within the ${interim.limitMonths}-month limit.`,
    );
  }
  return lines;
}

function capped(markdown: string): string {
  if (markdown.length <= MARKDOWN_CAP) return markdown;
  const cut = markdown.lastIndexOf("\n", MARKDOWN_CAP - 200);
  return `${markdown.slice(0, cut)}\n\n_The dashboard was cut here: it is longer than GitLab allows. Run career-bot report for all of it._`;
}
