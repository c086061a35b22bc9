import { dashboardMarkdown } from "./dashboard-view.js";
import { byDay, CAST, closingLine, dayTitle } from "./render-text.js";
import type { DemoResult } from "./scenario.js";
import type { TimelineEntry } from "./timeline.js";

/**
 * The timeline as a Markdown page (`demo --out FILE`): the same story, with each version of the
 * bot's status section as GitLab renders it, Mermaid stage diagram included.
 */
export function timelineMarkdown(result: DemoResult): string {
  const parts = [
    "# career-bot demo: an interim manager appointment",
    "",
    `A simulated GitLab ran on this machine; career-bot talked to it through its real REST client and the same \`handle\` (one pipeline per webhook event) and \`sweep\` (daily at 06:00) code as the CI jobs, with the clock fast-forwarded. Issue: #${result.issue.iid} "${result.issue.title}".`,
    "",
    `People: ${CAST.join(", ")}.`,
    "",
  ];
  for (const { day, quietBefore, entries } of byDay(result.entries)) {
    if (quietBefore > 0) parts.push(`*${quietBefore} quiet day(s): the daily sweep finds nothing due.*`, "");
    parts.push(`## ${dayTitle(day)}`, "");
    for (const entry of entries) parts.push(...entryMarkdown(entry), "");
  }
  parts.push("---", "", closingLine(result), "", ...dashboardMarkdown(result.dashboard));
  return parts.join("\n");
}

function entryMarkdown(entry: TimelineEntry): string[] {
  const head = `**${entry.at.slice(11, 16)} · @${entry.actor}**${entry.via ? ` (${entry.via})` : ""}`;
  switch (entry.kind) {
    case "comment":
      return [
        `${head} commented on #${entry.issue}:`,
        "",
        ...entry.text.split("\n").map((line) => `> ${line}`),
      ];
    case "status":
      return [
        `${head} updated the status section of #${entry.issue}:`,
        "",
        "<details><summary>Status section</summary>",
        "",
        entry.text,
        "",
        "</details>",
      ];
    case "setup":
      return [`${head} ${entry.text}`];
    case "opened":
      return [`${head} ${entry.text}`];
    default:
      return [`${head} ${entry.text} (#${entry.issue})`];
  }
}
