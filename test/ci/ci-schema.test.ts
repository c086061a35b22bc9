import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse, parseAllDocuments } from "yaml";
import { RESERVED_KEYWORDS, schemaProblems } from "./gitlab-ci-schema.js";
import { type Ci, expandComponent, jobNames } from "./pipeline.js";

const ROOT = new URL("../../", import.meta.url);
const read = (path: string) => readFileSync(new URL(path, ROOT), "utf8");
const PIPELINE = parse(read(".gitlab-ci.yml")) as Ci;
const COMPONENT = read("templates/career-bot.yml");

describe("GitLab's CI schema (ci.json) and reserved keywords", () => {
  it("accepts career-bot's own .gitlab-ci.yml", () => {
    expect(schemaProblems(PIPELINE)).toEqual([]);
  });

  it("names no job after a keyword GitLab reserves", () => {
    for (const name of jobNames(PIPELINE)) expect(RESERVED_KEYWORDS, name).not.toContain(name);
  });

  it("accepts the component's spec header and its jobs, with the defaults and with every input set", () => {
    const [header] = parseAllDocuments(COMPONENT);
    expect(schemaProblems(header?.toJS())).toEqual([]);
    const inputs = [
      { image: "registry.example.com/tools/career-bot" },
      {
        image: "registry.example.com/tools/career-bot",
        version: "1.2.3",
        stage: "bot",
        sweep_parallel: 4,
        sweep_options: "--group people",
        setup_options: '--cron "0 * * * *"',
        resource_group: "bots",
      },
    ];
    for (const given of inputs) {
      const ci = expandComponent(COMPONENT, given);
      expect(schemaProblems({ stages: ["bot", "test"], ...ci }), JSON.stringify(given)).toEqual([]);
      for (const name of jobNames(ci)) expect(RESERVED_KEYWORDS, name).not.toContain(name);
    }
  });

  it("is GitLab's: it refuses a job named `image`, a retry over 2 and an unknown job key", () => {
    // The checks above can fail: the schema reads `image:` as the global keyword, not a job.
    const job = { stage: "test", script: ["true"] };
    expect(schemaProblems({ image: job, other: job })).not.toEqual([]);
    expect(schemaProblems({ build: { ...job, retry: { max: 2, exit_codes: [1] } } })).toEqual([]);
    expect(schemaProblems({ build: { ...job, retry: { max: 3 } } })).not.toEqual([]);
    expect(schemaProblems({ build: { ...job, scripts: ["true"] } })).not.toEqual([]);
  });
});
