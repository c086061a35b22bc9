import { readFile } from "node:fs/promises";
import { LadderFileError, ladderFilePath, loadLadderFile } from "../careers/ladder-file.js";
import { PAGE_LADDERS } from "../careers/ladder-set.js";
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
  /** The ladder file beside the config: found or not (then the handbook page's ladders apply). */
  ladders: { path: string; found: boolean; departments: number; roles: number };
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
  const ladders = checkLadderFile(configPath, problems);
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
    ladders,
    warnings,
    workflows: workflows.length,
    messageTemplates: renderer.names.size,
    issueTemplates: { dir: ISSUE_TEMPLATE_DIR, checked: templates.checked },
  };
}

/** Problems of `career-ladders.yml` beside the config join the others; what it holds, for the summary. */
function checkLadderFile(configPath: string, problems: string[]): ValidateResult["ladders"] {
  const path = ladderFilePath(configPath);
  try {
    const ladders = loadLadderFile(configPath);
    return {
      path,
      found: ladders !== undefined,
      departments: (ladders ?? PAGE_LADDERS).departments.length,
      roles: (ladders ?? PAGE_LADDERS).roles.length,
    };
  } catch (error) {
    if (!(error instanceof LadderFileError)) throw error;
    problems.push(...error.problems);
    return { path, found: true, departments: 0, roles: 0 };
  }
}

export function validateLines(result: ValidateResult): string[] {
  const { path, found } = result.config;
  const ladders = result.ladders;
  return [
    found ? `${path}: ok` : `${path}: not found, using the defaults`,
    ladders.found
      ? `${ladders.path}: ok (${ladders.departments} department(s), ${ladders.roles} role(s))`
      : `${ladders.path}: not found, using the handbook page's ladders`,
    ...result.warnings,
    `${result.workflows} workflow(s) and ${result.messageTemplates} message template(s): ok`,
    `${result.issueTemplates.checked} issue template(s) in ${result.issueTemplates.dir}: ok`,
  ];
}
