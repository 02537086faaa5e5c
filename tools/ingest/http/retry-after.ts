// When to come back after a 429 or a 503. The server says so in `Retry-After`, as seconds or as an HTTP date; intake
// honours it within bounds, so a broken or hostile header can neither hammer the server nor park a feed for years.

/** Back-off when `Retry-After` is absent or unreadable: long enough to be polite, short enough for the next run. */
export const DEFAULT_RETRY_AFTER_MS = 60 * 60 * 1000;

/** The longest wait honoured: a feed parked longer than a week would look dead to the person running the site. */
export const MAX_RETRY_AFTER_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * The moment a `Retry-After` value points to, counted from `now`: delta-seconds or an HTTP date, capped at
 * {@link MAX_RETRY_AFTER_MS}; a date in the past means now; absent or unreadable means {@link DEFAULT_RETRY_AFTER_MS}.
 */
export function retryAfterUntil(header: string | undefined, now: Date): Date {
  const value = header?.trim() ?? '';
  let waitMs: number;
  if (/^\d+$/.test(value)) {
    waitMs = Number(value) * 1000;
  } else if (/[a-z]/i.test(value) && Number.isFinite(Date.parse(value))) {
    // Dates without letters ("2025-01-01") are not HTTP dates; Date.parse would read them in local time.
    waitMs = Math.max(0, Date.parse(value) - now.getTime());
  } else {
    waitMs = DEFAULT_RETRY_AFTER_MS;
  }
  return new Date(now.getTime() + Math.min(waitMs, MAX_RETRY_AFTER_MS));
}
