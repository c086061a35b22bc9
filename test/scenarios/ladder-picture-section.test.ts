import { describe, expect, it } from "vitest";
import { expectOpensAt } from "../support/expectations.js";
import { mermaidBlocks, parseMermaid } from "../support/mermaid.js";
import { openFromTemplate, worldPerTest } from "../support/walk.js";

const world = worldPerTest({ now: "2026-01-20T09:00:00Z" });

/**
 * The picture is part of the section the bot already writes: the first run makes one description
 * write, as before, and every Mermaid block of the section is one GitLab can draw.
 */
async function openAndDraw(template: string, stage: string, fields: Record<string, string | null> = {}) {
  const { opened } = openFromTemplate(world, template, template, fields);
  const before = world.state.requestCounts.get("PUT /projects/:id/issues/:iid") ?? 0;
  const iid = await expectOpensAt(world, opened, stage);
  expect((world.state.requestCounts.get("PUT /projects/:id/issues/:iid") ?? 0) - before).toBe(1);
  const blocks = mermaidBlocks(world.issue(iid).description);
  for (const block of blocks) await expect(parseMermaid(block)).resolves.toMatch(/^flowchart/);
  return { description: world.issue(iid).description, blocks };
}

describe("the picture in the status section, as GitLab receives it", () => {
  it("promotion: the step drawn under the stage diagram, current and target marked, roles linked", async () => {
    const { description, blocks } = await openAndDraw("Promotion", "coaching");
    expect(blocks).toHaveLength(2);
    expect(blocks[1]).toContain('["Senior Backend Engineer (now)"]');
    expect(blocks[1]).toContain('["Staff Backend Engineer (next)"]');
    expect(blocks[1]).toMatch(/^ {2}class r\d+ target$/m);
    expect(blocks[1]).toContain(
      '"https://handbook.gitlab.com/job-families/engineering/development/backend/#staff-backend-engineer" _blank',
    );
    expect(description).toContain("#### Where this leads");
    expect(description).toContain(
      "Job families: [Intermediate Backend Engineer](https://handbook.gitlab.com/job-families/engineering/development/backend/#backend-engineer)",
    );
  });

  it("promotion off the ladders: no picture (the data error is the message), nothing a person typed drawn", async () => {
    const { opened } = openFromTemplate(world, "Promotion", "Promotion", {
      current_role: "'Evil\"] --> x[\"Owned'",
    });
    expect((await world.handle(opened.payload)).code).toBe(0);
    const description = world.issue(opened.issue.iid).description;
    expect(description).toContain("is not in the handbook page's career ladders");
    const blocks = mermaidBlocks(description);
    expect(blocks).toHaveLength(1); // the stage diagram alone
    expect(blocks[0]).not.toContain("Owned");
    await expect(parseMermaid(blocks[0]!)).resolves.toMatch(/^flowchart/);
  });

  it("lateral transfer: the table's move drawn", async () => {
    const { blocks } = await openAndDraw("Lateral transfer", "application");
    expect(blocks).toHaveLength(2);
    expect(blocks[1]).toContain('["Support Engineer (next)"]');
  });

  it("management trial: the fork between the Staff and the Manager tracks", async () => {
    const { blocks } = await openAndDraw("Management trial", "plan");
    expect(blocks).toHaveLength(2);
    expect(blocks[1]).toContain('["Manager track: Engineering Manager (next)"]');
  });
});
