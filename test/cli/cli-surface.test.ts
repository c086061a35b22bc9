import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli.js";
import { editDistance, nearestCommand } from "../../src/commands/command-word.js";
import { COMMANDS } from "../../src/commands/definitions.js";
import { parseNow } from "../../src/commands/now.js";
import { reportError } from "../../src/commands/run-command.js";
import { UsageError } from "../../src/errors.js";
import { serveLog } from "../../src/serve/log.js";

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
    expect(typo.stderr).toContain(
      "handle, sweep, serve, setup, validate, demo, init, report, ladder, schema",
    );
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
    expect(parseNow("2000-02-29T12:00:00Z").toISOString()).toBe("2000-02-29T12:00:00.000Z");
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
      // 2100 is no leap year (divisible by 100, not by 400): not rolled over to 1 March.
      "2100-02-29T00:00:00Z",
      "2026-01-05T09:00:00Zjunk",
      "junk2026-01-05T09:00:00Z",
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

describe("exit codes", () => {
  it("an unexpected error (a bug, not bad usage) exits 1, with its message and no secret", () => {
    let stderr = "";
    const io = {
      stdout: () => {},
      stderr: (text: string) => {
        stderr += text;
      },
    };
    expect(
      reportError(new TypeError("cannot read x of undefined, token=glpat-secret-1234"), false, io, []),
    ).toBe(1);
    expect(stderr).toContain("cannot read x of undefined");
    expect(stderr).not.toContain("glpat-secret-1234");
    expect(reportError(new UsageError("bad flag"), false, io, [])).toBe(2);
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

describe("--json", () => {
  it("gives every command one JSON document on stdout, an answer or an error", async () => {
    const argsOf: Record<string, string[]> = { ladder: ["ladder", "Senior", "Backend", "Engineer"] };
    for (const { name } of COMMANDS) {
      const result = await run([...(argsOf[name] ?? [name]), "--json", "--config", ".gitlab/career-bot.yml"]);
      const parsed = JSON.parse(result.stdout);
      // Without GitLab settings those that need GitLab stop with a usage error, as JSON too.
      if (result.code === 0) expect(parsed.error, name).toBeUndefined();
      else
        expect([result.code, parsed.error.exitCode, typeof parsed.error.message], name).toEqual([
          2,
          2,
          "string",
        ]);
    }
  }, 60_000);

  it("answers validate, ladder and schema with their results", async () => {
    const validated = JSON.parse((await run(["validate", "--json"])).stdout);
    expect(validated).toMatchObject({ workflows: 8, issueTemplates: { checked: 8 } });
    const ladder = JSON.parse((await run(["ladder", "Senior Frontend Engineer", "--json"])).stdout);
    expect(ladder.roles[0]).toMatchObject({
      role: "Senior Frontend Engineer",
      next: expect.arrayContaining([{ role: "Staff Frontend Engineer", basis: "merit-and-company-need" }]),
    });
    expect(JSON.parse((await run(["schema", "--json"])).stdout).title).toContain("career-bot");
  });

  it("lists a config's problems in the error, with exit 2", async () => {
    const dir = mkdtempSync(join(tmpdir(), "career-bot-json-"));
    const path = join(dir, "career-bot.yml");
    writeFileSync(path, "timezone: Mars/Olympus\n");
    const result = await run(["validate", "--json", "--config", path]);
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout).error).toMatchObject({
      code: "ECONFIG",
      problems: [expect.stringContaining("timezone")],
    });
  });

  it("reports a usage error found while parsing, and never the token", async () => {
    const result = await run(["sweep", "--json", "--bogus"], { CAREER_BOT_TOKEN: "glpat-secret-777" });
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout).error.code).toBe("EUSAGE");
    const missing = await run(["handle", "--json", "--token", "glpat-secret-777"], {
      GITLAB_URL: "https://g.example",
    });
    expect(JSON.parse(missing.stdout).error.message).toContain("--project");
    expect(missing.stdout + missing.stderr).not.toContain("glpat-secret-777");
  });
});

describe("serve's log", () => {
  const at = () => new Date("2026-01-05T09:00:00.000Z");
  const record = {
    event: "Note Hook",
    issue: "42#7",
    outcome: "done" as const,
    writes: ["note reply:9", "update section"],
  };

  it("is one timestamped line per event for people", () => {
    const lines: string[] = [];
    const log = serveLog("text", (line) => lines.push(line), at);
    log.event(record);
    log.event({
      event: "Issue Hook",
      issue: "(ignored)",
      outcome: "ignored",
      writes: [],
      detail: "system note",
    });
    expect(lines).toEqual([
      "2026-01-05T09:00:00.000Z Note Hook 42#7: done, 2 writes: note reply:9; update section",
      "2026-01-05T09:00:00.000Z Issue Hook (ignored): ignored: system note",
    ]);
  });

  it("is one JSON object per line for log collectors", () => {
    const lines: string[] = [];
    serveLog("json", (line) => lines.push(line), at).event({ ...record, outcome: "failed", detail: "x" });
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({
      time: "2026-01-05T09:00:00.000Z",
      level: "error",
      event: "Note Hook",
      issue: "42#7",
      outcome: "failed",
      detail: "x",
    });
  });

  it("--log-format takes text or json only (exit 2)", async () => {
    const result = await run(["serve", "--log-format", "yaml"], { CAREER_BOT_WEBHOOK_SECRET: "s3cret-hook" });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/log-format/);
  });
});
