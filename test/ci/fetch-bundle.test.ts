import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const SCRIPT = new URL("../../scripts/fetch-bundle.mjs", import.meta.url).pathname;
const requests: Array<{ url: string; token: string | undefined }> = [];
let server: Server;
let api: string;

beforeAll(async () => {
  // GitLab's "download a single artifact file by reference name" endpoint, for branch main only.
  server = createServer((req, res) => {
    const token = req.headers["job-token"];
    requests.push({ url: req.url ?? "", token: typeof token === "string" ? token : undefined });
    if (
      req.url === "/api/v4/projects/42/jobs/artifacts/main/raw/dist/career-bot.mjs?job=bundle" &&
      token === "job-tok"
    ) {
      res.end("console.log('bundle')\n");
    } else {
      res.writeHead(404).end('{"message":"404 Not Found"}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  api = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v4`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function fetchBundle(ref: string, target: string) {
  const env = {
    PATH: process.env.PATH,
    CI_API_V4_URL: api,
    CI_PROJECT_ID: "42",
    CI_COMMIT_REF_NAME: ref,
    CI_JOB_TOKEN: "job-tok",
  };
  return run(process.execPath, [SCRIPT, target], { env }).then(
    () => ({ code: 0, stderr: "" }),
    (error: { code: number; stderr: string }) => error,
  );
}

describe("scripts/fetch-bundle.mjs (the bot jobs' fallback when the cache is cold)", () => {
  it("downloads the latest bundle artifact of the branch with the job token", async () => {
    const target = join(mkdtempSync(join(tmpdir(), "fetch-bundle-")), "dist", "career-bot.mjs");
    expect((await fetchBundle("main", target)).code).toBe(0);
    expect(readFileSync(target, "utf8")).toContain("bundle");
    expect(requests.at(-1)).toEqual({
      url: "/api/v4/projects/42/jobs/artifacts/main/raw/dist/career-bot.mjs?job=bundle",
      token: "job-tok",
    });
  });

  it("says how to get a bundle when the branch has none", async () => {
    const result = await fetchBundle(
      "feature/x",
      join(mkdtempSync(join(tmpdir(), "fetch-bundle-")), "b.mjs"),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("no bundle on feature/x yet");
    expect(requests.at(-1)?.url).toContain("/artifacts/feature%2Fx/raw/");
  });
});
