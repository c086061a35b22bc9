import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseConfigText } from "../../src/config/load.js";
import { type Config, defaultConfig, HANDBOOK_URL } from "../../src/config/schema.js";
import { findSection } from "../../src/engine/markers.js";
import { Renderer, TEMPLATE_DIR } from "../../src/engine/render.js";
import { textContext } from "../../src/engine/text-context.js";
import type { GitLabPort, IssueUpdate } from "../../src/gitlab/port.js";
import {
  HANDBOOK_SECTIONS,
  handbookAnchor,
  handbookHeading,
  handbookLink,
} from "../../src/workflows/handbook-sections.js";
import { workflows } from "../../src/workflows/index.js";
import { interimManager } from "../../src/workflows/interim-manager.js";
import type { WorkflowDefinition } from "../../src/workflows/types.js";
import { readSeed } from "../careers/seed.js";
import { freshState } from "../support/cli-memory.js";
import { MemoryBot } from "../support/memory-bot.js";
import { autoWalk, templateOf } from "../support/scenario.js";
import { interimBlock } from "../support/snapshots.js";
import { BOT } from "../support/world.js";
import { notesOf, planAt, type Walk } from "./helpers.js";

// Issue 10, "Texts people read": every text links its handbook section, states the config's numbers
// (never the page's defaults when the config says otherwise), and says nothing of the bot's internals.

const renderer = new Renderer();

/**
 * Templates that need no handbook link, each with its reason. Everything else the bot writes for
 * people to read (notes, reminders, guidance, follow-up issues, the needs-info section) links it.
 */
const LINK_EXEMPT: Record<string, string> = {
  section:
    "the section shows the stage's guidance, which links; it links itself only without one (needs info)",
  "partials/handbook-link": "the link itself",
  "partials/temporary-role-fallback": "a part of guidance templates, which link",
  "conversation/issue-title": "an issue title: one line, no Markdown link",
  "interim-manager/people-team-title": "an issue title: one line, no Markdown link",
  "common/command-reply":
    "an answer to a person's own command, right under it; the section above names the handbook section",
  "common/tick-refused": "an answer to a person's own tick, which the section above already explains",
  "common/follow-up-created": "points to the follow-up issue, which links the handbook section itself",
  "conversation/duplicate": "housekeeping: which of two identical issues to use",
};

const templateSource = (name: string) => readFileSync(`${TEMPLATE_DIR}${name}.hbs`, "utf8");

