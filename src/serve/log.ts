import { terminalSafe } from "../commands/terminal-text.js";
import type { RunSummary } from "../run/summary.js";

export type LogFormat = "text" | "json";

/** What became of one webhook event: the one log line `serve` writes for it. */
export interface EventRecord {
  /** GitLab's `X-Gitlab-Event` header, e.g. `Note Hook`. */
  event: string;
  /** `projectId#iid`, or `(ignored)` / `(invalid)` for an event about no issue. */
  issue: string;
  outcome: "done" | "ignored" | "failed";
  /** One line per write made (or, in a dry run, planned). */
  writes: string[];
  /** Why it was ignored, or what failed. Never holds a secret (errorLine cut them out). */
  detail?: string;
}

/** serve's log: a line per event, and a few lines about the server itself. */
export interface ServeLog {
  event(record: EventRecord): void;
  info(message: string): void;
}

/**
 * Lines with an ISO timestamp first. `text` is for people (`2026-01-05T09:00:00.000Z Note Hook
 * 42#7: done, 1 write: note reply:9`); `json` is one object per line (`time`, `level`, `msg`, and
 * the record's fields) for log collectors. The timestamp is the wall clock, not `--now`: it says when
 * the line was written, and the run's clock is a decision input only. A text line holds people's
 * text (an event's detail quotes what failed, a write names its note) and GitLab's header: it is
 * made terminal-safe as the CI section titles are, so no newline can forge a second line and no
 * escape sequence can recolour or rewrite the log. JSON escapes both by itself.
 */
export function serveLog(format: LogFormat, write: (line: string) => void, clock: () => Date): ServeLog {
  const time = () => clock().toISOString();
  if (format === "json") {
    return {
      event: (record) =>
        write(
          JSON.stringify({
            time: time(),
            level: record.outcome === "failed" ? "error" : "info",
            msg: eventText(record),
            ...record,
          }),
        ),
      info: (message) => write(JSON.stringify({ time: time(), level: "info", msg: message })),
    };
  }
  return {
    event: (record) => write(`${time()} ${terminalSafe(eventText(record), TEXT_LINE_MAX)}`),
    info: (message) => write(`${time()} ${terminalSafe(message, TEXT_LINE_MAX)}`),
  };
}

/* Long enough for every write of a busy event; a cap all the same, so one event is one readable line. */
const TEXT_LINE_MAX = 4000;

function eventText(record: EventRecord): string {
  const head = `${record.event} ${record.issue}: ${record.outcome}`;
  if (record.outcome !== "done") return record.detail ? `${head}: ${record.detail}` : head;
  const count = `${record.writes.length} write${record.writes.length === 1 ? "" : "s"}`;
  return record.writes.length > 0 ? `${head}, ${count}: ${record.writes.join("; ")}` : `${head}, ${count}`;
}

/** The record of a handled event from its run summary. */
export function eventRecord(event: string, issue: string, summary: RunSummary): EventRecord {
  const writes = summary.issues.flatMap((outcome) => outcome.writes.map((write) => write.what));
  if (summary.failures.length > 0) {
    const detail = summary.failures.map((failure) => `${failure.ref}: ${failure.error}`).join("; ");
    return { event, issue, outcome: "failed", writes, detail };
  }
  if (summary.ignored) return { event, issue, outcome: "ignored", writes, detail: summary.ignored };
  return { event, issue, outcome: "done", writes };
}
