import * as z from "zod";
import type { Ladders } from "../careers/ladder-set.js";
import { PromotionConfig } from "./promotion-config.js";

/**
 * `.gitlab/career-bot.yml`. Every key is optional; the defaults are the seed page's numbers
 * (interim period at most 4 months, 6 months at the company, 6+ months of prior management,
 * the promotion not before 30 days after the first hire) and the research notes' readings of it.
 */
const Username = z
  .string()
  .regex(/^@?[A-Za-z0-9_][A-Za-z0-9_.-]*$/, "must be a GitLab username")
  .transform((name) => name.replace(/^@/, ""));

const positiveInt = z.number().int().positive();

/** The engineering career development page (SPEC section 8). */
export const HANDBOOK_URL = "https://handbook.gitlab.com/handbook/engineering/careers/";

export const InterimConfig = z
  .object({
    max_months: positiveInt
      .default(4)
      .describe('the interim period\'s maximum in months ("not to exceed 4 months")'),
    tenure_months: positiveInt
      .default(6)
      .describe('months at the company needed by interim_start_date ("employed for at least 6 months")'),
    prior_management_months: positiveInt
      .default(6)
      .describe("months of previous management that count as management experience in the interim table"),
    hire_review_days: positiveInt
      .default(30)
      .describe('days after the first hire\'s start date before the hire review ("not before 30 days")'),
    recheck_days: positiveInt
      .default(14)
      .describe("reminder cadence in days while a hire review is indeterminate"),
    limit_reminder_days: positiveInt
      .default(30)
      .describe("reminder this many days before the interim period's maximum"),
    /** Not in the seed, which asks for it "before the temporary role is created" without a number. */
    explicit_reminder_days: positiveInt
      .default(7)
      .describe(
        "reminder this many days before interim_start_date while making the role explicit as interim is not ticked",
      ),
  })
  .strict();

export const ActingConfig = z
  .object({
    tenure_months: positiveInt
      .default(6)
      .describe('months at the company needed by the acting start_date ("employed for at least 6 months")'),
    talent_review_after_days: positiveInt
      .default(90)
      .describe("an acting appointment longer than this many days gets a talent review"),
    return_reminder_days: positiveInt
      .default(14)
      .describe("reminder this many days before the acting end_date"),
    /** Not in the seed, which asks for it "before the temporary role is created" without a number. */
    explicit_reminder_days: positiveInt
      .default(7)
      .describe(
        "reminder this many days before the acting start_date while making the role explicit as acting is not ticked",
      ),
  })
  .strict();

export const ApprenticeshipConfig = z
  .object({
    default_months: positiveInt
      .default(6)
      .describe("length in months of an apprenticeship without an end_date"),
    tenure_months: positiveInt.default(6).describe("months of full-time work the apprentice needs"),
    checkin_days: positiveInt
      .default(30)
      .describe("days between check-in reminders while the apprenticeship is active"),
    /** Not in the seed: how often the bot asks again while the end-of-apprenticeship review is open. */
    review_reminder_days: positiveInt
      .default(14)
      .describe("reminder cadence in days while the end-of-apprenticeship review is open"),
  })
  .strict();

export const LoanConfig = z
  .object({
    reminder_days: positiveInt.default(14).describe("reminder this many days before the loan's end_date"),
  })
  .strict();

/** The management trial's three check-ins follow the three stages of the 90-day plan the seed links. */
export const TrialConfig = z
  .object({
    plan_days: positiveInt.default(90).describe("length in days of the management trial's transition plan"),
    checkpoints: z
      .array(positiveInt)
      .length(3, "must list three days, e.g. [30, 60, 90]")
      .default([30, 60, 90])
      .describe("the plan's three check-in days; the last one equals plan_days"),
    reminder_days: positiveInt
      .default(7)
      .describe("reminder cadence in days while a check-in is due and not ticked"),
  })
  .strict()
  .refine(
    (trial) => {
      const [a = 0, b = 0, c = 0] = trial.checkpoints;
      return a < b && b < c && c === trial.plan_days;
    },
    {
      message: "checkpoints must be increasing days and the last one must equal plan_days",
      path: ["checkpoints"],
    },
  );

export const RosterEntry = z
  .object({
    manager: Username.describe("the manager's GitLab username"),
    reports: z.array(Username).min(1).describe("the GitLab usernames of the manager's reports"),
  })
  .strict()
  .describe("one manager and their reports");

