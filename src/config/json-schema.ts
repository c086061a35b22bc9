import * as z from "zod";
import { Config } from "./schema.js";

/** JSON Schema of `.gitlab/career-bot.yml` as people write it (every key optional), for editors. */
export function configJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(Config, { io: "input", unrepresentable: "any" }),
    title: "career-bot configuration (.gitlab/career-bot.yml)",
  };
}
