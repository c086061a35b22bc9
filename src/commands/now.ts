import { UsageError } from "../errors.js";

/** `2026-01-05T09:00:00Z`, with optional seconds and fraction, and `Z` or a `+hh:mm` offset. */
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?([Zz]|[+-]\d{2}:?\d{2})$/;

/**
 * The run's clock from `--now`: only a real ISO-8601 date-time with a time zone. `new Date` alone
 * would take `1` (the year 2001) and roll `2026-02-30` over into March, and a time without an offset
 * would depend on the machine's zone; each of those is a mistake to report, not a clock to run on.
 */
export function parseNow(text: string | undefined): Date {
  if (text === undefined) return new Date();
  const match = DATE_TIME.exec(text);
  if (!match) {
    throw new UsageError(
      `--now ${JSON.stringify(text)} is not an ISO-8601 date-time: write it like 2026-01-05T09:00:00Z (a date, T, a time, and Z or an offset such as +01:00)`,
    );
  }
  const [, year, month, day, hour, minute, second = "00", fraction = "", zone] = match;
  const [y, mo, d, h, mi, s] = [year, month, day, hour, minute, second].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const offset = zone!.toUpperCase() === "Z" ? "00:00" : zone!.slice(1).replace(/^(\d{2})(\d{2})$/, "$1:$2");
  const [oh, om] = offset.split(":").map(Number) as [number, number];
  const real =
    mo >= 1 &&
    mo <= 12 &&
    d >= 1 &&
    d <= daysIn(y, mo) &&
    h <= 23 &&
    mi <= 59 &&
    s <= 59 &&
    oh <= 23 &&
    om <= 59;
  if (!real)
    throw new UsageError(
      `--now ${JSON.stringify(text)} is not a real date and time: check the day of the month and the time`,
    );
  const sign = zone!.toUpperCase() === "Z" ? "Z" : `${zone![0]}${offset}`;
  return new Date(`${year}-${month}-${day}T${hour}:${minute}:${second}${fraction.slice(0, 4)}${sign}`);
}

function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
