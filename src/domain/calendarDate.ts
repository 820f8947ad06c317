/** Calendar dates (YYYY-MM-DD) as trade documents use them: due dates, B/L dates, maturities. */

const DAY_MS = 86_400_000;

/** The UTC calendar date of an instant. */
export function dateOf(instant: string): string {
  return new Date(Date.parse(instant)).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The first instant after `date` has ended (UTC): a payment due on `date` is overdue from then. */
export function endOfDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + DAY_MS).toISOString();
}

/** Midnight (UTC) at the start of `date`. */
export function startOfDate(date: string): string {
  return `${date}T00:00:00.000Z`;
}

export function earlierDate(a: string, b: string): string {
  return a <= b ? a : b;
}
