import { safeInline } from "../engine/safe-text.js";
import type { DashboardParts } from "./markdown.js";
import type { WorkflowView } from "./view.js";

/** `report --format json`: the same content as data, text made safe like the page's. */
export function dashboardJson(parts: DashboardParts): unknown {
  return {
    today: parts.today,
    attention: parts.attention.map((i) => ({
      kind: i.kind,
      issue: ref(i.issue),
      what: safeInline(i.what),
      waitsFor: i.waitsFor.map((u) => safeInline(u.replace(/@/g, ""))),
      since: i.since ?? null,
    })),
    workflows: parts.views.map(workflowJson),
    gantt: parts.gantt.map((r) => ({
      issue: ref(r.view.issue),
      workflow: r.view.definition.id,
      start: r.start,
      end: r.end,
      overdue: r.overdue,
      milestones: r.milestones.map((m) => ({ label: safeInline(m.label), day: m.day })),
    })),
    conversations: parts.conversations.map((c) => ({
      manager: safeInline(c.manager),
      issue: c.view ? ref(c.view.issue) : null,
      done: c.done,
    })),
    // Outcomes and stages come from a person's label when the bot's state is absent: safe text too.
    outcomes: {
      ...parts.outcomes,
      counts: parts.outcomes.counts.map((c) => ({ ...c, outcome: safeInline(c.outcome) })),
    },
  };
}

function workflowJson(view: WorkflowView) {
  return {
    issue: ref(view.issue),
    workflow: view.definition.id,
    state: view.issue.state,
    title: safeInline(view.issue.title),
    member: view.member ?? null,
    stage: safeInline(view.stageId),
    since: view.since ?? null,
    next: view.next ? { label: safeInline(view.next.label), day: view.next.day } : null,
    actsNext: view.actors,
    needsInfoSince: view.needsInfo ?? null,
    overdueSince: view.overdueSince ?? null,
    outcome: view.outcome !== undefined ? safeInline(view.outcome) : null,
  };
}

function ref(issue: { projectId: number; iid: number; webUrl: string }) {
  return { projectId: issue.projectId, iid: issue.iid, url: issue.webUrl };
}
