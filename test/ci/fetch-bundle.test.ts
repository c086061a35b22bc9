import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
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
    const file =
      /^\/api\/v4\/projects\/42\/jobs\/artifacts\/main\/raw\/(dist\/career-bot\.(mjs|blob))\?job=bundle$/.exec(
        req.url ?? "",
      );
    if (file && token === "job-tok") {
      res.end(`contents of ${file[1]}`);
    } else {
      res.writeHead(404).end('{"message":"404 Not Found"}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  api = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v4`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Runs the script in a fresh directory, as a bot job does in its checkout. */
function fetchBundle(ref: string, cwd: string, files: string[] = []) {
  const env = {
    PATH: process.env.PATH,
    CI_API_V4_URL: api,
    CI_PROJECT_ID: "42",
    CI_COMMIT_REF_NAME: ref,
    CI_JOB_TOKEN: "job-tok",
  };
  return run(process.execPath, [SCRIPT, ...files], { env, cwd }).then(
    () => ({ code: 0, stderr: "" }),
    (error: { code: number; stderr: string }) => error,
  );
}

describe("scripts/fetch-bundle.mjs (the bot jobs' fallback when the cache is cold)", () => {
  it("downloads the bundle and its startup snapshot from the branch's latest bundle job with the job token", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "fetch-bundle-"));
    const result = await fetchBundle("main", cwd, ["dist/career-bot.mjs", "dist/career-bot.blob"]);
    expect(result.code).toBe(0);
    expect(readFileSync(join(cwd, "dist/career-bot.mjs"), "utf8")).toBe("contents of dist/career-bot.mjs");
    expect(readFileSync(join(cwd, "dist/career-bot.blob"), "utf8")).toBe("contents of dist/career-bot.blob");
    expect(readdirSync(join(cwd, "dist")).sort()).toEqual(["career-bot.blob", "career-bot.mjs"]);
    expect(requests.slice(-2)).toEqual([
      { url: "/api/v4/projects/42/jobs/artifacts/main/raw/dist/career-bot.mjs?job=bundle", token: "job-tok" },
      {
        url: "/api/v4/projects/42/jobs/artifacts/main/raw/dist/career-bot.blob?job=bundle",
        token: "job-tok",
      },
    ]);
  });

  it("fetches both files when given none", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "fetch-bundle-"));
    expect((await fetchBundle("main", cwd)).code).toBe(0);
    expect(readdirSync(join(cwd, "dist")).sort()).toEqual(["career-bot.blob", "career-bot.mjs"]);
  });

  it("says how to get a bundle when the branch has none", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "fetch-bundle-"));
    const result = await fetchBundle("feature/x", cwd);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("no dist/career-bot.mjs on feature/x yet");
    expect(requests.at(-1)?.url).toContain("/artifacts/feature%2Fx/raw/");
    expect(existsSync(join(cwd, "dist"))).toBe(false);
  });
});
