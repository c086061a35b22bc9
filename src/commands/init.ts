import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { packageVersion } from "../assets.js";
import { releaseHome, scaffoldFiles } from "../init/scaffold.js";
import { npxCommand } from "../npm-package.js";
import type { CommandInput, CommandOutput } from "./command.js";

/**
 * `career-bot init [DIR]`: writes a new careers project's files into DIR (default: here). A file
 * that exists is never touched, whatever it holds: init says it skipped it, so running init again,
 * or in a project that has some of the files, is safe.
 */
export async function runInit({ options, env, io }: CommandInput): Promise<CommandOutput> {
  const dir = options.dir ?? ".";
  const home = releaseHome(env);
  const written: string[] = [];
  const skipped: string[] = [];
  const lines: string[] = [];
  for (const file of scaffoldFiles(home)) {
    const target = join(dir, file.path);
    await mkdir(dirname(target), { recursive: true });
    try {
      // "wx": create only; the check and the write are one step, so a file never gets overwritten.
      await writeFile(target, file.text, { flag: "wx" });
      written.push(file.path);
      lines.push(`wrote   ${file.path}`);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      skipped.push(file.path);
      lines.push(`skipped ${file.path} (it exists)`);
      // A project that has its own pipeline still needs the bot's jobs: show what to add.
      if (file.path === ".gitlab-ci.yml")
        lines.push(`  add career-bot's include to it:\n${includeOf(file.text)}`);
    }
  }
  if (home.placeholder && written.includes(".gitlab-ci.yml")) {
    const guesses = [
      home.guessed.includes("component") ? `career-bot's project as ${home.component}` : undefined,
      home.guessed.includes("image") ? `its image as ${home.image}` : undefined,
    ].filter((guess) => guess !== undefined);
    io.stderr(
      `career-bot: .gitlab-ci.yml names ${guesses.join(" and ")}, a guess: this ` +
        "career-bot was not built by a release. Put in the path of career-bot's project on your GitLab " +
        "(or run init with CAREER_BOT_COMPONENT and CAREER_BOT_IMAGE set).\n",
    );
  }
  lines.push(
    written.length === 0
      ? "Nothing to write: every file exists."
      : `Next: fill in people_ops in .gitlab/career-bot.yml and check it with ${npxCommand(packageVersion(), "validate")} ` +
          "(the version the include pins), push, add the CAREER_BOT_TOKEN variable " +
          'and run the career-bot:setup job (career-bot\'s README, "Deploy on GitLab").',
  );
  return { lines, json: { written, skipped, component: home.component }, exitCode: 0 };
}

/** The `include:` block of the scaffolded .gitlab-ci.yml, indented for the terminal. */
function includeOf(ci: string): string {
  const from = ci.indexOf("include:");
  return ci
    .slice(from)
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => `    ${line}`)
    .join("\n");
}
