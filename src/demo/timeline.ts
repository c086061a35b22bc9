import { findSection } from "../engine/markers.js";
import type { FakeGitLabState } from "../gitlab/fake/index.js";

/** One thing a person would see on the issue's page (or in the project's activity). */
export interface TimelineEntry {
  at: string;
  actor: string;
  issue: number;
  kind: "opened" | "comment" | "system" | "status" | "setup";
  text: string;
  /** For the bot: whether a webhook's pipeline (`handle`) or the daily schedule (`sweep`) did it. */
  via?: "handle" | "sweep";
}

/**
 * Watches the simulated GitLab between steps and turns what changed into timeline entries: issues
 * opened, comments and GitLab's own notes (labels, due dates, ticks, closing), and every new version
 * of the bot's status section in a description.
 */
export class TimelineRecorder {
  readonly entries: TimelineEntry[] = [];
  private notesSeen = 0;
  private issuesSeen = 0;
  private readonly sections = new Map<number, string>();

  constructor(private readonly state: FakeGitLabState) {}

  add(entry: TimelineEntry): void {
    this.entries.push(entry);
  }

  collect(via?: TimelineEntry["via"]): void {
    const { state } = this;
    const name = (userId: number) => state.userById(userId).username;
    const botish = (actor: string) => (actor === "career-bot" ? via : undefined);
    for (const issue of state.issues.slice(this.issuesSeen)) {
      const actor = name(issue.authorId);
      const text = `opened #${issue.iid} "${issue.title}"${issue.confidential ? " (confidential)" : ""}`;
      this.entries.push({
        at: issue.createdAt,
        actor,
        issue: issue.iid,
        kind: "opened",
        text,
        via: botish(actor),
      });
    }
    this.issuesSeen = state.issues.length;
    for (const note of state.notes.slice(this.notesSeen)) {
      const issue = state.issueById(note.issueId)!;
      const actor = name(note.authorId);
      this.entries.push({
        at: note.createdAt,
        actor,
        issue: issue.iid,
        kind: note.system ? "system" : "comment",
        text: note.system ? note.body : visibleText(note.body),
        via: botish(actor),
      });
    }
    this.notesSeen = state.notes.length;
    // Only the bot's versions of its section: a person's tick shows up as GitLab's own note.
    if (!via) return;
    for (const issue of state.issues) {
      const section = statusSection(issue.description);
      if (section === undefined || this.sections.get(issue.id) === section) continue;
      this.sections.set(issue.id, section);
      this.entries.push({
        at: state.now,
        actor: "career-bot",
        issue: issue.iid,
        kind: "status",
        text: section,
        via,
      });
    }
  }
}

/** The bot's section of a description, without its markers. */
export function statusSection(description: string): string | undefined {
  const bounds = findSection(description);
  if (!bounds) return undefined;
  return visibleText(description.slice(bounds.start, bounds.end));
}

/** What GitLab renders: HTML comments (the bot's markers) are not shown. */
export function visibleText(markdown: string): string {
  return markdown.replace(/<!--[\s\S]*?-->/g, "").trim();
}
