import { describe, expect, it } from "vitest";
import { main } from "../../src/cli.js";
import { RECHECK_ITEM } from "../../src/dashboard/input.js";
import { dashboardLines, mermaidSource } from "../../src/demo/dashboard-view.js";

async function demo(): Promise<{ code: number; stdout: string }> {
  let stdout = "";
  const code = await main(
    ["demo"],
    {},
    {
      stdout: (text) => {
        stdout += text;
      },
      stderr: () => {},
    },
  );
  return { code, stdout };
}

describe("career-bot demo: the dashboard", () => {
  it("ends with the dashboard of the simulated project, other workflows still running", async () => {
    const { code, stdout } = await demo();
    expect(code).toBe(0);
    expect(stdout).toMatch(/@bob\s+opened #2 "Acting manager: erin"/);
    expect(stdout).toMatch(/@bob\s+opened #3 "Apprenticeship: frank in Security"/);
    const tail = stdout.slice(stdout.indexOf("== The dashboard:"));
    expect(tail).toMatch(/^== The dashboard: #\d+ "Career workflows dashboard" \(confidential\) ==/);
    expect(tail).toContain(`- [ ] ${RECHECK_ITEM}`);
    // The running workflows' tables name the team member; the interim, closed as promoted, is an outcome.
    expect(tail).toMatch(/### Acting manager \(1\)\n(.*\n){3}.*\| erin \| Eligibility \|/);
    expect(tail).toMatch(/### Apprenticeship \(1\)\n(.*\n){3}.*\| frank \| Eligibility \|/);
    expect(tail).toMatch(/\| Interim manager \| promoted \| 1 \|/);
  });

  // The demo's running temporary appointments (acting, apprenticeship) are each a bar of the chart.
  it("shows the Gantt chart's Mermaid source after the dashboard", async () => {
    const { stdout } = await demo();
    expect(stdout).toContain("== Gantt chart (Mermaid source) ==");
    expect(stdout).toMatch(/== Gantt chart \(Mermaid source\) ==\n\n\s+gantt/);
    const chart = stdout.slice(stdout.indexOf("== Gantt chart (Mermaid source) =="));
    expect(chart).toMatch(/section Acting manager\n\s+Issue 2 erin :\S+, 2026-01-19, 2026-05-30/);
    expect(chart).toMatch(/section Apprenticeship\n\s+Issue 3 frank :\S+, 2026-02-02, 2026-08-01/);
  });

  it("prints a mermaid block's source under its own heading", () => {
    const markdown = "intro\n\n```mermaid\ngantt\n  title Workflows\n```\n\nafter";
    expect(mermaidSource(markdown)).toBe("gantt\n  title Workflows");
    const lines = dashboardLines({ iid: 4, title: "Dashboard", markdown });
    expect(lines).toContain("== Gantt chart (Mermaid source) ==");
    expect(lines.slice(lines.indexOf("== Gantt chart (Mermaid source) ==") + 2)).toEqual([
      "  gantt",
      "    title Workflows",
    ]);
    expect(dashboardLines({ iid: 4, title: "Dashboard", markdown: "no chart" })).not.toContain(
      "== Gantt chart (Mermaid source) ==",
    );
  });
});
