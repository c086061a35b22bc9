import { isMap, parseDocument } from "yaml";
import { humanPart } from "./markers.js";

/** How the person's ```yaml career block reads. */
export type DataBlock =
  | { kind: "ok"; data: Record<string, unknown> }
  | { kind: "missing" }
  | { kind: "untagged" }
  | { kind: "invalid"; problem: string };

/** Larger blocks are not career data; refusing them keeps parsing cheap and bounded. */
const MAX_BLOCK_CHARS = 20_000;

const FENCE = /^(```|~~~)[ \t]*yaml[ \t]+career[ \t]*\r?\n([\s\S]*?)^\1[ \t]*$/m;

/** Finds and parses the data block in the part of the description people own. */
export function readDataBlock(description: string): DataBlock {
  const match = FENCE.exec(humanPart(description));
  if (!match) {
    // A yaml code block without the `career` tag is the likeliest slip: say what to add.
    return /^(```|~~~)[ \t]*ya?ml[ \t]*$/m.test(humanPart(description))
      ? { kind: "untagged" }
      : { kind: "missing" };
  }
  const text = match[2] ?? "";
  if (text.length > MAX_BLOCK_CHARS) {
    return {
      kind: "invalid",
      problem: `the block is ${text.length} characters long; keep it under ${MAX_BLOCK_CHARS}`,
    };
  }
  // Aliases are capped so a "billion laughs" block cannot blow up memory.
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    const first = doc.errors[0]!;
    const line = first.linePos?.[0]?.line;
    const where = line === undefined ? "" : ` (line ${line} of the block)`;
    // The commonest slip: `manager: @bob`. YAML reserves `@`, so say how to write it.
    const hint = /reserved character @/.test(first.message)
      ? "; in YAML a value cannot start with the at sign: write the username without it (manager: bob), or put it in quotes"
      : "";
    return {
      kind: "invalid",
      problem: `the YAML does not parse${where}: ${first.message.split("\n")[0]}${hint}`,
    };
  }
  if (!isMap(doc.contents)) {
    return { kind: "invalid", problem: "the block must be a list of `key: value` lines" };
  }
  try {
    const data = doc.toJS({ maxAliasCount: 50 }) as Record<string, unknown>;
    return { kind: "ok", data };
  } catch (error) {
    return {
      kind: "invalid",
      problem: `the YAML cannot be read: ${(error as Error).message.split("\n")[0]}`,
    };
  }
}
