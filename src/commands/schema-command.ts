import { configJsonSchema } from "../config/json-schema.js";
import type { CommandOutput } from "./command.js";

/** `career-bot schema`: the config's JSON Schema, which is JSON with or without --json. */
export async function runSchema(): Promise<CommandOutput> {
  const schema = configJsonSchema();
  return { lines: JSON.stringify(schema, null, 2).split("\n"), json: schema, exitCode: 0 };
}
