import type { DemoResult } from "./scenario.js";
import { seenText } from "./seen-text.js";
import type { TimelineEntry } from "./timeline.js";

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

export const CAST = [
  "@alice (team member, the interim manager)",
  "@bob (her manager, who decides)",
  "@pat (people business partner)",
  "@carol (people ops)",
  "@dave (the new hire)",
  "@erin (acting manager meanwhile)",
  "@frank (apprentice in Security meanwhile)",
];

/** `Mon 2026-01-05`; the weekday from the date alone (1970-01-01 was a Thursday). */
export function dayTitle(day: string): string {
  const daysSinceEpoch = Math.floor(Date.parse(`${day}T00:00:00Z`) / 86_400_000);
  return `${WEEKDAYS[(daysSinceEpoch + 4) % 7]} ${day}`;
}

/** Entries by day, in order, and how many days passed with nothing to show before each. */
export function byDay(
  entries: TimelineEntry[],
): Array<{ day: string; quietBefore: number; entries: TimelineEntry[] }> {
  const days: Array<{ day: string; quietBefore: number; entries: TimelineEntry[] }> = [];
  for (const entry of entries) {
    const day = entry.at.slice(0, 10);
    const last = days.at(-1);
    if (last?.day === day) last.entries.push(entry);
    else {
      const gap = last ? Math.round((Date.parse(day) - Date.parse(last.day)) / 86_400_000) - 1 : 0;
      days.push({ day, quietBefore: gap, entries: [entry] });
    }
  }
  return days;
}

/** The timeline for a terminal: who did what, day by day, with the bot's comments in full. */
export function timelineText(result: DemoResult): string[] {
  const lines = [
    "career-bot demo: an interim manager appointment on a simulated GitLab",
    `GitLab: ${result.url} (simulated, on this machine; the bot uses its real REST client and the same`,
    "handle/sweep code as the CI jobs; the clock is fast-forwarded and a sweep runs every day at 06:00)",
    `People: ${CAST.join(", ")}`,
    "",
  ];
  for (const { day, quietBefore, entries } of byDay(result.entries)) {
    if (quietBefore > 0)
      lines.push(`  ... ${quietBefore} quiet day(s): the daily sweep finds nothing due ...`, "");
    lines.push(`== ${dayTitle(day)} ==`);
    for (const entry of entries) lines.push(...entryLines(entry));
    lines.push("");
  }
  lines.push(closingLine(result));
  return lines;
}

export function closingLine(result: DemoResult): string {
  const end = result.closed ? "closed" : "still open";
  const outcome = result.outcome ? `career-outcome::${result.outcome}` : "no outcome yet";
  return `#${result.issue.iid} ${end} after ${result.days} days: stage ${result.stage ?? "?"}, ${outcome}; ${result.requests} GitLab API requests in all.`;
}

function entryLines(entry: TimelineEntry): string[] {
  const time = entry.at.slice(11, 16);
  const who = `@${entry.actor}`.padEnd(12);
  const via = entry.via ? ` [${entry.via}]` : "";
  const head = `  ${time}  ${who}`;
  switch (entry.kind) {
    case "comment":
      return [
        `${head}commented on #${entry.issue}${via}:`,
        ...seenText(entry.text)
          .split("\n")
          .map((line) => `${" ".repeat(22)}| ${line}`),
      ];
    case "status":
      return [`${head}status of #${entry.issue}${via}: ${statusSummary(entry.text)}`];
    case "setup":
      return [`${head}${entry.text}`];
    default:
      return [`${head}${seenText(entry.text)}${entry.kind === "system" ? ` (#${entry.issue})` : ""}${via}`];
  }
}

/** `Stage: Setup · Next checkpoint: ...` from the section's status table. */
export function statusSummary(section: string): string {
  const rows = [...section.matchAll(/^\|\s*(Stage|Next checkpoint|Time limit)\s*\|\s*(.+?)\s*\|\s*$/gm)];
  return rows.map((row) => `${row[1]}: ${row[2]!.replace(/\*\*/g, "")}`).join(" · ") || "updated";
}
