import {
  type DefaultRequestOptions,
  defaultOptionsHandler,
  type ResourceOptions,
} from "@gitbeaker/requester-utils";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { requestOptions } from "../../src/gitlab/requester.js";

/*
 * The requester encodes request bodies itself so that a plain-object body never makes gitbeaker read
 * the global `FormData` (which loads undici, docs/maintaining.md "Performance"). What it sends must stay exactly
 * what gitbeaker's own `defaultOptionsHandler` would have sent.
 */

const resource: ResourceOptions = {
  headers: { "x-preset": "1" },
  authHeaders: { "private-token": async () => "secret-token" },
  url: "https://gitlab.example/api/v4/",
};

const key = fc.oneof(
  fc.constantFrom("dueDate", "addLabels", "body", "internal", "assigneeIds", "URLish", "a1B2", "prototype"),
  fc.string({ maxLength: 8 }),
);
const leaf = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.date({ noInvalidDate: true }),
);
const { tree } = fc.letrec((tie) => ({
  tree: fc.oneof(
    { depthSize: "small" },
    leaf,
    fc.array(tie("tree"), { maxLength: 3 }),
    fc.dictionary(key, tie("tree"), { maxKeys: 4 }),
  ),
}));
const body = fc.dictionary(key, tree, { maxKeys: 5 });

describe("requestOptions", () => {
  it("builds what gitbeaker's defaultOptionsHandler builds for plain-object bodies", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.option(body, { nil: undefined }),
        fc.option(fc.dictionary(key, tree, { maxKeys: 3 }), { nil: undefined }),
        fc.option(fc.oneof(fc.string(), fc.integer()), { nil: undefined }),
        fc.constantFrom("GET", "POST", "PUT", "PATCH", "DELETE"),
        async (requestBody, searchParams, sudo, method) => {
          const options: DefaultRequestOptions = { body: requestBody, searchParams, sudo, method };
          expect(await requestOptions(resource, options)).toStrictEqual(
            await defaultOptionsHandler(resource, options),
          );
        },
      ),
    );
  });

  it("decamelizes nested keys as gitbeaker does", async () => {
    const options = await requestOptions(resource, {
      method: "PUT",
      body: { dueDate: "2026-01-02", nested: { addLabels: ["a"], list: [{ camelKey: 1 }] }, Upper: 1 },
    });
    expect(JSON.parse(options.body as string)).toEqual({
      due_date: "2026-01-02",
      nested: { add_labels: ["a"], list: [{ camel_key: 1 }] },
      Upper: 1,
    });
    expect(options.headers).toEqual({
      "x-preset": "1",
      "content-type": "application/json",
      "private-token": "secret-token",
    });
  });

  it("passes a FormData body as it is, as gitbeaker does", async () => {
    const form = new FormData();
    form.append("file", new Blob(["x"]), "a.txt");
    const options: DefaultRequestOptions = { method: "POST", body: form };
    const ours = await requestOptions(resource, options);
    expect(ours.body).toBe(form);
    expect(ours).toStrictEqual(await defaultOptionsHandler(resource, options));
  });
});
