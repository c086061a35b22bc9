import { describe, expect, it } from "vitest";
import { serveLog } from "../../src/serve/log.js";

/* Issue 17 item 5d: event content cannot forge a log line or send escape sequences to the terminal. */
describe("serve's text log", () => {
  const clock = () => new Date("2026-01-05T09:00:00.000Z");

  function logged(format: "text" | "json") {
    const lines: string[] = [];
    const log = serveLog(format, (line) => lines.push(line), clock);
    log.event({
      event: "Note Hook",
      issue: "42#7",
      outcome: "failed",
      writes: ["note reply:9\n2026-01-05T09:00:01.000Z Note Hook 42#8: done"],
      detail: "42#7: bad date \u001b[2J\u001b[31mred\u001b[0m\r\nforged\u001b]0;title\u0007 line",
    });
    log.info("listening \u001b[1mon\u001b[0m\nforged");
    return lines;
  }

  it("keeps each event on one line, with no newline or escape sequence of the content", () => {
    const lines = logged("text");
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    }
    expect(lines[0]).toBe("2026-01-05T09:00:00.000Z Note Hook 42#7: failed: 42#7: bad date red forged line");
    expect(lines[1]).toBe("2026-01-05T09:00:00.000Z listening on forged");
  });

  it("keeps JSON lines one line each, the content escaped by JSON itself", () => {
    const lines = logged("json");
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line).not.toMatch(/[\u0000-\u001f]/);
    expect(JSON.parse(lines[0]!).detail).toContain("\u001b[31mred");
  });
});
