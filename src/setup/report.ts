/** What one setup step found or did. Never holds a token: URLs are masked before they get here. */
export interface StepResult {
  step: "labels" | "variables" | "trigger" | "webhook" | "schedule";
  status: "created" | "updated" | "unchanged" | "planned" | "failed" | "skipped";
  detail: string;
  /** One line per thing changed or planned (a label created, a setting changed). */
  changes?: string[];
  /** For a failed or skipped step: how to get it done. */
  fix?: string;
  /** Worth knowing, not a failure (a second webhook that handles the same events). */
  notes?: string[];
}

export interface SetupReport {
  command: "setup";
  dryRun: boolean;
  project: { id: number; path: string; defaultBranch: string | null };
  steps: StepResult[];
  /** Not about a step: e.g. the bot's token expires within a month. */
  warnings?: string[];
}

export function setupFailed(report: SetupReport): StepResult[] {
  return report.steps.filter((step) => step.status === "failed" || step.status === "skipped");
}

/** The report for people: one block per step, then a closing line. */
export function setupLines(report: SetupReport): string[] {
  const { project } = report;
  const lines = [
    `career-bot setup${report.dryRun ? " (dry run: nothing is written)" : ""}: ${project.path} (project ${project.id}, default branch ${project.defaultBranch ?? "none"})`,
  ];
  for (const step of report.steps) {
    const status =
      step.status === "failed" || step.status === "skipped" ? step.status.toUpperCase() : step.status;
    lines.push(`${step.step.padEnd(9)} ${status.padEnd(9)} ${step.detail}`);
    for (const change of step.changes ?? []) lines.push(`${" ".repeat(20)}${change}`);
    for (const note of step.notes ?? []) lines.push(`${" ".repeat(20)}note: ${note}`);
    if (step.fix) lines.push(`${" ".repeat(20)}fix: ${step.fix}`);
  }
  const count = (statuses: StepResult["status"][]) =>
    report.steps.filter((step) => statuses.includes(step.status)).length;
  const changed = report.dryRun
    ? `${count(["planned"])} to change`
    : `${count(["created", "updated"])} changed`;
  lines.push(...(report.warnings ?? []));
  lines.push(
    `setup: ${report.steps.length} step(s): ${changed}, ${count(["unchanged"])} unchanged, ${count(["failed", "skipped"])} not done`,
  );
  return lines;
}
