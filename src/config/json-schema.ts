import * as z from "zod";
import { LadderFile } from "../careers/ladder-file.js";
import { Config } from "./schema.js";

/** JSON Schema of `.gitlab/career-bot.yml` as people write it (every key optional), for editors. */
export function configJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(Config, { io: "input", unrepresentable: "any" }),
    title: "career-bot configuration (.gitlab/career-bot.yml)",
  };
}

/** JSON Schema of `.gitlab/career-ladders.yml`, a team's own ladders (docs/ladders.md). */
export function ladderJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(LadderFile, { io: "input", unrepresentable: "any" }),
    title: "career-bot career ladders (.gitlab/career-ladders.yml)",
  };
}
