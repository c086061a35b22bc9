#!/usr/bin/env node
// Used by the bot jobs of .gitlab-ci.yml when their cache has no bundle: downloads
// dist/career-bot.mjs from the latest successful `bundle` job of this branch with the job token
// (CI_JOB_TOKEN may download artifacts of its own project). Plain Node, no dependencies.
import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";

const { CI_API_V4_URL, CI_PROJECT_ID, CI_COMMIT_REF_NAME, CI_JOB_TOKEN } = process.env;
const target = process.argv[2] ?? "dist/career-bot.mjs";

if (!CI_API_V4_URL || !CI_PROJECT_ID || !CI_COMMIT_REF_NAME || !CI_JOB_TOKEN) {
  console.error("fetch-bundle: run this in a GitLab CI job (CI_API_V4_URL, CI_PROJECT_ID, CI_JOB_TOKEN)");
  process.exit(2);
}

const url =
  `${CI_API_V4_URL}/projects/${encodeURIComponent(CI_PROJECT_ID)}/jobs/artifacts/` +
  `${encodeURIComponent(CI_COMMIT_REF_NAME)}/raw/dist/career-bot.mjs?job=bundle`;

for (let attempt = 1; ; attempt += 1) {
  const response = await fetch(url, { headers: { "JOB-TOKEN": CI_JOB_TOKEN } }).catch((error) => error);
  if (response instanceof Response && response.ok) {
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, Buffer.from(await response.arrayBuffer()));
    console.error(`fetch-bundle: ${target} from the latest bundle job of ${CI_COMMIT_REF_NAME}`);
    break;
  }
  const status = response instanceof Response ? response.status : String(response);
  if (response instanceof Response && response.status === 404) {
    console.error(
      `fetch-bundle: no bundle on ${CI_COMMIT_REF_NAME} yet (404): run a pipeline on that branch ` +
        "(a push does) so its bundle job builds dist/career-bot.mjs",
    );
    process.exit(1);
  }
  if (attempt === 3) {
    console.error(`fetch-bundle: cannot download the bundle (${status})`);
    process.exit(1);
  }
  await new Promise((resolve) => setTimeout(resolve, attempt * 2000));
}
