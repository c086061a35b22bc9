import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { configJsonSchema } from "../../src/config/json-schema.js";
import { parseConfigText } from "../../src/config/load.js";

// Editors show a key's description from career-bot.schema.json; the commented config says the same
// thing in its comments. Both come from src/config/schema.ts's `.describe()`s.

interface Node {
  description?: string;
  properties?: Record<string, Node>;
  items?: Node;
  anyOf?: Node[];
}

/** Every key of the schema with its path (`interim.max_months`, `conversations.roster[].manager`). */
function keys(node: Node, path = ""): Array<{ path: string; description?: string }> {
  const found: Array<{ path: string; description?: string }> = [];
  for (const [name, child] of Object.entries(node.properties ?? {})) {
    const at = path ? `${path}.${name}` : name;
    found.push({ path: at, description: child.description }, ...keys(child, at));
  }
  if (node.items) found.push(...keys(node.items, `${path}[]`));
  for (const option of node.anyOf ?? []) found.push(...keys(option, path));
  return found;
}

/** `key: value  # comment` lines of a YAML file, each with its dotted path by indentation. */
function commentedKeys(text: string): Map<string, string | undefined> {
  const found = new Map<string, string | undefined>();
  const stack: Array<{ indent: number; name: string }> = [];
  for (const line of text.split("\n")) {
    const match = /^( *)([a-z_]+):[^#]*(?:# (.*))?$/.exec(line);
    if (!match) continue;
    const indent = match[1]!.length;
    while (stack.length > 0 && stack.at(-1)!.indent >= indent) stack.pop();
    stack.push({ indent, name: match[2]! });
    found.set(stack.map((entry) => entry.name).join("."), match[3]?.trim());
  }
  return found;
}

describe("the config's JSON Schema", () => {
  const schemaKeys = keys(configJsonSchema() as Node);

  it("describes every key, nested ones and list items included", () => {
    expect(schemaKeys.length).toBeGreaterThan(25);
    expect(schemaKeys.filter((key) => !key.description).map((key) => key.path)).toEqual([]);
  });

  it("notices a key without a description", () => {
    const undescribed = keys({ properties: { a: { description: "x", properties: { b: {} } } } });
    expect(undescribed.filter((key) => !key.description).map((key) => key.path)).toEqual(["a.b"]);
  });

  it("says what the commented config says, for every key", () => {
    const text = readFileSync(".gitlab/career-bot.yml", "utf8");
    parseConfigText(text); // and the commented config is a valid one
    const comments = commentedKeys(text);
    const expected = new Map(
      schemaKeys.filter((key) => !key.path.includes("[]")).map((key) => [key.path, key.description]),
    );
    expect(Object.fromEntries(comments)).toEqual(Object.fromEntries(expected));
  });
});
