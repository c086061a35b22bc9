import { type Document, isMap, isScalar, type LineCounter } from "yaml";
import * as z from "zod";
import { editDistance } from "../commands/command-word.js";
import { Config } from "./schema.js";

type Issue = z.core.$ZodIssue;
type Key = string | number;

/**
 * A config problem as people read it: `file:line: key: what is wrong`, in plain words instead of
 * zod's ("Invalid input: expected number, received string"), and for a key the config does not
 * have, the nearest one it does (`timezon` -> did you mean timezone?). The line is where the key
 * or value stands in the file, when the YAML has it.
 */
export function describeConfigIssues(
  issues: readonly Issue[],
  file: string,
  doc: Document,
  lines: LineCounter,
): string[] {
  return issues.flatMap((issue) => {
    if (issue.code === "unrecognized_keys")
      return issue.keys.map((key) => {
        const path = [...(issue.path as Key[]), key];
        return `${where(file, lines, keyOffset(doc, path))}${dotted(path)}: ${unknownKey(issue.path as Key[], key)}`;
      });
    const path = issue.path as Key[];
    const key = path.length > 0 ? dotted(path) : "(top level)";
    return [`${where(file, lines, valueOffset(doc, path))}${key}: ${plainMessage(issue, doc.getIn(path))}`];
  });
}

function where(file: string, lines: LineCounter, offset: number | undefined): string {
  return offset === undefined ? `${file}: ` : `${file}:${lines.linePos(offset).line}: `;
}

function dotted(path: readonly Key[]): string {
  return path.join(".");
}

/** zod's own wording, which the schema did not replace with a message of its own. */
const ZOD_WORDING = /^(Invalid input|Too small|Too big|Invalid option)\b/;

function plainMessage(issue: Issue, value: unknown): string {
  // A message the schema wrote for this rule is plain already and says more than a bound would.
  if (!ZOD_WORDING.test(issue.message)) return issue.message;
  switch (issue.code) {
    case "invalid_type":
      return `must be ${kind(issue.expected)}, not ${describeValue(value)}`;
    case "too_small":
      return bound(issue.origin, issue.minimum, issue.inclusive ?? false, "at least", "more than");
    case "too_big":
      return bound(issue.origin, issue.maximum, issue.inclusive ?? false, "at most", "less than");
    case "invalid_value":
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}, not ${describeValue(value)}`;
    default:
      // The schema's own messages ("must be a GitLab username") are plain already.
      return issue.message;
  }
}

function bound(origin: string, limit: unknown, inclusive: boolean, within: string, beyond: string): string {
  const n = String(limit);
  if (origin === "array") return `must have ${within} ${n} item(s)`;
  if (origin === "string") return `must have ${within} ${n} character(s)`;
  return `must be ${inclusive ? within : beyond} ${n}`;
}

function kind(expected: string): string {
  const words: Record<string, string> = {
    number: "a number",
    int: "a whole number",
    string: "a text",
    boolean: "true or false",
    array: "a list (e.g. [alice, bob])",
    object: "a group of settings (key: value lines indented under it)",
  };
  return words[expected] ?? expected;
}

function describeValue(value: unknown): string {
  if (value === undefined || value === null) return "empty";
  if (Array.isArray(value) || isMap(value) || (typeof value === "object" && !isScalar(value)))
    return isMap(value) ? "a group of settings" : "a list";
  const plain = isScalar(value) ? value.value : value;
  if (typeof plain === "string") return `the text ${JSON.stringify(plain)}`;
  if (typeof plain === "number") return `the number ${plain}`;
  if (typeof plain === "boolean") return String(plain);
  return JSON.stringify(plain) ?? "that";
}

function unknownKey(parent: readonly Key[], key: string): string {
  const known = knownKeys(parent);
  const scope = parent.length === 0 ? "career-bot's configuration" : dotted(parent);
  const nearest = nearestKey(key, known);
  if (nearest) return `${scope} has no setting ${JSON.stringify(key)}: did you mean ${nearest}?`;
  return `${scope} has no setting ${JSON.stringify(key)} (its settings: ${known.join(", ")})`;
}

function nearestKey(key: string, known: readonly string[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const name of known) {
    const distance = editDistance(key.toLowerCase(), name);
    if (!best || distance < best.distance) best = { name, distance };
  }
  return best && best.distance <= Math.max(1, Math.floor(best.name.length / 3)) ? best.name : undefined;
}

type JsonSchema = { properties?: Record<string, JsonSchema>; items?: JsonSchema };
let inputSchema: JsonSchema | undefined;

/** The keys the config accepts at a path (from the schema people write against). */
function knownKeys(path: readonly Key[]): string[] {
  inputSchema ??= z.toJSONSchema(Config, { io: "input", unrepresentable: "any" }) as JsonSchema;
  let node: JsonSchema | undefined = inputSchema;
  for (const key of path) node = typeof key === "number" ? node?.items : node?.properties?.[key];
  return Object.keys(node?.properties ?? {});
}

/** Where the value at a path starts in the text. */
function valueOffset(doc: Document, path: readonly Key[]): number | undefined {
  if (path.length === 0) return undefined;
  const node = doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
  return node?.range?.[0] ?? keyOffset(doc, path);
}

/** Where a key is written in the text. */
function keyOffset(doc: Document, path: readonly Key[]): number | undefined {
  const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
  if (!isMap(parent)) return undefined;
  const key = path[path.length - 1];
  const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === key);
  return (pair?.key as { range?: [number, number, number] } | undefined)?.range?.[0];
}
