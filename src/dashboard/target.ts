import type { Config } from "../config/schema.js";
import type { ProjectRef } from "../gitlab/port.js";
import type { DashboardScope } from "./read.js";

/** Where a run keeps the dashboard, and what it covers. */
export type DashboardTarget =
  | { kind: "off" }
  /** A group sweep with no `dashboard.project`: said once in the summary, not an error. */
  | { kind: "none"; reason: string }
  | { kind: "on"; project: ProjectRef; scope: DashboardScope };

/**
 * - `dashboard.enabled: false`: no dashboard, no extra request.
 * - `sweep --group`: the dashboard lives in `dashboard.project` and covers the whole group.
 * - A project run (`sweep`, `handle`): the dashboard lives in the project and covers it, unless
 *   `dashboard.project` is set: that says a group sweep keeps the dashboard, and a project run
 *   writing one too would fight it with a project-only view.
 */
export function dashboardTarget(
  config: Config,
  run: { project?: ProjectRef; group?: string },
): DashboardTarget {
  if (!config.dashboard.enabled) return { kind: "off" };
  const home = config.dashboard.project.trim();
  if (run.group !== undefined) {
    if (home === "") {
      return {
        kind: "none",
        reason: "no group dashboard: set dashboard.project to the project that should hold it",
      };
    }
    return { kind: "on", project: asRef(home), scope: { group: run.group } };
  }
  if (run.project === undefined || home !== "") return { kind: "off" };
  return { kind: "on", project: run.project, scope: { project: run.project } };
}

/* A project id given in YAML as a string ("42") addresses the project by id, as everywhere else. */
function asRef(value: string): ProjectRef {
  return /^\d+$/.test(value) ? Number(value) : value;
}
