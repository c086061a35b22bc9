import type { IssueOutcome } from "./process-issue.js";

/** What a run did, for people (closing lines) and machines (`--json`). */
export interface RunSummary {
  command: string;
  dryRun: boolean;
  issuesSeen: number;
  issues: IssueOutcome[];
  ignored?: string;
  failures: { ref: string; error: string }[];
}

export function emptySummary(command: string, dryRun: boolean): RunSummary {
  return { command, dryRun, issuesSeen: 0, issues: [], failures: [] };
}

export function writeCount(summary: RunSummary): number {
  return summary.issues.reduce((n, i) => n + i.writes.length, 0);
}

export function summaryLines(summary: RunSummary): string[] {
  if (summary.ignored) return [`ignored: ${summary.ignored}`];
  const verb = summary.dryRun ? "would write" : "wrote";
  const lines = summary.issues
    .filter((i) => i.writes.length > 0)
    .map(
      (i) =>
        `${i.ref} (${[i.workflow, i.stage].filter(Boolean).join(" ")}) ${verb}: ${i.writes.map((w) => w.what).join("; ")}`,
    );
  lines.push(
    `${summary.command}: ${summary.issuesSeen} issue(s) seen, ${writeCount(summary)} write(s)${summary.dryRun ? " planned (dry run)" : ""}, ${summary.failures.length} failure(s)`,
  );
  for (const failure of summary.failures) lines.push(`FAILED ${failure.ref}: ${failure.error}`);
  return lines;
}
