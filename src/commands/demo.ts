import { writeFile } from "node:fs/promises";
import { timelineMarkdown } from "../demo/render-markdown.js";
import { timelineText } from "../demo/render-text.js";
import { runInterimDemo } from "../demo/scenario.js";
import { CareerBotError, UsageError } from "../errors.js";
import type { GlobalOptions, Io } from "./run-command.js";

/**
 * `career-bot demo [--out FILE]`: a whole interim appointment on the embedded simulated GitLab,
 * printed day by day; needs no GitLab, token or network. Exit 1 if the story did not reach the
 * promotion (a workflow change broke it), so CI notices.
 */
export async function demoCommand(options: GlobalOptions, io: Io): Promise<undefined> {
  const result = await runInterimDemo();
  if (options.json) io.stdout(`${JSON.stringify(result, null, 2)}\n`);
  else for (const line of timelineText(result)) io.stdout(`${line}\n`);
  if (options.out) {
    try {
      await writeFile(options.out, timelineMarkdown(result), "utf8");
    } catch (error) {
      throw new UsageError(
        `cannot write ${options.out}: ${(error as NodeJS.ErrnoException).code ?? "error"}`,
      );
    }
    io.stderr(`wrote the timeline with its diagrams to ${options.out}\n`);
  }
  if (result.outcome !== "promoted") {
    throw new CareerBotError(
      "EDEMO",
      `the demo ended without the promotion (stage ${result.stage ?? "?"})`,
      1,
    );
  }
  return undefined;
}
