/**
 * A date as an article gives it: either a calendar day (`2024-04-19`), which is shown as that day in every time zone,
 * or an instant with the offset it was written with (`2024-04-19T09:30:00+03:00`).
 */
export interface ContentDate {
  /** The normalised ISO 8601 text: `YYYY-MM-DD`, or `YYYY-MM-DDTHH:mm:ss±HH:MM` (fractions kept). */
  readonly iso: string;
  /** True for a calendar day without a time. */
  readonly dateOnly: boolean;
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?[ \t]*([Zz]|[+-]\d{2}(?::?\d{2})?)?$/;
const EXAMPLES = 'Write it as 2024-04-19 or 2024-04-19T09:30:00+03:00.';

/** Parses a contract date, or returns the reason it is not one (a sentence that starts after the field name). */
export function parseContentDate(text: string): ContentDate | string {
  const value = text.trim();
  const day = DATE_ONLY.exec(value);
  if (day) {
    const [, year, month, date] = day;
    return isCalendarDay(Number(year), Number(month), Number(date))
      ? { iso: value, dateOnly: true }
      : `"${value}" is not a day of the calendar. ${EXAMPLES}`;
  }
  const time = DATE_TIME.exec(value);
  if (!time) return `"${value}" is not a date. ${EXAMPLES}`;
  const [, year, month, date, hours, minutes, seconds = '00', fraction = '', offset] = time;
  if (!isCalendarDay(Number(year), Number(month), Number(date))) {
    return `"${value}" is not a day of the calendar. ${EXAMPLES}`;
  }
  if (Number(hours) > 23 || Number(minutes) > 59 || Number(seconds) > 59) {
    return `"${value}" has a time of day that does not exist. ${EXAMPLES}`;
  }
  if (!offset) {
    return `"${value}" has a time but no UTC offset, so it could be read in any time zone. Add the offset the source uses, such as ${value}+03:00, or give the date only.`;
  }
  const normalisedOffset = normaliseOffset(offset);
  if (!normalisedOffset) return `"${value}" has an offset that does not exist. ${EXAMPLES}`;
  return {
    iso: `${year}-${month}-${date}T${hours}:${minutes}:${seconds}${fraction}${normalisedOffset}`,
    dateOnly: false,
  };
}

function normaliseOffset(offset: string): string | undefined {
  if (offset === 'Z' || offset === 'z') return '+00:00';
  const match = /^([+-])(\d{2}):?(\d{2})?$/.exec(offset);
  if (!match) return undefined;
  const [, sign, hours, minutes = '00'] = match;
  if (Number(hours) > 14 || Number(minutes) > 59) return undefined;
  return `${sign}${hours}:${minutes}`;
}

/** Whether a year, month (1 to 12) and day name a day of the calendar (not 30 February). */
export function isCalendarDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The calendar day a date was written on, `YYYY-MM-DD` (for a date-time, the day in its own offset). */
export function writtenDay(date: ContentDate): string {
  return date.iso.slice(0, 10);
}

/**
 * Compares two contract dates: instants by time, days by day; a day and an instant compare by the days they were
 * written on, so a same-day pair counts as equal.
 */
export function compareContentDates(a: ContentDate, b: ContentDate): number {
  if (!a.dateOnly && !b.dateOnly) return Math.sign(Date.parse(a.iso) - Date.parse(b.iso));
  const dayA = writtenDay(a);
  const dayB = writtenDay(b);
  return dayA < dayB ? -1 : dayA > dayB ? 1 : 0;
}
