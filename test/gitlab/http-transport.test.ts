import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { errorFromThrown } from "../../src/gitlab/errors.js";
import { httpFetch } from "../../src/gitlab/http-transport.js";

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

/** Resolves once the server no longer listens (its `close` callback), or the socket is gone. */
const servers: Array<{ close: () => Promise<void> }> = [];

async function serve(handler: Handler): Promise<string> {
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => {
      body += chunk.toString("utf8");
    });
    req.on("end", () => handler(req, res, body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  servers.push({ close: () => new Promise<void>((resolve) => server.close(() => resolve())) });
  server.on("connection", (socket) =>
    servers.push({
      close: async () => {
        socket.destroy();
      },
    }),
  );
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const context = { method: "GET", endpoint: "user", secrets: [] };

describe("httpFetch", () => {
  it("sends method, headers and body, and answers like fetch", async () => {
    const url = await serve((req, res, body) => {
      res.setHeader("Content-Type", "application/json");
      res.setHeader("X-Seen", `${req.method} ${req.headers["private-token"]} ${body}`);
      res.setHeader("X-Dup", ["a", "b"]);
      res.statusCode = 201;
      res.end('\uFEFF{"ok":true}');
    });
    const response = await httpFetch(new URL(`${url}/api/v4/x?y=1`), {
      method: "POST",
      headers: { "PRIVATE-TOKEN": "tok", "content-type": "application/json" },
      body: '{"a":1}',
    });
    expect(response.status).toBe(201);
    expect(response.ok).toBe(true);
    expect(response.headers.get("x-seen")).toBe('POST tok {"a":1}');
    expect(response.headers.get("X-DUP")).toBe("a, b");
    expect(await response.json()).toEqual({ ok: true });
    const names = [...response.headers.entries()].map(([name]) => name);
    expect(names).toEqual([...names].sort());
  });

  it("decompresses gzip and follows redirects, a POST answered 302 becoming a GET", async () => {
    const url = await serve((req, res) => {
      if (req.url === "/old") {
        res.writeHead(302, { location: "/new" }).end();
        return;
      }
      res.writeHead(200, { "content-encoding": "gzip", "content-type": "text/plain" });
      res.end(gzipSync(`${req.method} ${req.url}`));
    });
    const response = await httpFetch(new URL(`${url}/old`), { method: "POST", body: "x" });
    expect(await response.text()).toBe("GET /new");
  });

  it("keeps error answers as answers", async () => {
    const url = await serve((_req, res) => {
      res.writeHead(429, { "retry-after": "3" }).end('{"message":"slow down"}');
    });
    const response = await httpFetch(new URL(url), {});
    expect([response.status, response.ok, response.headers.get("Retry-After")]).toEqual([429, false, "3"]);
    expect(await response.text()).toBe('{"message":"slow down"}');
  });

  it("rejects with the signal's reason on a timeout, which errors.ts reads as a timeout", async () => {
    const url = await serve(() => {
      // never answers
    });
    const error = await httpFetch(new URL(url), { signal: AbortSignal.timeout(50) }).catch((e: unknown) => e);
    expect((error as Error).name).toBe("TimeoutError");
    expect(errorFromThrown(context, error, 50).kind).toBe("timeout");
  });

  it("rejects a refused connection as fetch does, with the code on the cause", async () => {
    const url = await serve(() => {});
    // Waits for the server to stop listening (an event, not a guess at how long that takes).
    await Promise.all(servers.splice(0).map((server) => server.close()));
    const error = await httpFetch(new URL(url), {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect(((error as Error).cause as { code?: string }).code).toBe("ECONNREFUSED");
    const mapped = errorFromThrown(context, error, 1000);
    expect([mapped.kind, (mapped as { reachedServer?: boolean }).reachedServer]).toEqual(["network", false]);
  });

  it("rejects a connection reset before the answer as a network error that reached GitLab", async () => {
    const url = await serve((req) => req.socket.destroy());
    const error = await httpFetch(new URL(url), {}).catch((e: unknown) => e);
    expect(((error as Error).cause as { code?: string }).code).toBe("ECONNRESET");
    const mapped = errorFromThrown(context, error, 1000);
    expect([mapped.kind, (mapped as { reachedServer?: boolean }).reachedServer]).toEqual(["network", true]);
  });
});
