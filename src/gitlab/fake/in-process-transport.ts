import { responseOf, type Transport } from "../http-transport.js";
import { type ApiAnswer, type FakeGitLabApi, json, tokenOf } from "./http-api.js";

/*
 * A transport for the gitbeaker adapter (requester.ts's `fetch` option) that hands each request to
 * the fake GitLab's API in this process, with no socket: everything between the port and the wire
 * (gitbeaker's resources and options handler, our requester, retries, error mapping, pagination)
 * runs as it does over node:http. The V8 startup snapshot's warm-up runs the bot through it, because
 * node:http cannot be loaded while a snapshot is built (scripts/snapshot/entry.ts).
 */
export function inProcessTransport(api: FakeGitLabApi): Transport {
  return async (url, init) => {
    if (init.signal?.aborted) throw init.signal.reason;
    if (init.body !== undefined && init.body !== null && typeof init.body !== "string") {
      throw new TypeError("the in-process transport sends string bodies only");
    }
    const headers = Object.fromEntries(
      Object.entries(init.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]),
    );
    const target = new URL(url);
    const received = api.receive({
      method: (init.method ?? "GET").toUpperCase(),
      url: target,
      origin: target.origin,
      token: tokenOf(headers),
      contentType: headers["content-type"],
      rawBody: init.body ?? "",
    });
    const answer = received.request === undefined ? received.answer : answerOf(received.apply);
    return responseOf(answer.status, Object.entries(answer.headers).flat(), answer.body);
  };
}

/** A bug in the fake is a 500, as the HTTP server answers it, not a network failure to retry. */
function answerOf(apply: () => ApiAnswer): ApiAnswer {
  try {
    return apply();
  } catch (error) {
    return json(500, { message: `fake server bug: ${String(error)}` });
  }
}
