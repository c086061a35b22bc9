import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli.js";

/* Issue 17 item 5e: a YAML alias bomb is a bad config like any other: exit 2, naming the file. */
describe("a config that is a YAML alias bomb", () => {
  it("exits 2 naming the file and what to change, without expanding it", async () => {
    const rows = ["a: &a [x, x, x, x, x, x, x, x, x]"];
    for (const [name, previous] of [...["b", "c", "d", "e", "f", "g", "h"].entries()].map(
      ([i, letter]) => [letter, "abcdefg"[i]] as const,
    )) {
      rows.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(", ")}]`);
    }
    const path = join(mkdtempSync(join(tmpdir(), "career-bot-bomb-")), "career-bot.yml");
    writeFileSync(path, `${rows.join("\n")}\n`);
    let stderr = "";
    const code = await main(
      ["validate", "--config", path],
      {},
      {
        stdout: () => {},
        stderr: (text) => {
          stderr += text;
        },
      },
    );
    expect(code).toBe(2);
    expect(stderr).toContain(path);
    expect(stderr).toMatch(/aliases/i);
  });
});
