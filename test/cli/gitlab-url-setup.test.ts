import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli.js";

const GITLAB = { CAREER_BOT_TOKEN: "glpat-secret-778", CAREER_BOT_PROJECT: "people/careers" };

async function run(args: string[], env: NodeJS.ProcessEnv) {
  let stdout = "";
  let stderr = "";
  const code = await main(args, env, {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
  });
  return { code, stdout, stderr };
}

/** A web server that is not GitLab: every path answers 404 with an HTML page. */
async function notGitLab(): Promise<{ url: string; server: Server }> {
  const server = createServer((_, response) => {
    response.writeHead(404, { "content-type": "text/html" });
    response.end("<html>Not Found</html>");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

/** A loopback address where nothing listens: a port taken and freed again. */
async function nobodyThere(): Promise<string> {
  const { url, server } = await notGitLab();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return url;
}

describe("setup and sweep against a GitLab URL that is not GitLab's, or does not answer", () => {
  it("setup says the URL is not GitLab, naming the setting (exit 2), not 'no such project (404)'", async () => {
    const { url, server } = await notGitLab();
    try {
      const result = await run(["setup", "--json"], { ...GITLAB, GITLAB_URL: url });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`GITLAB_URL="${url}" answered GET /api/v4/user with 404`);
      expect(result.stderr).not.toContain("no such project");
      expect(JSON.parse(result.stdout).error.code).toBe("ENOTGITLAB");
    } finally {
      server.close();
    }
  });

  it("names the URL and its setting when nothing answers there, for setup and sweep (exit 1: worth trying again)", async () => {
    const url = await nobodyThere();
    for (const command of ["setup", "sweep"]) {
      const result = await run([command, "--gitlab-url", url], GITLAB);
      expect(result.code, command).toBe(1);
      expect(result.stderr, command).toContain(`--gitlab-url="${url}" did not answer (ECONNREFUSED)`);
      expect(result.stderr, command).toContain("the address of your GitLab instance");
      expect(result.stderr).not.toContain(GITLAB.CAREER_BOT_TOKEN);
    }
  }, 60_000);
});
