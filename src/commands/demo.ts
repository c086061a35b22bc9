import { writeFile } from "node:fs/promises";
import { dashboardLines } from "../demo/dashboard-view.js";
import { timelineMarkdown } from "../demo/render-markdown.js";
import { timelineText } from "../demo/render-text.js";
import { runInterimDemo } from "../demo/scenario.js";
import { UsageError } from "../errors.js";
import type { CommandInput, CommandOutput } from "./command.js";

/**
 * `career-bot demo [--out FILE]`: a whole interim appointment on the embedded simulated GitLab,
 * printed day by day; needs no GitLab, token or network. Exit 1 if the story did not reach the
 * promotion (a workflow change broke it), so CI notices.
 */
export async function runDemo({ options, io }: CommandInput): Promise<CommandOutput> {
  const result = await runInterimDemo();
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
  const promoted = result.outcome === "promoted";
  return {
    lines: [...timelineText(result), ...dashboardLines(result.dashboard)],
    json: result,
    exitCode: promoted ? 0 : 1,
    ...(promoted ? {} : { failure: `the demo ended without the promotion (stage ${result.stage ?? "?"})` }),
  };
}
