import * as z from "zod";

/**
 * "Managers can provide multiple opportunities to Senior and Staff Engineers who want to consider moving
 * into an available or upcoming manager role" (Trying the Management Track): the trial is for those two
 * levels. The level is matched without regard to case or surrounding spaces, and nothing looser: a role
 * title ("Senior Backend Engineer") or another level is refused with the allowed values, so a person who
 * is not offered the trial by the page hears why instead of starting it.
 */
export const TRIAL_LEVELS = ["Senior", "Staff"] as const;
export type TrialLevel = (typeof TRIAL_LEVELS)[number];

const WHY =
  'the handbook offers trying the management track to "Senior and Staff Engineers who want to consider moving into an available or upcoming manager role"';
const FIX = "write the level alone, e.g. level: Senior for a Senior Backend Engineer";

export function parseTrialLevel(text: string): TrialLevel | undefined {
  const wanted = text.trim().toLowerCase();
  return TRIAL_LEVELS.find((level) => level.toLowerCase() === wanted);
}

export const TrialLevelField = z
  .string({
    error: (issue) =>
      issue.input === undefined || issue.input === null
        ? `is missing: add level: Senior or level: Staff to the details at the top of this issue; ${WHY}`
        : `must be Senior or Staff (${FIX}); ${WHY}`,
  })
  .refine((text) => parseTrialLevel(text) !== undefined, `must be Senior or Staff (${FIX}); ${WHY}`)
  .transform((text) => parseTrialLevel(text) as TrialLevel);
