import { describe, expect, it } from "vitest";
import { parseMermaid } from "../support/mermaid.js";

/** The parser itself must refuse what GitLab cannot draw, or every test built on it passes vacuously. */
describe("Mermaid's parser in Node (jsdom)", () => {
  it("accepts a flowchart with classes, dotted labelled edges and click links", async () => {
    const source = [
      "flowchart TB",
      '  r0["Senior, Backend & Engineer (now)"]',
      '  r1["Staff Backend Engineer"]',
      "  r0 -.->|merit and company need| r1",
      "  classDef current fill:#fff",
      "  class r0 current",
      '  click r1 "https://handbook.gitlab.com/job-families/x/#y" _blank',
    ].join("\n");
    await expect(parseMermaid(source)).resolves.toBe("flowchart-v2");
  });

  it("refuses a label with an unbalanced quote and an edge to nowhere", async () => {
    await expect(parseMermaid('flowchart TB\n  r0["a"b"]')).rejects.toThrow();
    await expect(parseMermaid("flowchart TB\n  r0 -->|x")).rejects.toThrow();
  });
});
