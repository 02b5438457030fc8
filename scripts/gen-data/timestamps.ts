/**
 * Fast UTC timestamp formatting. Date#toISOString is fine for thousands of
 * rows but shows up in profiles at ten million; this integer-only version
 * also cannot depend on the machine's time zone.
 */

/** Unix seconds of 2023-01-01 00:00:00 UTC. */
export const YEAR_2023_START = 1672531200;
/** Unix seconds of 2024-01-01 00:00:00 UTC. */
export const YEAR_2024_START = 1704067200;

function pad2(n: number): string {
  return n < 10 ? '0' + n : String(n);
}

let cachedDay = Number.NaN;
let cachedDate = '';

/** Civil date for a day count since 1970-01-01 (Howard Hinnant's algorithm). */
function formatDay(daysSinceEpoch: number): string {
  const z = daysSinceEpoch + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/** Formats unix seconds as `YYYY-MM-DD HH:MM:SS` in UTC. */
export function formatUtcTimestamp(unixSeconds: number): string {
  const seconds = Math.floor(unixSeconds);
  const day = Math.floor(seconds / 86400);
  // Rows of one user are chronological, so consecutive calls usually share a day.
  if (day !== cachedDay) {
    cachedDay = day;
    cachedDate = formatDay(day);
  }
  const secondOfDay = seconds - day * 86400;
  const hh = Math.floor(secondOfDay / 3600);
  const mm = Math.floor((secondOfDay % 3600) / 60);
  const ss = secondOfDay % 60;
  return `${cachedDate} ${pad2(hh)}:${pad2(mm)}:${pad2(ss)}`;
}
