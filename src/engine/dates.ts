/**
 * Calendar days as `YYYY-MM-DD` strings. The data block holds calendar days; a checkpoint falls at
 * the start of its day in the config's time zone, so "is it due" is a comparison of days.
 */
export type Day = string;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/*
 * The years a career date can be in. Outside them a date is a typo or a placeholder (9999-12-31 for
 * "open-ended"), not a plan: day arithmetic past year 9999 leaves the four-digit form (`+010000-01-05`),
 * which sorts before every real day and read as long overdue. A century either side is room enough
 * for a first day at the company and for any end date a person means.
 */
export const FIRST_SANE_YEAR = 1900;
export const LAST_SANE_YEAR = 2199;

/**
 * The day for a `YYYY-MM-DD` string, or undefined when it is malformed, impossible (2026-02-30) or
 * outside the sane years (dayProblem says which).
 */
export function parseDay(text: string): Day | undefined {
  return dayProblem(text) === undefined ? text : undefined;
}

/** What is wrong with a day as a data block or a command gives it, in words a person can act on. */
export function dayProblem(text: string): string | undefined {
  const match = DAY.exec(text);
  if (!match) return "must be a real date written YYYY-MM-DD";
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  if (y < FIRST_SANE_YEAR || y > LAST_SANE_YEAR)
    return `must be a date from ${FIRST_SANE_YEAR} to ${LAST_SANE_YEAR}: write the day actually planned (a far-off placeholder such as 9999-12-31 is not one)`;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    return "must be a real date written YYYY-MM-DD";
  return undefined;
}

function toUtc(day: Day): Date {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

function fromUtc(date: Date): Day {
  return date.toISOString().slice(0, 10);
}

export function addDays(day: Day, days: number): Day {
  const date = toUtc(day);
  date.setUTCDate(date.getUTCDate() + days);
  return fromUtc(date);
}

/** Adds calendar months; the 31st plus one month lands on the last day of a shorter month. */
export function addMonths(day: Day, months: number): Day {
  const date = toUtc(day);
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  return fromUtc(target);
}

/** Whole days from `a` to `b` (negative when b is earlier). */
export function daysBetween(a: Day, b: Day): number {
  return Math.round((toUtc(b).getTime() - toUtc(a).getTime()) / 86_400_000);
}

/** Whole calendar months from `a` to `b`, counting a month only once its day is reached. */
export function monthsBetween(a: Day, b: Day): number {
  const [ay, am, ad] = a.split("-").map(Number) as [number, number, number];
  const [by, bm, bd] = b.split("-").map(Number) as [number, number, number];
  let months = (by - ay) * 12 + (bm - am);
  if (bd < ad && addMonths(a, months) > b) months -= 1;
  return months;
}

/** The calendar day an instant falls on in a time zone. */
export function dayOf(instant: Date | string, timeZone: string): Day {
  const date = typeof instant === "string" ? new Date(instant) : instant;
  // UTC (the default) without Intl, which would load ICU's time-zone data; four-digit years only,
  // where both spell the day alike (an invalid date throws a RangeError either way).
  if (timeZone === "UTC" || timeZone === "Etc/UTC") {
    const year = date.getUTCFullYear();
    if (year >= 1000 && year <= 9999) return date.toISOString().slice(0, 10);
  }
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

/**
 * Orders ISO days or instants as `sort` wants. They order as plain strings; `<` compares code units,
 * where `localeCompare` would load ICU's collation data on its first call (about 6 ms of a `handle`).
 */
export function compareIso(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The latest of some days (days sort as strings). */
export function latestDay(days: Day[]): Day | undefined {
  return [...days].sort().at(-1);
}

/** "Q4 2026" style quarter of a day, and its last day. */
export function quarterOf(day: Day): { id: string; label: string; firstDay: Day; lastDay: Day } {
  const [y, m] = day.split("-").map(Number) as [number, number];
  const q = Math.floor((m - 1) / 3) + 1;
  const firstMonth = (q - 1) * 3 + 1;
  const firstDay = `${y}-${String(firstMonth).padStart(2, "0")}-01`;
  return { id: `${y}-Q${q}`, label: `Q${q} ${y}`, firstDay, lastDay: addDays(addMonths(firstDay, 3), -1) };
}
