/**
 * Finds quick actions in text the way GitLab's `Gitlab::QuickActions::Extractor` does: a command
 * counts only when `/` is the first character of a line, the name is a known command, and the line
 * is outside a ``` / ~~~ fence, an HTML block (`<details>` ... `</details>`) or a `>>>` quote block
 * (quick-action-blocks.ts). Command lines are removed from the saved text.
 * The fake runs these on every description and note, because GitLab does, with the writer's rights.
 */

import { skippedBlockEnd } from "../quick-action-blocks.js";

export interface QuickAction {
  name: string;
  args: string;
}

export interface ExtractedQuickActions {
  /** The text GitLab saves: unchanged when there were no commands, else without the command lines. */
  text: string;
  actions: QuickAction[];
}

/** The issue commands the fake executes; other `/word` lines stay text, as on GitLab. */
export const QUICK_ACTION_NAMES = [
  "label",
  "unlabel",
  "remove_label",
  "relabel",
  "close",
  "reopen",
  "confidential",
  "due",
  "remove_due_date",
  "assign",
  "unassign",
  "title",
  "cc",
] as const;

const COMMAND_LINE = /^\/([a-z_]+)(?:[ \t]+(.*))?$/i;
const FENCE = /^ {0,3}(```|~~~)/;

export function extractQuickActions(text: string): ExtractedQuickActions {
  const lines = text.split("\n");
  const kept: string[] = [];
  const actions: QuickAction[] = [];
  let fence: string | null = null;
  const bare = lines.map((rawLine) => (rawLine.endsWith("\r") ? rawLine.slice(0, -1) : rawLine));
  for (let index = 0; index < lines.length; index += 1) {
    const rawLine = lines[index]!;
    const line = bare[index]!;
    const opener = FENCE.exec(line)?.[1] ?? null;
    if (opener && (fence === null || fence === opener)) {
      fence = fence === null ? opener : null;
      kept.push(rawLine);
      continue;
    }
    const blockEnd = fence === null ? skippedBlockEnd(bare, index) : undefined;
    if (blockEnd !== undefined) {
      kept.push(...lines.slice(index, blockEnd + 1));
      index = blockEnd;
      continue;
    }
    const action = fence === null ? parseCommandLine(line) : null;
    if (action) {
      actions.push(action);
      continue;
    }
    kept.push(rawLine);
  }
  if (actions.length === 0) return { text, actions };
  return { text: kept.join("\n").trim(), actions };
}

function parseCommandLine(line: string): QuickAction | null {
  const match = COMMAND_LINE.exec(line);
  if (!match) return null;
  const name = match[1]!.toLowerCase();
  if (!(QUICK_ACTION_NAMES as readonly string[]).includes(name)) return null;
  return { name, args: (match[2] ?? "").trim() };
}

/** `~a ~"b c" d` -> `["a", "b c", "d"]`. Scoped names (`~x::y`) are accepted unquoted for leniency. */
export function parseLabelArgs(args: string): string[] {
  const names: string[] = [];
  for (const match of args.matchAll(/~?"([^"]+)"|~?([^\s~",]+)/g)) {
    const name = (match[1] ?? match[2] ?? "").trim();
    if (name) names.push(name);
  }
  return names;
}

/** `@a @b me` -> `["a", "b", "me"]`. */
export function parseUserArgs(args: string): string[] {
  return args
    .split(/[\s,]+/)
    .map((word) => word.replace(/^@/, ""))
    .filter((word) => word.length > 0);
}

/** A reference the way GitLab writes labels in notes: quoted unless made of plain characters. */
export function labelReference(name: string): string {
  return /^[A-Za-z0-9_\-?.&]+$/.test(name) ? `~${name}` : `~"${name}"`;
}
