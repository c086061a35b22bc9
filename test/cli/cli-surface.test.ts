import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli.js";
import { editDistance, nearestCommand } from "../../src/commands/command-word.js";
import { parseNow } from "../../src/commands/now.js";

async function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  let stdout = "";
  let stderr = "";
  const io = {
    stdout: (text: string) => {
      stdout += text;
    },
    stderr: (text: string) => {
      stderr += text;
    },
  };
  const code = await main(args, env, io);
  return { code, stdout, stderr };
}

const GITLAB = { CAREER_BOT_TOKEN: "glpat-secret-777", CAREER_BOT_PROJECT: "1" };
const packageVersion = JSON.parse(readFileSync("package.json", "utf8")).version as string;

describe("--version", () => {
  it("prints package.json's version, alone or as JSON", async () => {
    expect(await run(["--version"])).toEqual({ code: 0, stdout: `${packageVersion}\n`, stderr: "" });
    expect(JSON.parse((await run(["--version", "--json"])).stdout)).toEqual({ version: packageVersion });
  });
});

describe("an unknown command", () => {
  it("lists the commands and suggests the nearest (exit 2)", async () => {
    const typo = await run(["swep"]);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('unknown command "swep". Did you mean sweep?');
    expect(typo.stderr).toContain("handle, sweep, serve, setup, validate, demo, ladder, schema");
    const after = await run(["--config", "x.yml", "hadnle"]);
    expect(after.stderr).toContain("Did you mean handle?");
    const far = await run(["frobnicate"]);
    expect(far.code).toBe(2);
    expect(far.stderr).not.toContain("Did you mean");
    expect(far.stderr).toContain("The commands are:");
  });

  it("is an error object on stdout with --json", async () => {
    const typo = await run(["valdiate", "--json"]);
    expect(typo.code).toBe(2);
    expect(JSON.parse(typo.stdout).error).toMatchObject({ code: "ECOMMAND", exitCode: 2 });
  });

  it("is matched by edit distance, swaps counting once, or by a prefix", () => {
    expect(editDistance("sweep", "swepe")).toBe(1);
    expect(nearestCommand("SWEEP")).toBe("sweep");
    expect(nearestCommand("serv")).toBe("serve");
    expect(nearestCommand("setpu")).toBe("setup");
    expect(nearestCommand("lad")).toBe("ladder");
    expect(nearestCommand("xyz")).toBeUndefined();
  });
});

describe("--now", () => {
  it("takes only a real ISO-8601 date-time with a zone", () => {
    expect(parseNow("2026-01-05T09:00:00Z").toISOString()).toBe("2026-01-05T09:00:00.000Z");
    expect(parseNow("2026-01-05T10:30+01:00").toISOString()).toBe("2026-01-05T09:30:00.000Z");
    expect(parseNow("2028-02-29T00:00:00.123456Z").toISOString()).toBe("2028-02-29T00:00:00.123Z");
    expect(parseNow("2026-06-15T06:00:00-0230").toISOString()).toBe("2026-06-15T08:30:00.000Z");
    for (const bad of [
      "1",
      "2026",
      "2026-01-05",
      "2026-01-05T09:00:00",
      "2026-02-30T00:00:00Z",
      "2027-02-29T00:00:00Z",
      "2026-13-01T00:00:00Z",
      "2026-01-05T24:00:00Z",
      "2026-01-05T09:60:00Z",
      "yesterday",
      "Mon, 05 Jan 2026 09:00:00 GMT",
    ])
      expect(() => parseNow(bad), bad).toThrow(/--now/);
  });

  it("exits 2 on the command line, before any request", async () => {
    for (const bad of ["1", "2026-02-30T00:00:00Z"]) {
      const result = await run(["sweep", "--now", bad], { ...GITLAB, GITLAB_URL: "http://127.0.0.1:9" });
      expect(result.code, bad).toBe(2);
      expect(result.stderr).toContain(`--now "${bad}"`);
    }
  });
});

describe("the GitLab URL", () => {
  it("without a scheme names the variable, the value and the fix (exit 2)", async () => {
    const result = await run(["sweep"], { ...GITLAB, GITLAB_URL: "gitlab.example.com" });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'GITLAB_URL="gitlab.example.com" is not a GitLab URL: it needs its scheme; write GITLAB_URL=https://gitlab.example.com',
    );
    const ci = await run(["sweep"], { ...GITLAB, CI_SERVER_URL: "gitlab.example.com" });
    expect(ci.stderr).toContain('CI_SERVER_URL="gitlab.example.com"');
    const flag = await run(["sweep", "--gitlab-url", "ftp://gitlab.example.com"], GITLAB);
    expect([flag.code, flag.stderr]).toEqual([
      2,
      expect.stringContaining('--gitlab-url="ftp://gitlab.example.com" is not a GitLab URL: use an https://'),
    ]);
  });

  it("that answers but is not GitLab says so, naming the setting (exit 2)", async () => {
    for (const [status, body] of [
      [404, "<html>Not Found</html>"],
      [200, "<!doctype html><title>Welcome to nginx</title>"],
    ] as const) {
      const server = createServer((_, response) => {
        response.writeHead(status, { "content-type": "text/html" });
        response.end(body);
      });
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      try {
        const result = await run(["sweep", "--json"], { ...GITLAB, GITLAB_URL: url });
        expect(result.code, String(status)).toBe(2);
        expect(result.stderr).toContain(`GITLAB_URL="${url}" answered GET /api/v4/user with`);
        expect(result.stderr).toContain("not GitLab's API");
        expect(JSON.parse(result.stdout).error.code).toBe("ENOTGITLAB");
        expect(result.stdout + result.stderr).not.toContain(GITLAB.CAREER_BOT_TOKEN);
      } finally {
        server.close();
      }
    }
  });
});
