import { describe, expect, it } from "vitest";
import { canonicalItemText, sectionItemKey } from "../../src/engine/tick-text.js";

describe("canonicalItemText", () => {
  it.each([
    ["plain words", "Weekly check-in", "Weekly check-in"],
    ["escaped ASCII punctuation", "Weekly 1\\-1s \\(host manager\\'s\\)", "Weekly 1-1s (host manager's)"],
    [
      "every escapable character",
      "\\!\\\"\\#\\$\\%\\&\\'\\(\\)\\*\\+\\,\\-\\.\\/\\:\\;\\<\\=\\>\\?\\@\\[\\\\\\]\\^\\_\\`\\{\\|\\}\\~",
      "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~",
    ],
    ["a backslash before a letter stays", "C:\\path", "C:\\path"],
    ["a link keeps its text", "Read [the ladder](https://example.com/ladder) first", "Read the ladder first"],
    ["an image keeps its alt text", "See ![the chart](c.png)", "See the chart"],
    ["a reference link keeps its text", "Read [the ladder][1]", "Read the ladder"],
    ["an autolink keeps its address", "See <https://example.com/a>", "See https://example.com/a"],
    ["bold and emphasis go", "**Weekly** *1-1s* __with__ _the_ ***host***", "Weekly 1-1s with the host"],
    ["strike-through goes", "~~old~~ new", "old new"],
    ["code keeps its text, backslashes literal", "Run `make \\-j` and ``a ` b``", "Run make \\-j and a ` b"],
    ["escaped emphasis stays", "\\*not emphasis\\*", "*not emphasis*"],
    ["a lone star stays", "2 * 3", "2 * 3"],
    ["an underscore inside a word stays", "people_ops and host_manager", "people_ops and host_manager"],
    ["an unpaired closing underscore stays", "held with alice_", "held with alice_"],
    ["an unpaired opening underscore stays", "_alice", "_alice"],
    ["an underscore before punctuation stays", "a_.b", "a_.b"],
    ["an unpaired closing star stays", "approved*", "approved*"],
    ["an unpaired star inside a word stays", "a*b", "a*b"],
    ["an unclosed strong opener stays", "**unclosed", "**unclosed"],
    ["stars pair inside a word", "a*b*c and foo**bar**", "abc and foobar"],
    ["underscores do not pair inside a word", "snake_case_name", "snake_case_name"],
    ["a pair leaves the rest of a longer run", "***a*", "**a"],
    ["delimiters inside a pair stay literal", "*a _b* c_", "a _b c_"],
    ["an escaped delimiter is punctuation to its neighbour", "\\__a_", "_a"],
    [
      "a comment keeps its text",
      "so. <!-- workline:proposal=4/close-obsolete -->",
      "so. workline:proposal=4/close-obsolete",
    ],
    ["tags go", "<b>bold</b> and <br/>", "bold and"],
    ["character references decode", "&lt;tag&gt; &amp; &#35;4 &#x41; &quot;q&quot;", '<tag> & #4 A "q"'],
    ["an unknown reference stays", "&bogus; x", "&bogus; x"],
    ["non-ASCII stays", "Café — naïve ✓ 日本", "Café — naïve ✓ 日本"],
    ["whitespace collapses", "  a \t b\u00a0 c  ", "a b c"],
    ["zero-width spaces go", "@\u200bbob and \u200b/career", "@bob and /career"],
  ])("%s", (_, input, expected) => {
    expect(canonicalItemText(input)).toBe(expected);
  });

  it("is stable: the canonical text of a canonical text is itself", () => {
    for (const text of ["Weekly 1-1s (host manager's)", "a * b", "people_ops", "Café — ✓"]) {
      expect(canonicalItemText(canonicalItemText(text))).toBe(canonicalItemText(text));
    }
  });
});

describe("sectionItemKey", () => {
  it("reads an item as the bot's section writes it (values made safe first)", () => {
    // safeInline writes `<` as `&lt;`, a zero-width space after `@`, and backticks as `'`.
    expect(sectionItemKey("Ask @bob about <b> in `x`")).toBe("Ask @bob about <b> in 'x'");
  });
});
