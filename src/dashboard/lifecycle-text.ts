import { RECHECK_ITEM } from "./input.js";

/*
 * The few facts about the dashboard's text that its lifecycle needs: whether a person ticked the
 * re-check box, and whether two descriptions are the same for the purpose of "nothing to write".
 * The content itself (rows, tables, the Gantt chart) is built elsewhere (build.ts).
 */

const RECHECK_TICKED = new RegExp(
  `^[ \\t]*[-*+][ \\t]+\\[[xX]\\][ \\t]+${escapeRegExp(RECHECK_ITEM)}[ \\t]*$`,
  "m",
);

/** Whether the re-check item is ticked (`- [x]` or `- [X]`, as GitLab's UI and hand edits write it). */
export function recheckTicked(description: string): boolean {
  return RECHECK_TICKED.test(description);
}

/**
 * Descriptions compared as GitLab shows them: a browser edit may turn line ends into CRLF and
 * trailing blank lines come and go. A difference only there is no reason for a write (each write
 * costs a request and, in trigger mode, a pipeline).
 */
export function sameText(a: string, b: string): boolean {
  return normalise(a) === normalise(b);
}

function normalise(text: string): string {
  return text.replace(/\r\n?/g, "\n").trimEnd();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
