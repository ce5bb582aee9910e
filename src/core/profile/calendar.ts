/**
 * UTC calendar arithmetic on epoch milliseconds without Date objects, so bucketing a million
 * timestamps stays a tight loop. Civil-date conversion after Howard Hinnant,
 * "chrono-Compatible Low-Level Date Algorithms" (days_from_civil / civil_from_days).
 */
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

export type TimeUnit = "hour" | "day" | "week" | "month" | "year";

export function civilFromDays(z: number): { y: number; m: number; d: number } {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

export function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * Index of the calendar bucket holding `ms`. Weeks start on Monday (ISO 8601); 1970-01-01 was a
 * Thursday, so day 0 is day 3 of its week. Months count from year 0 (y·12 + m - 1).
 */
export function bucketIndex(ms: number, unit: TimeUnit): number {
  if (unit === "hour") return Math.floor(ms / HOUR_MS);
  const day = Math.floor(ms / DAY_MS);
  if (unit === "day") return day;
  if (unit === "week") return Math.floor((day + 3) / 7);
  const { y, m } = civilFromDays(day);
  return unit === "month" ? y * 12 + m - 1 : y;
}

/** Epoch ms where bucket `index` starts. */
export function bucketStart(index: number, unit: TimeUnit): number {
  switch (unit) {
    case "hour":
      return index * HOUR_MS;
    case "day":
      return index * DAY_MS;
    case "week":
      return (index * 7 - 3) * DAY_MS;
    case "month":
      return daysFromCivil(Math.floor(index / 12), (((index % 12) + 12) % 12) + 1, 1) * DAY_MS;
    default:
      return daysFromCivil(index, 1, 1) * DAY_MS;
  }
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/** Short label of a bucket start: "2012", "2012-03", "2012-03-05", "2012-03-05T14:00". */
export function bucketLabel(ms: number, unit: TimeUnit): string {
  const { y, m, d } = civilFromDays(Math.floor(ms / DAY_MS));
  const year = y >= 0 && y <= 9999 ? pad(y, 4) : String(y);
  if (unit === "year") return year;
  if (unit === "month") return `${year}-${pad(m)}`;
  const date = `${year}-${pad(m)}-${pad(d)}`;
  if (unit !== "hour") return date;
  return `${date}T${pad(Math.floor((ms - Math.floor(ms / DAY_MS) * DAY_MS) / HOUR_MS))}:00`;
}
