import { describe, expect, it } from "vitest";
import { readDataBlock } from "../../src/engine/data-block.js";
import { SECTION_BEGIN, SECTION_END } from "../../src/engine/markers.js";

describe("data block", () => {
  it("reads the yaml career block, leaving dates as strings", () => {
    const block = readDataBlock("intro\n```yaml career\nteam_member: '@alice'\nstart: 2026-03-01\n```\nmore");
    expect(block).toEqual({ kind: "ok", data: { team_member: "@alice", start: "2026-03-01" } });
  });

  it("reports broken YAML and non-mappings", () => {
    expect(readDataBlock("```yaml career\nteam_member: [\n```").kind).toBe("invalid");
    expect(readDataBlock("```yaml career\n- a\n- b\n```").kind).toBe("invalid");
    expect(readDataBlock("no block").kind).toBe("missing");
  });

  it("refuses alias bombs", () => {
    const bomb = ["a: &a [x, x, x, x, x, x, x, x, x]"];
    for (let i = 0; i < 8; i++)
      bomb.push(
        `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`,
      );
    expect(readDataBlock(`\`\`\`yaml career\n${bomb.join("\n")}\n\`\`\``).kind).toBe("invalid");
  });

  it("reads a block that markers were typed around: the bot never writes one, so that is no bot section", () => {
    // Anyone can type the markers; hiding the block behind them (and having the bot write over it) must fail.
    const description = `${SECTION_BEGIN}\n\`\`\`yaml career\nteam_member: eve\n\`\`\`\n${SECTION_END}`;
    expect(readDataBlock(description)).toEqual({ kind: "ok", data: { team_member: "eve" } });
  });
});

describe("data block hints", () => {
  it("explains the unquoted @username slip", () => {
    const block = readDataBlock("```yaml career\nmanager: @bob\n```");
    expect(block.kind === "invalid" && block.problem).toContain("without it");
  });
});
