import type { DashboardContent, DashboardInput } from "./input.js";
import { RECHECK_ITEM } from "./input.js";

/**
 * PLACEHOLDER until the content lands (issue 11): the real build replaces this file whole.
 * Deterministic, so the lifecycle (ensure, quiet day, recreation) can be built against it.
 */
export function buildDashboard(input: DashboardInput): DashboardContent {
  const rows = input.open.map((issue) => `- ${issue.title} (#${issue.iid})`);
  const markdown = [`- [ ] ${RECHECK_ITEM}`, "", ...rows].join("\n");
  return { markdown, json: { open: input.open.length }, csv: "issue\n" };
}
