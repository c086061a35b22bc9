import { findSection } from "../engine/markers.js";
import type { FakeGitLabState } from "../gitlab/fake/index.js";

/** The current stage, from the `career-stage::` label the bot keeps. */
export function stageOf(labels: readonly string[]): string | undefined {
  return labels.find((label) => label.startsWith("career-stage::"))?.slice("career-stage::".length);
}

/** The unticked items of the checklist in the bot's section, as a person sees them to tick. */
export function checklistToDo(state: FakeGitLabState, project: string, iid: number): string[] {
  const issue = state.findIssue(state.requireProject(project).id, iid);
  const bounds = issue && findSection(issue.description);
  if (!bounds) return [];
  const section = issue.description.slice(bounds.start, bounds.end);
  return [...section.matchAll(/^- \[ \] (.+)$/gm)].map((match) => match[1]!.trim());
}
