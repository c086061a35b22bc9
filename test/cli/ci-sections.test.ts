import { describe, expect, it } from "vitest";
import { consoleReporter, issueReference } from "../../src/commands/reporter.js";
import { terminalSafe } from "../../src/commands/terminal-text.js";

function captured(env: NodeJS.ProcessEnv) {
  let stderr = "";
  const reporter = consoleReporter(
    env,
    {
      stdout: () => {},
      stderr: (text) => {
        stderr += text;
      },
    },
    () => 1_767_603_600_000,
  );
  return { reporter, text: () => stderr };
}

const issue = (title: string) => ({
  iid: 12,
  title,
  webUrl: "https://gitlab.example.com/people/careers/-/issues/12",
});

describe("GitLab CI sections of a run", () => {
  it("are headed by the issue's reference and title", () => {
    const { reporter, text } = captured({ GITLAB_CI: "true" });
    reporter.beginIssue?.("42#12", issue("Interim manager: alice"));
    reporter.endIssue?.("42#12");
    expect(text()).toBe(
      "\u001b[0Ksection_start:1767603600:issue_42_12[collapsed=true]\r\u001b[0Kpeople/careers#12 Interim manager: alice\n" +
        "\u001b[0Ksection_end:1767603600:issue_42_12\r\u001b[0K\n",
    );
  });

  it("keep a title's escape sequences and line breaks out of the job log", () => {
    const { reporter, text } = captured({ GITLAB_CI: "true" });
    const hostile =
      "Promo\u001b[2J\u001b[31m red\u001b]0;pwned\u0007 \u001b]8;;https://evil.example\u001b\\link\u001b]8;;\u001b\\\r\nsection_end:1:issue_42_12\r\u001b[0K\u202eevil\u0000";
    reporter.beginIssue?.("42#12", issue(hostile));
    const header = text().split("\r\u001b[0K")[1]!;
    expect(header).toBe("people/careers#12 Promo red link section_end:1:issue_42_12 evil\n");
    // Only the bot's own sequences: the one that starts the section line, the one that ends it.
    expect(text().match(/\u001b/g)).toHaveLength(2);
    expect(text().match(/\n/g)).toHaveLength(1);
  });

  it("are not written outside GitLab CI", () => {
    const { reporter, text } = captured({});
    expect(reporter.beginIssue).toBeUndefined();
    reporter.info("a line");
    expect(text()).toBe("a line\n");
  });
});

describe("terminalSafe", () => {
  it("keeps ordinary text, unicode included, and shortens long text", () => {
    expect(terminalSafe("Beförderung: Zoë → Staff Engineer 🎉")).toBe("Beförderung: Zoë → Staff Engineer 🎉");
    expect(terminalSafe("a".repeat(300))).toHaveLength(200);
    expect(terminalSafe("tab\tand\u2028separator")).toBe("tab and separator");
  });

  it("removes C1 control characters and bidirectional overrides", () => {
    expect(terminalSafe("a\u009b31mb\u0085c\u2066d\u200fe")).toBe("ab cde");
  });
});

describe("issueReference", () => {
  it("is the project path and iid, or #iid for an unusual URL", () => {
    expect(issueReference(issue("x"))).toBe("people/careers#12");
    expect(issueReference({ iid: 3, webUrl: "" })).toBe("#3");
  });
});
