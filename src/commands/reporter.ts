import type { Issue } from "../gitlab/port.js";
import type { Reporter } from "../run/context.js";
import type { Io } from "./options.js";
import { terminalSafe } from "./terminal-text.js";

/**
 * Progress lines on stderr (stdout is for --json). In GitLab CI each issue's lines fold into a
 * collapsible section whose header is the issue's reference and title
 * (`section_start:<unix>:<name>[collapsed=true]\r\e[0K<header>`). The title is a person's text, so
 * it is made terminal-safe: no escape sequence or newline of theirs reaches the job log.
 */
export function consoleReporter(env: NodeJS.ProcessEnv, io: Io, clock: () => number = Date.now): Reporter {
  const ci = env.GITLAB_CI === "true";
  const section = (ref: string) => `issue_${ref.replace(/[^A-Za-z0-9_]/g, "_")}`;
  // Section timestamps are for GitLab's log viewer only; they never reach a decision.
  const stamp = () => Math.floor(clock() / 1000);
  return {
    info: (line) => io.stderr(`${line}\n`),
    beginIssue: ci
      ? (ref, issue) => {
          const header = issue === undefined ? ref : `${issueReference(issue)} ${terminalSafe(issue.title)}`;
          io.stderr(
            `\u001b[0Ksection_start:${stamp()}:${section(ref)}[collapsed=true]\r\u001b[0K${header}\n`,
          );
        }
      : undefined,
    endIssue: ci
      ? (ref) => io.stderr(`\u001b[0Ksection_end:${stamp()}:${section(ref)}\r\u001b[0K\n`)
      : undefined,
  };
}

/**
 * GitLab's full reference of an issue, `group/project#12`, from its web URL; `#12` when the URL
 * does not have the usual `/-/issues/` shape.
 */
export function issueReference(issue: Pick<Issue, "iid" | "webUrl">): string {
  const match = /^https?:\/\/[^/]+\/(.+?)\/-\/(?:issues|work_items)\/\d+/.exec(issue.webUrl);
  return `${match ? terminalSafe(match[1]!) : ""}#${issue.iid}`;
}
