import { readFile } from "node:fs/promises";
import { parseConfigText } from "../config/load.js";
import { misnamedConfigProblem } from "../config/misnamed.js";
import { Renderer } from "../engine/render.js";
import { validateDefinition } from "../engine/validate-definition.js";
import { ConfigError } from "../errors.js";
import { workflows } from "../workflows/index.js";
import { checkIssueTemplates, ISSUE_TEMPLATE_DIR } from "./validate-issue-templates.js";

/** What validate found when nothing is wrong (`--json`); problems are thrown as one ConfigError. */
export interface ValidateResult {
  config: { path: string; found: boolean };
  warnings: string[];
  workflows: number;
  messageTemplates: number;
  issueTemplates: { dir: string; checked: number };
}

/** Checks the config, every workflow definition and every template; throws a ConfigError listing all problems. */
export async function validate(configPath: string, required = false): Promise<ValidateResult> {
  const problems: string[] = [];
  let text: string | undefined;
  try {
    text = await readFile(configPath, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT" || required)
      problems.push(
        `${configPath}: cannot read the config file (${(error as NodeJS.ErrnoException).code ?? "error"})`,
      );
    else {
      const misnamed = misnamedConfigProblem(configPath);
      if (misnamed) problems.push(misnamed);
    }
  }
  const warnings: string[] = [];
  if (text !== undefined) {
    try {
      const config = parseConfigText(text, configPath);
      if (config.people_ops.length === 0) {
        warnings.push(
          `warning: ${configPath}: people_ops is empty, so nobody can record a promotion decision (career::promotion); add the People team's usernames`,
        );
      }
    } catch (error) {
      if (error instanceof ConfigError) problems.push(...error.problems);
      else throw error;
    }
  }
  const renderer = new Renderer();
  for (const definition of workflows) problems.push(...validateDefinition(definition, renderer));
  for (const name of renderer.names) {
    try {
      renderer.render(name, {});
    } catch (error) {
      problems.push(`templates/${name}.hbs: ${(error as Error).message.split("\n")[0]}`);
    }
  }
  const templates = await checkIssueTemplates();
  problems.push(...templates.problems);
  if (problems.length > 0) {
    throw new ConfigError(
      `${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join("\n")}`,
      problems,
    );
  }
  return {
    config: { path: configPath, found: text !== undefined },
    warnings,
    workflows: workflows.length,
    messageTemplates: renderer.names.size,
    issueTemplates: { dir: ISSUE_TEMPLATE_DIR, checked: templates.checked },
  };
}

export function validateLines(result: ValidateResult): string[] {
  const { path, found } = result.config;
  return [
    found ? `${path}: ok` : `${path}: not found, using the defaults`,
    ...result.warnings,
    `${result.workflows} workflow(s) and ${result.messageTemplates} message template(s): ok`,
    `${result.issueTemplates.checked} issue template(s) in ${result.issueTemplates.dir}: ok`,
  ];
}
