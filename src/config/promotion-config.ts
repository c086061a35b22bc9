import * as z from "zod";

/**
 * The documents the handbook page links for a promotion, as full addresses. The page's own links
 * are relative to the handbook site (or to the page), so the defaults are those links resolved against
 * the live handbook (SPEC section 8); a company with its own process or templates points elsewhere.
 */
const Url = z
  .string()
  .regex(/^https?:\/\/[^\s()<>]+$/, "must be an http(s) address without spaces or brackets");

const SITE = "https://handbook.gitlab.com";

export const PromotionConfig = z
  .object({
    process_url: Url.default(`${SITE}/handbook/people-group/promotions-transfers/`).describe(
      'the "promotion process outlined by People Ops" the page links',
    ),
    coaching_templates_url: Url.default(
      "https://docs.google.com/document/d/11xZpY2RuTldp1g6bHRFYKwwlQjNjYaPquLPo5uD6hrg/edit",
    ).describe('the coaching plan templates the page lists ("Senior Engineer"; "Others to come")'),
    career_matrix_url: Url.default(`${SITE}/handbook/engineering/careers/career-matrix.html`).describe(
      'the career matrix for Engineering the page links ("Individual Contributors in Engineering")',
    ),
    job_families_url: Url.default(`${SITE}/job-families/engineering/`).describe(
      "the job family requirements the coaching documents are based on, as the page links them",
    ),
  })
  .strict();
