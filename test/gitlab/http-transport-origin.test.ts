import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { GitbeakerGitLab } from "../../src/gitlab/gitbeaker.js";
import { httpFetch } from "../../src/gitlab/http-transport.js";
import { GitLabError } from "../../src/gitlab/port.js";

/*
 * Issue 17 item 3: the token never leaves GitLab's origin. Two loopback servers on two ports are two
 * origins (scheme, host and port), so "gitlab" redirecting to "elsewhere" is a cross-origin redirect.
 */

type Seen = { url: string; headers: IncomingMessage["headers"] };
const closers: Array<() => void> = [];

async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  closers.push(() => server.close());
  server.on("connection", (socket) => closers.push(() => socket.destroy()));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

afterEach(() => {
  for (const close of closers.splice(0)) close();
});

async function twoOrigins(status = 301) {
  const elsewhereSeen: Seen[] = [];
  const gitlabSeen: Seen[] = [];
  const elsewhere = await serve((req, res) => {
    elsewhereSeen.push({ url: req.url ?? "", headers: req.headers });
    res.writeHead(200, { "content-type": "application/json" }).end('{"id":1,"username":"x"}');
  });
  const gitlab = await serve((req, res) => {
    gitlabSeen.push({ url: req.url ?? "", headers: req.headers });
    if (req.url === "/moved") res.writeHead(308, { location: "/same" }).end();
    else if (req.url === "/same") res.writeHead(200).end(String(req.headers["private-token"]));
    else res.writeHead(status, { location: `${elsewhere}${req.url}` }).end();
  });
  return { gitlab, elsewhere, gitlabSeen, elsewhereSeen };
}

const SECRET_HEADERS = {
  "PRIVATE-TOKEN": "glpat-secret-token",
  Authorization: "Bearer glpat-secret-token",
  "JOB-TOKEN": "job-secret-token",
  Cookie: "_gitlab_session=secret",
};

describe("a redirect that leaves GitLab's origin", () => {
  for (const status of [301, 302, 303, 307, 308]) {
    it(`is refused on a ${status}, naming both URLs and the fix, and nothing reaches the other origin`, async () => {
      const { gitlab, elsewhere, gitlabSeen, elsewhereSeen } = await twoOrigins(status);
      const error = await httpFetch(new URL(`${gitlab}/api/v4/user?search=alice`), {
        headers: SECRET_HEADERS,
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GitLabError);
      const message = (error as Error).message;
      expect(message).toContain(`${gitlab}/api/v4/user`);
      expect(message).toContain(`${elsewhere}/api/v4/user`);
      expect(message).toContain("set GITLAB_URL");
      expect(message).not.toContain("alice");
      expect(message).not.toContain("secret");
      expect(gitlabSeen).toHaveLength(1);
      expect(elsewhereSeen).toEqual([]);
    });
  }

  it("is refused for a FormData body too, which goes through fetch", async () => {
    const { gitlab, elsewhereSeen } = await twoOrigins(307);
    const body = new FormData();
    body.set("file", "x");
    const error = await httpFetch(new URL(`${gitlab}/api/v4/projects/1/uploads`), {
      method: "POST",
      headers: SECRET_HEADERS,
      body,
    }).catch((e: unknown) => e);
    expect((error as Error).message).toContain("set GITLAB_URL");
    expect(elsewhereSeen).toEqual([]);
  });

  it("is followed within the origin, with the token", async () => {
    const { gitlab, gitlabSeen, elsewhereSeen } = await twoOrigins();
    const response = await httpFetch(new URL(`${gitlab}/moved`), { headers: SECRET_HEADERS });
    expect(await response.text()).toBe("glpat-secret-token");
    expect(gitlabSeen.map((seen) => seen.url)).toEqual(["/moved", "/same"]);
    expect(elsewhereSeen).toEqual([]);
  });

  it("stops the bot's first request with that message, tried once (a setting to fix, not a failure to retry)", async () => {
    const { gitlab, elsewhere, gitlabSeen, elsewhereSeen } = await twoOrigins();
    const port = new GitbeakerGitLab({
      host: gitlab,
      token: "glpat-secret-token",
      retry: { sleep: async () => {} },
    });
    const error = await port.currentUser().catch((e: unknown) => e);
    expect((error as Error).message).toMatch(
      new RegExp(`${gitlab}/api/v4/user to ${elsewhere}/api/v4/user.*set GITLAB_URL`),
    );
    expect(gitlabSeen).toHaveLength(1);
    expect(gitlabSeen[0]?.headers["private-token"]).toBe("glpat-secret-token");
    expect(elsewhereSeen).toEqual([]);
  });
});
