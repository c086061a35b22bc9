import { addDays, type Day } from "../engine/dates.js";
import { workflows } from "../workflows/index.js";
import type { WorkflowView } from "./view.js";

/** Appointments drawn in the chart; the rest are listed below it, so 50 rows stay readable. */
export const GANTT_CAP = 50;
const MILESTONES_PER_ROW = 3;

export interface GanttRow {
  view: WorkflowView;
  start: Day;
  /** The bar's last day: the planned end, else the limit. */
  end: Day;
  overdue: boolean;
  milestones: { label: string; day: Day }[];
}

/**
 * The temporary appointments (workflows whose definition has a `period`) that are open and have a
 * start day, in workflow order, then by start day and issue.
 */
export function ganttRows(views: WorkflowView[]): GanttRow[] {
  const order = new Map(workflows.map((w, i) => [w.id, i]));
  return views
    .filter((v) => v.issue.state === "opened" && v.definition.period && v.state?.period?.start)
    .map((view) => {
      const period = view.state!.period!;
      const start = period.start!;
      const end = [period.end ?? period.limit ?? start, start].sort().at(-1)!;
      return {
        view,
        start,
        end,
        overdue: view.overdue === true,
        milestones: (view.state?.milestones ?? []).slice(0, MILESTONES_PER_ROW),
      };
    })
    .sort(
      (a, b) =>
        (order.get(a.view.definition.id) ?? 0) - (order.get(b.view.definition.id) ?? 0) ||
        a.start.localeCompare(b.start) ||
        a.view.issue.projectId - b.view.issue.projectId ||
        a.view.issue.iid - b.view.issue.iid,
    );
}

/**
 * A Mermaid task name: letters, digits, spaces and a few safe marks only. `:` ends the name, `#` and
 * `;` start comments or entities, and a newline ends the task, so each would break the chart.
 */
export function ganttName(text: string): string {
  const name = text
    .normalize("NFKC")
    .replace(/[^\p{L}\p{N} _.()-]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 60)
    .trim();
  return name === "" ? "unnamed" : name;
}

/** The chart's source (without the fence): one section per workflow, milestones after each bar. */
export function ganttSource(rows: GanttRow[]): string[] {
  const lines = ["gantt", "  dateFormat YYYY-MM-DD", "  axisFormat %Y-%m-%d"];
  let section = "";
  for (const row of rows) {
    const { view } = row;
    if (view.definition.title !== section) {
      section = view.definition.title;
      lines.push(`  section ${ganttName(section)}`);
    }
    const id = `t${view.issue.projectId}x${view.issue.iid}`;
    // Fixed text first: a name that began with the username could begin with a Mermaid keyword
    // (`section`, `click`, `dateFormat`, a date...) that breaks the chart or silently changes it.
    const who = `Issue ${view.issue.iid} ${ganttName(view.member ?? "unknown")}`;
    const tags = row.overdue ? "crit, " : "";
    // Mermaid reads a task's end date as exclusive (the bar stops the day before it), and our end
    // is the bar's last day (the planned end or the limit), so the chart gets the day after.
    lines.push(`  ${who} :${tags}${id}, ${row.start}, ${addDays(row.end, 1)}`);
    for (const m of row.milestones) {
      lines.push(`  ${ganttName(`${view.issue.iid} ${m.label}`)} :milestone, ${m.day}, 0d`);
    }
  }
  return lines;
}
