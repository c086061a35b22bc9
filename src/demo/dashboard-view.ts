import { DASHBOARD_LABEL } from "../dashboard/input.js";
import type { FakeGitLabState } from "../gitlab/fake/index.js";

/** The dashboard issue as the demo shows it at the end. */
export interface DemoDashboard {
  iid: number;
  title: string;
  markdown: string;
}

/** The open dashboard the bot keeps in the simulated project, if it made one. */
export function demoDashboard(state: FakeGitLabState, projectId: number): DemoDashboard | undefined {
  const issue = state.issues.find(
    (candidate) =>
      candidate.projectId === projectId &&
      candidate.state === "opened" &&
      candidate.labels.includes(DASHBOARD_LABEL),
  );
  return issue && { iid: issue.iid, title: issue.title, markdown: issue.description };
}

const MERMAID = /^```mermaid[^\n]*\n([\s\S]*?)^```[ \t]*$/m;

/** The Mermaid source of the first ```mermaid block (the Gantt chart), if the dashboard has one. */
export function mermaidSource(markdown: string): string | undefined {
  return MERMAID.exec(markdown)?.[1]?.replace(/\n$/, "");
}

/**
 * The dashboard after the story: its Markdown as GitLab stores it, then the Gantt chart's Mermaid
 * source on its own (a terminal cannot draw it; paste it into mermaid.live or any GitLab issue).
 */
export function dashboardLines(dashboard: DemoDashboard | undefined): string[] {
  if (!dashboard) return ["", "(no dashboard: the simulated project keeps none)"];
  const lines = ["", `== The dashboard: #${dashboard.iid} "${dashboard.title}" (confidential) ==`, ""];
  lines.push(...dashboard.markdown.split("\n").map((line) => (line ? `  ${line}` : "")));
  const gantt = mermaidSource(dashboard.markdown);
  if (gantt !== undefined) {
    lines.push("", "== Gantt chart (Mermaid source) ==", "", ...gantt.split("\n").map((line) => `  ${line}`));
  }
  return lines;
}

/** The same for `demo --out FILE`: the dashboard rendered as Markdown, then its Gantt source. */
export function dashboardMarkdown(dashboard: DemoDashboard | undefined): string[] {
  if (!dashboard) return [];
  const parts = [
    "## The dashboard",
    "",
    `#${dashboard.iid} "${dashboard.title}" (confidential):`,
    "",
    dashboard.markdown,
    "",
  ];
  const gantt = mermaidSource(dashboard.markdown);
  if (gantt !== undefined) parts.push("### Gantt chart (Mermaid source)", "", "```text", gantt, "```", "");
  return parts;
}