export const ConversationsConfig = z
  .object({
    cadence: z.literal("quarterly").default("quarterly").describe("how often each manager gets an issue"),
    reminder_days: positiveInt.default(14).describe("reminder this many days before the quarter ends"),
    // One issue per manager and quarter: a manager listed twice would lose the second list silently.
    roster: z
      .array(RosterEntry)
      .default([])
      .superRefine((roster, ctx) => {
        const seen = new Set<string>();
        for (const [index, entry] of roster.entries()) {
          const manager = entry.manager.toLowerCase();
          if (seen.has(manager)) {
            ctx.addIssue({
              code: "custom",
              path: [index, "manager"],
              message: `${entry.manager} is listed twice; merge the two entries' reports into one`,
            });
          }
          seen.add(manager);
        }
      })
      .describe("managers and their reports: one confidential issue per manager per quarter"),
  })
  .strict();

export const DashboardConfig = z
  .object({
    enabled: z
      .boolean()
      .default(true)
      .describe("keep one confidential dashboard issue of every workflow up to date"),
    title: z
      .string()
      .min(1)
      .max(255)
      .default("Career workflows dashboard")
      .describe("the dashboard issue's title"),
    project: z
      .string()
      .default("")
      .describe(
        "with sweep --group: the project (id or full path) that holds the group's dashboard; empty: none",
      ),
  })
  .strict();

export const Config = z
  .object({
    people_ops: z
      .array(Username)
      .default([])
      .describe("usernames who may make every decision and tick every item"),
    timezone: z
      .string()
      .default("UTC")
      .refine((zone) => isTimeZone(zone), "must be an IANA time zone such as UTC or Europe/Berlin")
      .describe("the time zone in which a date's checkpoint falls, e.g. UTC or Europe/Berlin"),
    /** Safety valve: a run stops writing after this many writes and reports the rest as failed. */
    max_writes_per_run: positiveInt
      .default(500)
      .describe("safety valve: a run stops writing after this many writes and reports the rest as failed"),
    /**
     * Trigger mode only: each write that fires the webhook (note, issue create or update) starts a
     * pipeline, and GitLab.com refuses more than 25 pipeline creations a minute for one project, user
     * and commit. The default leaves 5 of them for people's own events in the same minute.
     */
    trigger_writes_per_minute: z
      .number()
      .int()
      .min(0, "must be 0 (never wait) or more writes a minute, e.g. 20")
      .default(20)
      .describe(
        "trigger mode: at most this many writes a minute, since each starts a pipeline (GitLab.com allows 25 a minute); 0 never waits",
      ),
    /** How far back a sweep looks for issues whose events may have been lost. */
    sweep_lookback_hours: positiveInt
      .default(48)
      .describe("how far back in hours a sweep looks for issues whose events may have been lost"),
    interim: InterimConfig.default(InterimConfig.parse({})).describe(
      "interim manager (career::interim-manager)",
    ),
    acting: ActingConfig.default(ActingConfig.parse({})).describe("acting manager (career::acting-manager)"),
    apprenticeship: ApprenticeshipConfig.default(ApprenticeshipConfig.parse({})).describe(
      "apprenticeship (career::apprenticeship)",
    ),
    loan: LoanConfig.default(LoanConfig.parse({})).describe("on loan (career::on-loan)"),
    trial: TrialConfig.default(TrialConfig.parse({})).describe("management trial (career::management-trial)"),
    promotion: PromotionConfig.default(PromotionConfig.parse({})).describe(
      "promotion (career::promotion): the documents the handbook page links",
    ),
    conversations: ConversationsConfig.default(ConversationsConfig.parse({})).describe(
      "career conversations (career::conversation), created by the sweep from the roster",
    ),
    /** The seed page's own links use the about.gitlab.com address; SPEC section 8 names the live one. */
    handbook_url: z
      .string()
      .regex(/^https?:\/\/[^\s()<>#]+$/, "must be an http(s) address without spaces, brackets or #")
      .default(HANDBOOK_URL)
      .describe("the handbook page every guidance and reminder links its section on"),
    dashboard: DashboardConfig.default(DashboardConfig.parse({})).describe(
      "the dashboard issue: every running workflow at a glance, kept up to date by sweep",
    ),
  })
  .strict();

/**
 * `ladders` is not a key of the file: loadConfig sets it from `.gitlab/career-ladders.yml` beside it
 * (src/careers/ladder-file.ts). Without it the handbook page's ladders apply (laddersOf).
 */
export type Config = z.infer<typeof Config> & { readonly ladders?: Ladders };

function isTimeZone(zone: string): boolean {
  // The default needs no check; asking Intl would load ICU's time-zone data (about 15 ms of a run).
  if (zone === "UTC" || zone === "Etc/UTC") return true;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The config with every default, as a run without `.gitlab/career-bot.yml` sees it. */
export function defaultConfig(): Config {
  return Config.parse({});
}
