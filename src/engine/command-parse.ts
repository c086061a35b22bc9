import { skippedBlockEnd } from "../gitlab/quick-action-blocks.js";
import type { ArgKind, Command } from "../workflows/types.js";
import { FIRST_SANE_YEAR, LAST_SANE_YEAR, parseDay } from "./dates.js";

/** One `/career <verb> [args]` line of a person's comment. */
export interface CommandLine {
  verb: string;
  args: string[];
  /** The line as written (for the reply; escaped when rendered). */
  raw: string;
}

/*
 * Zero-width characters a person's text may carry invisibly: the bot's replies quote a command with
 * a zero-width space before it (safe-text.ts), so a line copied from a reply starts with one, and
 * editors and chat tools add the others. Commands are read without them.
 */
const ZERO_WIDTH = /\u200b|\u200c|\u200d|\u2060|\ufeff/g;

/** The text with zero-width characters (U+200B, U+200C, U+200D, U+2060, U+FEFF) removed. */
export function withoutZeroWidth(text: string): string {
  return text.replace(ZERO_WIDTH, "");
}

/**
 * Whether a comment holds a `/career` line, zero-width characters ignored. Only call this on notes
 * people wrote: the bot's own notes are never read as commands.
 */
export function hasCommandLine(body: string): boolean {
  return parseCommandLines(body).length > 0;
}

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;

/**
 * Finds `/career` lines. GitLab runs no quick action called `career`, so the line stays in the
 * comment; like GitLab, lines inside fenced code blocks, HTML blocks and `>>>` quotes are not commands
 * (quick-action-blocks.ts). A line that is a command
 * once zero-width characters are removed is one: that is what pasting a quote of a bot reply gives.
 */
export function parseCommandLines(body: string): CommandLine[] {
  const lines: CommandLine[] = [];
  // The opening fence while inside a fenced code block. Fences are read on the line as written: a
  // zero-width character before the backticks makes it text to GitLab, inside the block.
  let fence: string | undefined;
  const all = body.split(/\r?\n/);
  for (let index = 0; index < all.length; index += 1) {
    const written = all[index]!;
    if (fence === undefined) {
      fence = FENCE_OPEN.exec(written)?.[1];
      if (fence !== undefined) continue;
      // `<details>` ... `</details>`, `<pre>` ... `</pre>`, `>>>` ... `>>>`: skipped as GitLab skips them.
      const blockEnd = skippedBlockEnd(all, index);
      if (blockEnd !== undefined) {
        index = blockEnd;
        continue;
      }
    } else {
      const close = FENCE_CLOSE.exec(written)?.[1];
      // CommonMark: closed only by a fence of the same character, at least as long as the opening.
      if (close !== undefined && close[0] === fence[0] && close.length >= fence.length) fence = undefined;
      continue;
    }
    const line = withoutZeroWidth(written);
    const match = /^\/career(?:\s+(.*))?$/i.exec(line.trimEnd());
    if (!match) continue;
    const words = (match[1] ?? "").trim().split(/\s+/).filter(Boolean);
    lines.push({
      verb: (words[0] ?? "help").toLowerCase(),
      args: words.slice(1),
      raw: line.trim().slice(0, 200),
    });
  }
  return lines;
}

export type ParsedArgs = { ok: true; values: Record<string, string> } | { ok: false; problem: string };

const USERNAME = /^@?([A-Za-z0-9_][A-Za-z0-9_.-]{0,254})$/;

export function usage(command: Command): string {
  const args = command.args.map((arg) => `<${describeKind(arg.kind, arg.name)}>`);
  return ["/career", command.verb, ...args].join(" ");
}

function describeKind(kind: ArgKind, name: string): string {
  if (kind === "user") return `@${name}`;
  if (kind === "day") return `${name} YYYY-MM-DD`;
  if (kind === "url") return `${name} URL`;
  return kind.choice.join("|");
}

export function parseArgs(command: Command, args: string[]): ParsedArgs {
  if (args.length !== command.args.length) {
    return { ok: false, problem: `expected ${command.args.length} argument(s), got ${args.length}` };
  }
  const values: Record<string, string> = {};
  for (const [index, spec] of command.args.entries()) {
    const raw = args[index] ?? "";
    const value = parseArg(spec.kind, raw);
    if (value === undefined)
      return { ok: false, problem: `\`${spec.name}\` is not ${expectation(spec.kind)}` };
    values[spec.name] = value;
  }
  return { ok: true, values };
}

function parseArg(kind: ArgKind, raw: string): string | undefined {
  if (kind === "user") return USERNAME.exec(raw)?.[1];
  if (kind === "day") return parseDay(raw);
  if (kind === "url") return /^https?:\/\/[^\s<>"'`]{1,500}$/.test(raw) ? raw : undefined;
  const lower = raw.toLowerCase();
  return kind.choice.includes(lower) ? lower : undefined;
}

function expectation(kind: ArgKind): string {
  if (kind === "user") return "a GitLab username such as @alice";
  if (kind === "day") return `a real date written YYYY-MM-DD, from ${FIRST_SANE_YEAR} to ${LAST_SANE_YEAR}`;
  if (kind === "url") return "an http(s) URL";
  return `one of ${kind.choice.join(", ")}`;
}
