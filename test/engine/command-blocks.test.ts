import { describe, expect, it } from "vitest";
import { parseCommandLines } from "../../src/engine/command-parse.js";
import { extractQuickActions } from "../../src/gitlab/fake/quick-actions.js";
import { skippedBlockEnd } from "../../src/gitlab/quick-action-blocks.js";

/*
 * Issue 17 item 5a: `/career` lines inside `<pre>`, `<details>` and `>>>` blocks are no commands, as
 * GitLab's quick-action extractor (lib/gitlab/quick_actions/extractor.rb, `commands_regex`) runs
 * none inside an HTML block or a multi-line quote. The fake's quick actions follow the same rule.
 */
const verbs = (body: string) => parseCommandLines(body).map((line) => line.verb);

describe("blocks GitLab runs no quick action in", () => {
  it("hide /career lines in <details>, <pre> and >>> blocks", () => {
    expect(verbs("<details>\n<summary>old reply</summary>\n/career approve\n</details>")).toEqual([]);
    expect(verbs("<pre>\n/career decision promote\n</pre>")).toEqual([]);
    expect(verbs(">>>\nas bob wrote:\n/career confirm\n>>>")).toEqual([]);
    expect(verbs(">>> quoting\n/career confirm\n>>>")).toEqual([]);
    // Any closing tag line ends the block, as GitLab's regex reads it.
    expect(verbs("<details>\n/career a\n</summary>\n/career b")).toEqual(["b"]);
  });

  it("keep /career lines outside them, and unclosed or one-line blocks hide nothing", () => {
    expect(verbs("<details>\n/career approve")).toEqual(["approve"]);
    expect(verbs(">>>\n/career approve")).toEqual(["approve"]);
    expect(verbs("<details><summary>x</summary>\n/career approve\n</details>")).toEqual(["approve"]);
    expect(verbs(">>>\n/career quoted\n>>>\n/career approve")).toEqual(["approve"]);
    // The closer must be exactly `>>>`.
    expect(verbs(">>>\n/career a\n>>> more")).toEqual(["a"]);
  });

  it("need something between opener and closer, as GitLab's `.+?` does", () => {
    expect(skippedBlockEnd(["<pre>", "</pre>"], 0)).toBeUndefined();
    expect(skippedBlockEnd(["<pre>", "", "</pre>"], 0)).toBeUndefined();
    expect(skippedBlockEnd(["<pre>", "x", "</pre>"], 0)).toBe(2);
    expect(skippedBlockEnd([">>>", ">>>"], 0)).toBeUndefined();
    expect(skippedBlockEnd([">>>", "", ">>>"], 0)).toBe(2);
    expect(skippedBlockEnd([">>>x", ">>>"], 0)).toBe(1);
  });

  it("are the fake GitLab's too: no quick action runs inside them", () => {
    const text = "<details>\n/close\n</details>\n<pre>\n/confidential\n</pre>\n/due 2026-03-01";
    const { actions, text: kept } = extractQuickActions(text);
    expect(actions).toEqual([{ name: "due", args: "2026-03-01" }]);
    expect(kept).toBe("<details>\n/close\n</details>\n<pre>\n/confidential\n</pre>");
  });
});
