import { describe, expect, it } from "vitest";
import type { GitLabPort, PipelineVariables, PipelineVariablesRole } from "../../src/gitlab/port.js";
import {
  ensurePipelineVariables,
  maySetVariables,
  VARIABLES_PLACE,
} from "../../src/setup/ensure-variables.js";

/*
 * The variables step's guards: it must never send a PUT that GitLab refuses (Projects::UpdateService
 * lets only an Owner change the setting to or from `owner`, and only Maintainers change it at all),
 * and must say what to do instead.
 */

function run(settings: PipelineVariables, level: number) {
  const puts: PipelineVariablesRole[] = [];
  const port = {
    setPipelineVariablesRole: async (_project: number, role: PipelineVariablesRole) => {
      puts.push(role);
      return {};
    },
  } as unknown as GitLabPort;
  const result = ensurePipelineVariables({
    port,
    project: {
      id: 42,
      path: "org/careers",
      defaultBranch: "main",
      webUrl: "https://gitlab.example.com/org/careers",
      accessLevel: level,
      pipelineVariables: settings,
    },
    bot: { id: 1, username: "career-bot", name: "career bot" } as never,
    gitlabUrl: "https://gitlab.example.com",
    dryRun: false,
    secrets: [],
  });
  return { result, puts };
}

describe("who may use pipeline variables", () => {
  it("reads restrict_user_defined_variables: null as not saying, so Maintainers only, never as unrestricted", () => {
    const unknown = { minimumRole: null, restricted: null };
    expect(maySetVariables(unknown, 30)).toBe(false);
    expect(maySetVariables(unknown, 40)).toBe(true);
    expect(maySetVariables({ minimumRole: null, restricted: false }, 30)).toBe(true);
  });
});

describe("the variables step sends no PUT GitLab would refuse", () => {
  it("setting owner, Maintainer token: no PUT, and says to ask an Owner", async () => {
    const { result, puts } = run({ minimumRole: "owner", restricted: true }, 40);
    const step = await result;
    expect(puts).toEqual([]);
    expect(step.status).toBe("failed");
    expect(step.fix).toContain("ask an Owner of the project to set it to maintainer");
    expect(step.fix).toContain(VARIABLES_PLACE);
  });

  it("a Developer token: no PUT, and says what to do", async () => {
    const { result, puts } = run({ minimumRole: "maintainer", restricted: true }, 30);
    const step = await result;
    expect(puts).toEqual([]);
    expect(step.status).toBe("failed");
    expect(step.fix).toContain("The token's user is Developer");
  });

  it("setting no_one_allowed, Maintainer token: the one PUT GitLab accepts, to maintainer", async () => {
    const { result, puts } = run({ minimumRole: "no_one_allowed", restricted: true }, 40);
    expect((await result).status).toBe("updated");
    expect(puts).toEqual(["maintainer"]);
  });
});
