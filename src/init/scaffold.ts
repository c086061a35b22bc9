import {
  commentedConfig,
  embeddedAssets,
  issueTemplate,
  issueTemplateNames,
  packageVersion,
  scaffoldFile,
} from "../assets.js";
import { configSchemaUrl, npxCommand } from "../npm-package.js";
import { withPlaceholders } from "./placeholders.js";

/** One file `career-bot init` writes, by its path in the careers project. */
export interface ScaffoldFile {
  path: string;
  text: string;
}

/** Where career-bot's component and image are; `placeholder` when no release said so. */
export interface Home {
  component: string;
  image: string;
  placeholder: boolean;
  /** Which of the two are guesses (neither the environment nor a release named them). */
  guessed: Array<"component" | "image">;
}

/**
 * A placeholder home, for a career-bot that no release built (a checkout, a local bundle): the
 * project path is a guess that the careers project must correct, and init says so.
 */
const GUESS = {
  component: "$CI_SERVER_FQDN/tools/career-bot/career-bot",
  image: "$CI_REGISTRY/tools/career-bot",
};

/**
 * The release's home: the environment's CAREER_BOT_COMPONENT and CAREER_BOT_IMAGE when set (a
 * team that mirrors career-bot elsewhere), else what the release that built this bundle embedded.
 */
export function releaseHome(env: NodeJS.ProcessEnv): Home {
  const embedded = embeddedAssets()?.home ?? {};
  const component = env.CAREER_BOT_COMPONENT || embedded.component;
  const image = env.CAREER_BOT_IMAGE || embedded.image;
  const guessed = [
    ...(component === undefined ? (["component"] as const) : []),
    ...(image === undefined ? (["image"] as const) : []),
  ];
  return {
    component: component ?? GUESS.component,
    image: image ?? GUESS.image,
    placeholder: guessed.length > 0,
    guessed,
  };
}

/**
 * A careers project's files: the config with every key commented, one issue template per workflow
 * with placeholders for people and dates, and a .gitlab-ci.yml that includes this version's component.
 */
export function scaffoldFiles(home: Home, version = packageVersion()): ScaffoldFile[] {
  const ci = scaffoldFile("gitlab-ci.yml")
    .replace("{{component}}", home.component)
    .replace("{{version}}", version)
    .replace("{{image}}", home.image);
  return [
    { path: ".gitlab/career-bot.yml", text: careersProjectConfig(commentedConfig(), version) },
    // Comments only: the page's ladders apply until a team writes its own (docs/ladders.md).
    { path: ".gitlab/career-ladders.yml", text: scaffoldFile("career-ladders.yml") },
    ...issueTemplateNames().map((name) => ({
      path: `.gitlab/issue_templates/${name}.md`,
      text: withPlaceholders(issueTemplate(name)),
    })),
    { path: ".gitlab-ci.yml", text: ci },
  ];
}

/** The header lines of this repository's config, which speak of this repository. */
const HEADER = [
  "# yaml-language-server:",
  "# career-bot configuration.",
  "# Each comment is the key's description",
];

/**
 * This repository's commented config, headed for a careers project: the editor's schema line points
 * at a file only this repository has, so it makes way for the release's published schema, and the
 * check to run is this release's, the one the include pins (a careers project has no package.json).
 */
function careersProjectConfig(config: string, version: string): string {
  const body = config
    .split("\n")
    .filter((line) => !HEADER.some((start) => line.startsWith(start)))
    .join("\n");
  return [
    `# yaml-language-server: $schema=${configSchemaUrl(version)}`,
    "# career-bot's configuration (written by `career-bot init`). Every key is optional: the values below",
    "# are the defaults, the numbers of the handbook's career-development page; change what you need.",
    `# The pipeline's career-bot:validate checks this file; from a terminal: ${npxCommand(version, "validate")}`,
    body,
  ].join("\n");
}