describe("the handbook section of every workflow and stage", () => {
  const seed = readSeed();
  const headings = seed.split("\n").flatMap((line) => /^#{2,6} (.+)$/.exec(line)?.[1]?.trim() ?? []);

  it("names only headings of the page", () => {
    for (const [workflowId, sections] of Object.entries(HANDBOOK_SECTIONS)) {
      for (const heading of [sections.section, ...Object.values(sections.stages ?? {})]) {
        expect(headings, workflowId).toContain(heading);
      }
    }
  });

  it("makes anchors the way the page's own links do", () => {
    // The seed links "#interim-manager", "#acting-manager" and "#types-of-interim-roles" itself.
    for (const anchor of ["interim-manager", "acting-manager", "types-of-interim-roles"]) {
      expect(seed).toContain(`#${anchor})`);
      expect(headings.map(handbookAnchor)).toContain(anchor);
    }
    expect(handbookAnchor("Individual Contribution vs. Management")).toBe(
      "individual-contribution-vs-management",
    );
    expect(handbookAnchor("Team members on loan to another team")).toBe(
      "team-members-on-loan-to-another-team",
    );
  });

  it("covers every stage of every workflow, under the configured handbook address", () => {
    const config = parseConfigText("handbook_url: https://handbook.example.org/careers/\n");
    for (const workflow of workflows) {
      for (const stage of workflow.stages) {
        const link = handbookLink(config, workflow.id, stage.id);
        const where = `${workflow.id}/${stage.id}`;
        expect(link?.url, where).toBe(
          `https://handbook.example.org/careers/#${handbookAnchor(handbookHeading(workflow.id, stage.id)!)}`,
        );
      }
    }
    expect(defaultConfig().handbook_url).toBe(HANDBOOK_URL);
    expect(HANDBOOK_URL).toBe("https://handbook.gitlab.com/handbook/engineering/careers/");
  });

  it("refuses a handbook address that would break the link", () => {
    expect(() => parseConfigText("handbook_url: https://x.org/a) [b](c\n")).toThrow();
    expect(() => parseConfigText("handbook_url: javascript:alert(1)\n")).toThrow();
  });
});

describe("every text people read links its handbook section", () => {
  const names = [...renderer.names].sort();

  it("every template uses the handbook-link partial, unless exempt for a reason", () => {
    const missing = names.filter(
      (name) => !(name in LINK_EXEMPT) && !templateSource(name).includes("{{> handbook-link}}"),
    );
    expect(missing).toEqual([]);
    for (const name of Object.keys(LINK_EXEMPT)) expect(renderer.has(name), name).toBe(true);
  });

  it("the partial renders the section's title and address", () => {
    const texts = textContext(defaultConfig(), "interim-manager", "hiring");
    const text = renderer.render("interim-manager/guidance-hiring", { ...texts });
    expect(text).toContain(
      "The handbook section this follows: [Interim Manager](https://handbook.gitlab.com/handbook/engineering/careers/#interim-manager).",
    );
  });

  it("the section links it while the details need a fix (no guidance then)", () => {
    const texts = textContext(defaultConfig(), "on-loan");
    const section = renderer.render("section", {
      ...texts,
      needsInfo: true,
      problems: ["x"],
      stage: "Setup",
    });
    expect(section).toContain(`(${HANDBOOK_URL}#team-members-on-loan-to-another-team)`);
  });

  it.each(workflows.map((w) => [w.id, w] as const))(
    "%s: its issue template links the workflow's handbook section",
    (_, definition) => {
      const link = handbookLink(defaultConfig(), definition.id)!;
      expect(templateOf(definition)).toContain(`[${link.title}](${link.url})`);
    },
  );
});

// ---------------------------------------------------------------------------------------------------
// Numbers: a config with every number changed to an unusual value.

const UNUSUAL_URL = "https://handbook.example.org/careers/";
const UNUSUAL = `people_ops: [carol]
handbook_url: ${UNUSUAL_URL}
interim: { max_months: 11, tenure_months: 5, prior_management_months: 9, hire_review_days: 41, recheck_days: 13, limit_reminder_days: 37, explicit_reminder_days: 8 }
acting: { tenure_months: 3, talent_review_after_days: 83, return_reminder_days: 17, explicit_reminder_days: 9 }
apprenticeship: { default_months: 10, tenure_months: 2, checkin_days: 23, review_reminder_days: 19 }
loan: { reminder_days: 16 }
trial: { plan_days: 97, checkpoints: [29, 61, 97], reminder_days: 12 }
conversations: { reminder_days: 18 }
promotion: { process_url: "https://people.example.org/promotions/", coaching_templates_url: "https://docs.example.org/coaching", career_matrix_url: "https://handbook.example.org/careers/career-matrix.html", job_families_url: "https://jobs.example.org/engineering/" }
`;
const unusual: Config = parseConfigText(UNUSUAL);

/**
 * The page's numbers where a text states a period: "30 days", "30-day", "6+ months", "day 30",
 * "monthly", "weekly" (but the page's own "weekly 1-1s" for a loan, which no config changes).
 */
const DEFAULT_NUMBER =
  /\b(4|6|7|14|30|60|90)\+?(-| )(day|days|month|months|week|weeks)\b|\bdays? (30|60|90)\b|\b(monthly|weekly)\b(?! 1-1)/i;

/** Each unusual value, and how a text that states it reads. */
const STATED: Array<[key: string, pattern: RegExp]> = [
  ["interim.max_months", /\b11 months\b/],
  ["interim.tenure_months", /\bat least 5 months\b/],
  ["interim.prior_management_months", /\(9\+ months\)/],
  ["interim.hire_review_days", /\b41(-day| days)\b/],
  ["interim.recheck_days", /\bevery 13 days\b/],
  ["interim.limit_reminder_days", /\b37 days ahead\b/],
  ["interim.explicit_reminder_days", /\b8 days before the start\b/],
  ["acting.tenure_months", /\bat least 3 months\b/],
  ["acting.talent_review_after_days", /\b83 days\b/],
  ["acting.return_reminder_days", /\bin 17 days\b/],
  ["acting.explicit_reminder_days", /\b9 days before the start\b/],
  ["apprenticeship.default_months", /\b10 months\b/],
  ["apprenticeship.tenure_months", /\bat least 2 months\b/],
  ["apprenticeship.checkin_days", /\bevery 23 days\b/],
  ["apprenticeship.review_reminder_days", /\bevery 19 days\b/],
  ["loan.reminder_days", /\b16 days before\b/],
  ["trial.plan_days", /\b97 days\b/],
  ["trial.checkpoints", /\bdays 29, 61 and 97\b/],
  ["trial.reminder_days", /\bevery 12 days\b/],
  ["conversations.reminder_days", /\b18 days before the quarter ends\b/],
];

/** What the bot's text may not say: label names, the data block, the config's inner words. */
const INTERNALS: Array<[what: string, pattern: RegExp]> = [
  ["a label name", /career-(outcome|status|stage)::|~"/],
  ["'data block'", /\bdata block\b/i],
  ["'see Facts' or a Facts heading", /see Facts|#### Facts\b/],
  ["'configured'", /\bconfigured\b/i],
  ["'Table row'", /Table row/i],
  // One phrasing for where people fix things: "the details at the top of this issue" (text 12).
  ["the yaml career block", /yaml career\W*block/],
];

/** Every template rendered with the unusual config and no other data: its fixed words and numbers. */
function renderEveryTemplate(config: Config): Array<{ where: string; text: string }> {
  return [...renderer.names]
    .filter((name) => !name.startsWith("partials/"))
    .flatMap((name) =>
      ["", "returned", "extended", "completed", "promoted", "transferred"].map((outcome) => ({
        where: `${name} (outcome ${outcome || "none"})`,
        text: renderer.render(name, { ...textContext(config, name.split("/")[0]!), outcome }),
      })),
    );
}

interface BotText {
  where: string;
  text: string;
  /** Whether the text must link the handbook section. */
  links: boolean;
}

/** The bot's own words on GitLab: its notes, its section of each description, the issues it opened. */
function botTexts(state: ReturnType<typeof freshState>): BotText[] {
  const bot = state.requireUser(BOT);
  return state.issues.flatMap((issue) => {
    const texts: BotText[] = [];
    if (issue.authorId === bot.id) {
      texts.push({ where: `#${issue.iid} description`, text: issue.description, links: true });
    } else {
      const bounds = findSection(issue.description);
      if (bounds) {
        const text = issue.description.slice(bounds.start, bounds.end);
        texts.push({ where: `#${issue.iid} section`, text, links: true });
      }
    }
    for (const note of state.notesOf(issue.id)) {
      if (note.authorId !== bot.id || note.system) continue;
      const key = /<!-- career-bot:note key=(\S+) -->/.exec(note.body)?.[1] ?? "";
      const answer =
        key.startsWith("reply:") || key.startsWith("followup:") || key.startsWith("tick-refused");
      texts.push({ where: `#${issue.iid} note ${key}`, text: note.body, links: !answer });
    }
    return texts;
  });
}

/** The text without dates and issue references, whose digits are not periods. */
const withoutDates = (text: string) => text.replace(/\d{4}-\d{2}-\d{2}/g, "DATE").replace(/#\d+/g, "#N");

/** Every section the bot wrote on the way, not only the last one (each stage has its own). */
function recordingSections(port: GitLabPort, sections: BotText[]): GitLabPort {
  return new Proxy(port, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (key !== "updateIssue" || typeof value !== "function") return value;
      return (project: number, iid: number, update: IssueUpdate) => {
        const bounds = update.description === undefined ? undefined : findSection(update.description);
        if (bounds && update.description) {
          const text = update.description.slice(bounds.start, bounds.end);
          sections.push({ where: `#${iid} section (${sections.length})`, text, links: true });
        }
        return value.call(target, project, iid, update);
      };
    },
  });
}

async function walkAll(configText: string): Promise<BotText[]> {
  const texts: BotText[] = [];
  for (const definition of workflows as readonly WorkflowDefinition[]) {
    const state = freshState();
    const sections: BotText[] = [];
    const bot = new MemoryBot(state, {
      config: configText,
      wrap: (port) => recordingSections(port, sections),
    });
    await autoWalk(bot, definition);
    texts.push(
      ...[...sections, ...botTexts(state)].map((t) => ({ ...t, where: `${definition.id} ${t.where}` })),
    );
  }
  return texts;
}

describe("numbers come from the config", () => {
  const rendered = renderEveryTemplate(unusual);

  it("no template states the page's default where the config sets another number", () => {
    const found = rendered.filter((r) => DEFAULT_NUMBER.test(withoutDates(r.text)));
    expect(found.map((r) => `${r.where}: ${DEFAULT_NUMBER.exec(withoutDates(r.text))?.[0]}`)).toEqual([]);
  });

  it("the default config states the page's numbers (so the test above can fail)", () => {
    const defaults = renderEveryTemplate(defaultConfig());
    expect(defaults.some((r) => /\b30 days after\b/.test(r.text))).toBe(true);
    expect(defaults.some((r) => DEFAULT_NUMBER.test(withoutDates(r.text)))).toBe(true);
  });

  it("every walk, to its end, states the config's numbers and links the configured handbook", async () => {
    const walked = await walkAll(UNUSUAL);
    expect(walked.length).toBeGreaterThan(40);
    const defaults = walked.filter((t) => DEFAULT_NUMBER.test(withoutDates(t.text)));
    expect(defaults.map((t) => `${t.where}: ${DEFAULT_NUMBER.exec(withoutDates(t.text))?.[0]}`)).toEqual([]);

    const unlinked = walked.filter((t) => t.links && !t.text.includes(`](${UNUSUAL_URL}#`));
    expect(unlinked.map((t) => t.where)).toEqual([]);
    expect(walked.some((t) => t.text.includes(HANDBOOK_URL))).toBe(false);

    const internal = walked.flatMap((t) =>
      INTERNALS.filter(([, pattern]) => pattern.test(t.text)).map(([what]) => `${t.where}: ${what}`),
    );
    expect(internal).toEqual([]);

    // Every unusual number is stated somewhere: in a walk's text or in the template that holds it.
    const everything = [...walked.map((t) => t.text), ...rendered.map((r) => r.text)].map(withoutDates);
    const unstated = STATED.filter(([, pattern]) => !everything.some((text) => pattern.test(text)));
    expect(unstated.map(([key]) => key)).toEqual([]);
  }, 120_000);
});

describe("no internals in sentences", () => {
  it("no template names a label, the data block, 'configured' or the Facts heading", () => {
    const found = renderEveryTemplate(defaultConfig()).flatMap((r) =>
      INTERNALS.filter(([, pattern]) => pattern.test(r.text)).map(([what]) => `${r.where}: ${what}`),
    );
    expect(found).toEqual([]);
  });

  it("the section lists the facts under 'At a glance'", () => {
    const section = renderer.render("section", { summary: ["Tenure: met"], stage: "Setup" });
    expect(section).toContain("#### At a glance\n- Tenure: met");
    expect(section).not.toContain("Facts");
  });

  it("the patterns catch what they are for", () => {
    const caught = (text: string) => INTERNALS.filter(([, p]) => p.test(text)).map(([what]) => what);
    expect(caught('ended with the outcome ~"career-outcome::returned"')).toEqual(["a label name"]);
    expect(caught("change it in the data block")).toEqual(["'data block'"]);
    expect(caught("Edit the ```` ```yaml career ```` block")).toEqual(["the yaml career block"]);
    expect(caught("longer than the configured length (see Facts)")).toEqual([
      "'see Facts' or a Facts heading",
      "'configured'",
    ]);
    expect(DEFAULT_NUMBER.test("the 30-day hire review")).toBe(true);
    expect(DEFAULT_NUMBER.test("6+ months of management")).toBe(true);
    expect(DEFAULT_NUMBER.test("schedule weekly 1-1s")).toBe(false);
  });
});

describe("issue templates", () => {
  const dir = new URL("../../.gitlab/issue_templates/", import.meta.url);
  const files = readdirSync(dir).filter((f) => f.endsWith(".md"));

  // Text 13: the templates state the page's numbers, taken from the config's defaults, and say that they
  // are the defaults (a template is copied once; the section shows the configured dates).
  const d = defaultConfig();
  const STATES: Record<string, string[]> = {
    "Interim manager.md": [
      `at least ${d.interim.tenure_months} months`,
      `for ${d.interim.hire_review_days} days`,
      `not to exceed ${d.interim.max_months} months`,
    ],
    "Acting manager.md": [
      `at least ${d.acting.tenure_months} months`,
      `longer than ${d.acting.talent_review_after_days} days`,
    ],
    "Apprenticeship.md": [
      `after ${d.apprenticeship.tenure_months} months of full-time work`,
      `lasts ${d.apprenticeship.default_months} months by default`,
      `every ${d.apprenticeship.checkin_days} days`,
    ],
    "Management trial.md": [
      `of ${d.trial.plan_days} days`,
      `on days ${d.trial.checkpoints[0]}, ${d.trial.checkpoints[1]} and ${d.trial.checkpoints[2]}`,
    ],
  };
  const DEFAULTS_NOTE = "These are the handbook's numbers, the defaults of `.gitlab/career-bot.yml`";

  it("state the page's numbers from the config's defaults, and say they are the defaults", () => {
    expect(files.length).toBe(workflows.length);
    for (const [file, numbers] of Object.entries(STATES)) {
      const text = readFileSync(new URL(file, dir), "utf8").replace(/\s+/g, " ");
      for (const number of numbers) expect(text, file).toContain(number);
      expect(text, file).toContain(DEFAULTS_NOTE);
    }
    // A template with none of these numbers states no period either.
    const others = files.filter((f) => !(f in STATES));
    expect(others.filter((f) => DEFAULT_NUMBER.test(readFileSync(new URL(f, dir), "utf8")))).toEqual([]);
  });
});

describe("texts that contradicted themselves or the page", () => {
  const interim: Walk = {
    definition: interimManager as unknown as WorkflowDefinition,
    block: interimBlock,
    createdAt: "2026-01-05T08:00:00Z",
  };
  function closing(block: Record<string, unknown>, config: Config = defaultConfig()) {
    const p = planAt({ ...interim, config }, [], "2026-01-06T08:00:00Z", { block });
    const note = notesOf(p.actions).find((n) => n.template === "interim-manager/not-required")!;
    return renderer.render(note.template, note.data, {}, note.mentions);
  }

  it("interim manager, no interim required: says the table's verdict as a sentence, no 'Table row'", () => {
    const staff = closing(
      { ...interimBlock, current_level: "Staff", previous_management_experience: 9 },
      unusual,
    );
    expect(staff).toContain(
      "The Interim Manager table applies no interim period to Staff → Manager with previous management experience (9+ months).",
    );
    expect(staff).not.toMatch(/Table row|6\+ months/);

    const director = closing({ ...interimBlock, current_level: "Director", desired_level: "VP" });
    expect(director).toContain(
      "The handbook requires no interim period for positions at Director level and above, such as Director → VP.",
    );
    expect(director).not.toMatch(/Table row|For Director\+ positions/);
    expect(director).toContain("What happens instead: the regular promotion process.");
  });

  it("apprenticeship review: both the apprentice and the department determine it, neither alone", () => {
    for (const name of [
      "apprenticeship/review",
      "apprenticeship/guidance-review",
      "apprenticeship/review-pending",
    ]) {
      const text = renderer.render(name, { ...textContext(defaultConfig(), "apprenticeship", "review") });
      expect(text, name).toMatch(/the apprentice and the department/i);
      expect(text, name).not.toMatch(/\bthe apprentice (decides|determines)\b/i);
      // "Neither side decides it alone" holds for ending it too: no one person concludes it (text 1).
      expect(text, name).not.toMatch(/any (of you|of them|one)\b[^.]*conclude/i);
      expect(text, name).toMatch(/both[^.]*`\/career conclude`|`\/career conclude`[^.]*both/i);
    }
    expect(renderer.render("apprenticeship/guidance-review", {})).toContain(
      "Both the apprentice and the department determine whether it makes sense to extend the timeframe further; neither decides it alone.",
    );
  });
});
