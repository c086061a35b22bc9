import * as z from "zod";
import { packageVersion } from "../assets.js";
import { LadderFile } from "../careers/ladder-file.js";
import { configSchemaUrl } from "../npm-package.js";
import { Config } from "./schema.js";

/**
 * JSON Schema of `.gitlab/career-bot.yml` as people write it (every key optional), for editors;
 * its `$id` is where this release publishes it.
 */
export function configJsonSchema(version = packageVersion()): Record<string, unknown> {
  const { $schema, ...schema } = z.toJSONSchema(Config, { io: "input", unrepresentable: "any" });
  return {
    $schema,
    $id: configSchemaUrl(version),
    title: "career-bot configuration (.gitlab/career-bot.yml)",
    ...schema,
  };
}

/** JSON Schema of `.gitlab/career-ladders.yml`, a team's own ladders (docs/ladders.md). */
export function ladderJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(LadderFile, { io: "input", unrepresentable: "any" }),
    title: "career-bot career ladders (.gitlab/career-ladders.yml)",
  };
}
