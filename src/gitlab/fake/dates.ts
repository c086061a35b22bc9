/**
 * Date helpers for the fake. Every time comes from `state.now` (an ISO string the test sets), never
 * from the real clock, so scenario tests are deterministic.
 */

const DAY_MS = 86_400_000;

export interface Duration {
  days?: number;
  hours?: number;
  minutes?: number;
  seconds?: number;
}

export function addDuration(iso: string, duration: Duration): string {
  const ms =
    (duration.days ?? 0) * DAY_MS +
    (duration.hours ?? 0) * 3_600_000 +
    (duration.minutes ?? 0) * 60_000 +
    (duration.seconds ?? 0) * 1000;
  return isoFromMs(parseIso(iso) + ms);
}

export function parseIso(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms))
    throw new Error(`"${iso}" is not an ISO date-time; set state.now to e.g. 2026-01-05T09:00:00Z`);
  return ms;
}

export function isoFromMs(ms: number): string {
  return new Date(ms).toISOString();
}

/** `YYYY-MM-DD` of an ISO time, in UTC. */
export function dayOf(iso: string): string {
  return isoFromMs(parseIso(iso)).slice(0, 10);
}

/** Webhook payloads write times as `2015-05-17 17:06:40 UTC`. */
export function hookTime(iso: string | null): string | null {
  if (iso === null) return null;
  return `${isoFromMs(parseIso(iso)).slice(0, 19).replace("T", " ")} UTC`;
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** `2026-03-05` -> `March 5, 2026`, the way GitLab's due-date system notes print it. */
export function longDate(day: string): string {
  const [year, month, date] = day.split("-").map(Number);
  return `${MONTHS[(month ?? 1) - 1]} ${date}, ${year}`;
}

/** The `/due` argument forms the fake understands; null when GitLab would not parse it either. */
export function resolveDueDate(arg: string, nowIso: string): string | null {
  const text = arg.trim().toLowerCase();
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return Number.isNaN(Date.parse(text)) ? null : text;
  if (text === "today") return dayOf(nowIso);
  if (text === "tomorrow") return dayOf(addDuration(nowIso, { days: 1 }));
  const relative = /^in (\d+) (day|week)s?$/.exec(text);
  if (!relative) return null;
  const days = Number(relative[1]) * (relative[2] === "week" ? 7 : 1);
  return dayOf(addDuration(nowIso, { days }));
}
