import { z } from "zod";
import { parseDay } from "../engine/dates.js";

/** Field types shared by the workflows' data blocks, each with an error that says how to fix it. */
export const Username = z
  .string({ error: "must be a GitLab username such as alice or @alice" })
  .regex(/^@?[A-Za-z0-9_][A-Za-z0-9_.-]{0,254}$/, "must be a GitLab username such as alice or @alice")
  .transform((name) => name.replace(/^@/, ""));

export const DayField = z
  .string({ error: "must be a date written YYYY-MM-DD" })
  .refine((text) => parseDay(text) !== undefined, "must be a real date written YYYY-MM-DD");

export const Url = z.string().regex(/^https?:\/\/\S+$/, "must be an http(s) URL");

export const ShortText = z.string().max(500, "must be at most 500 characters");

/** Fields every workflow may carry. */
export const commonFields = {
  team_member: Username,
  manager: Username,
  people_business_partner: Username.optional(),
  department: ShortText.optional(),
};
