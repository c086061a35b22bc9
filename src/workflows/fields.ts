import * as z from "zod";
import { dayProblem } from "../engine/dates.js";

/** Field types shared by the workflows' data blocks, each with an error that says how to fix it. */
export const Username = z
  .string({ error: "must be a GitLab username such as alice or @alice" })
  .regex(/^@?[A-Za-z0-9_][A-Za-z0-9_.-]{0,254}$/, "must be a GitLab username such as alice or @alice")
  .transform((name) => name.replace(/^@/, ""));

export const DayField = z
  .string({ error: "must be a date written YYYY-MM-DD" })
  .superRefine((text, context) => {
    const problem = dayProblem(text);
    if (problem) context.addIssue({ code: "custom", message: problem });
  });

export const Url = z.string().regex(/^https?:\/\/\S+$/, "must be an http(s) URL");

export const ShortText = z.string().max(500, "must be at most 500 characters");

/** Fields every workflow may carry. */
export const commonFields = {
  team_member: Username,
  manager: Username,
  people_business_partner: Username.optional(),
  department: ShortText.optional(),
};

/** A share of working time, in percent. */
export const Percentage = z
  .number({ error: "must be a number from 1 to 100 (the share of working time, e.g. 20)" })
  .min(1, "must be a number from 1 to 100 (the share of working time, e.g. 20)")
  .max(100, "must be a number from 1 to 100 (the share of working time, e.g. 20)");

/** A YAML list of short texts, at least one. */
export const TextList = z
  .array(ShortText, { error: "must be a YAML list, e.g. [first item, second item]" })
  .min(1, "must list at least one item");
