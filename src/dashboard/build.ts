import { attentionItems } from "./attention.js";
import { conversationRows } from "./conversations.js";
import { dashboardCsv } from "./csv.js";
import { ganttRows } from "./gantt.js";
import type { DashboardContent, DashboardInput } from "./input.js";
import { dashboardJson } from "./json.js";
import { type DashboardParts, dashboardMarkdown } from "./markdown.js";
import { outcomeSummary } from "./outcomes.js";
import { viewsOf } from "./view.js";

export { DASHBOARD_LABEL, RECHECK_ITEM } from "./input.js";

/**
 * The dashboard's content, pure: the same input gives the same text, and nothing in it counts days
 * from today, so on a day when no issue changed it comes out as it was and the sweep writes nothing.
 */
export function buildDashboard(input: DashboardInput): DashboardContent {
  const { config, today } = input;
  const tz = config.timezone;
  const open = viewsOf(input.open, tz, today);
  const closed = viewsOf(input.closed, tz, today);
  const all = [...open, ...closed];
  const parts: DashboardParts = {
    today,
    attention: attentionItems(open, sortedIssues(input.followUps), today, tz, input.botId),
    views: open,
    gantt: ganttRows(open),
    conversations: conversationRows(all, config, today, input.botId),
    outcomes: outcomeSummary(closed, config, today),
  };
  return {
    markdown: dashboardMarkdown(parts),
    json: dashboardJson({ ...parts, views: all }),
    csv: dashboardCsv(all),
  };
}

function sortedIssues<T extends { projectId: number; iid: number }>(issues: T[]): T[] {
  return [...issues].sort((a, b) => a.projectId - b.projectId || a.iid - b.iid);
}
