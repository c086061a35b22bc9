#!/usr/bin/env node
// Used by the bot jobs of .gitlab-ci.yml when their cache has no bundle: downloads the bundle's
// files (dist/career-bot.mjs and the startup snapshot dist/career-bot.blob) from the latest
// successful `bundle` job of this branch with the job token (CI_JOB_TOKEN may download artifacts
// of its own project). Plain Node, no dependencies.
// Usage: node scripts/fetch-bundle.mjs [FILE...]  (artifact paths, written to the same path here)
import { mkdir, rename, writeFile } from "node:fs/promises";
import { dirname } from "node:path";

const { CI_API_V4_URL, CI_PROJECT_ID, CI_COMMIT_REF_NAME, CI_JOB_TOKEN } = process.env;
const files =
  process.argv.length > 2 ? process.argv.slice(2) : ["dist/career-bot.mjs", "dist/career-bot.blob"];

if (!CI_API_V4_URL || !CI_PROJECT_ID || !CI_COMMIT_REF_NAME || !CI_JOB_TOKEN) {
  console.error("fetch-bundle: run this in a GitLab CI job (CI_API_V4_URL, CI_PROJECT_ID, CI_JOB_TOKEN)");
  process.exit(2);
}

for (const file of files) await fetchArtifact(file);

async function fetchArtifact(file) {
  const url =
    `${CI_API_V4_URL}/projects/${encodeURIComponent(CI_PROJECT_ID)}/jobs/artifacts/` +
    `${encodeURIComponent(CI_COMMIT_REF_NAME)}/raw/${file.split("/").map(encodeURIComponent).join("/")}?job=bundle`;
  for (let attempt = 1; ; attempt += 1) {
    const response = await fetch(url, { headers: { "JOB-TOKEN": CI_JOB_TOKEN } }).catch((error) => error);
    if (response instanceof Response && response.ok) {
      await mkdir(dirname(file), { recursive: true });
      // Whole or not at all: a half-written file would pass the jobs' `test -f`.
      const partial = `${file}.part`;
      await writeFile(partial, Buffer.from(await response.arrayBuffer()));
      await rename(partial, file);
      console.error(`fetch-bundle: ${file} from the latest bundle job of ${CI_COMMIT_REF_NAME}`);
      return;
    }
    const status = response instanceof Response ? response.status : String(response);
    if (response instanceof Response && response.status === 404) {
      console.error(
        `fetch-bundle: no ${file} on ${CI_COMMIT_REF_NAME} yet (404): run a pipeline on that branch ` +
          "(a push does) so its bundle job builds it",
      );
      process.exit(1);
    }
    if (attempt === 3) {
      console.error(`fetch-bundle: cannot download ${file} (${status})`);
      process.exit(1);
    }
    await new Promise((resolve) => setTimeout(resolve, attempt * 2000));
  }
}
