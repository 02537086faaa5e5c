import { TZDate, tz } from '@date-fns/tz';
import { format, type Locale } from 'date-fns';
import * as dateFnsLocales from 'date-fns/locale';
import type { ContentDate } from '@/lib/content-date';

// Every date the site shows goes through this module, always with an explicit IANA time zone: the build machine's
// zone never leaks into a page. Relative times ("3 hours ago") are never computed: they would be stale once deployed.

/** The date-fns patterns of each kind of date the site shows (an interface dictionary's `dates`). */
export interface DateFormats {
  /** A calendar day: `PPP` gives "19 April 2024". */
  readonly day: string;
  /** A day with its time and zone: `PPP, p zzz`. */
  readonly dayTime: string;
  /** A listing's day heading: `EEEE, PPP` gives "Friday, 19 April 2024". */
  readonly dayHeading: string;
  /** A month on its own: `LLLL yyyy` gives "April 2024". */
  readonly month: string;
}

/** The patterns used when a context gives none: English punctuation, which most languages share. */
export const DEFAULT_DATE_FORMATS: DateFormats = {
  day: 'PPP',
  dayTime: 'PPP, p zzz',
  dayHeading: 'EEEE, PPP',
  month: 'LLLL yyyy',
};

/** The time zone and locale a date is shown in (from `site.config.ts`). */
export interface DateContext {
  /** An IANA time zone such as `Europe/Athens`. */
  readonly timeZone: string;
  /** A BCP 47 locale such as `en-GB`. */
  readonly locale: string;
  /** The patterns, from the interface language (Arabic writes its own comma); DEFAULT_DATE_FORMATS when left out. */
  readonly formats?: DateFormats | undefined;
}

const localesByCode = new Map<string, Locale>(
  Object.values(dateFnsLocales as Record<string, Locale>).map((locale) => [locale.code ?? '', locale]),
);

/**
 * The date-fns locale for a BCP 47 tag, falling back from `pt-BR` to `pt`, then to `en-GB`; Unicode extensions
 * (`ar-u-nu-latn`) are not part of a date-fns code and are left out.
 */
export function dateFnsLocale(tag: string): Locale {
  const code = tag.split('-u-')[0] ?? tag;
  const exact = localesByCode.get(code);
  if (exact) return exact;
  const language = code.split('-')[0] ?? '';
  return localesByCode.get(language) ?? localesByCode.get('en-GB') ?? dateFnsLocales.enGB;
}

/** The moment a date stands for: a date-time as written; a calendar day at its start in the given zone. */
export function toInstant(date: ContentDate, timeZone: string): Date {
  if (!date.dateOnly) return new Date(date.iso);
  const [year, month, day] = date.iso.split('-').map(Number);
  return new Date(new TZDate(year ?? 1970, (month ?? 1) - 1, day ?? 1, timeZone).getTime());
}

// A build formats each article's date on its own page, on several listings, in "More from" boxes and in feeds, and
// zone-aware date-fns formats are slow enough to add up over a build (docs/performance.md#how-it-stays-fast). The
// results depend only on the text of the key, so they are kept; the limit only bounds a long `astro dev` session.
const FORMAT_CACHE_LIMIT = 200_000;
const formatted = new Map<string, string>();

function remembered(key: string, compute: () => string): string {
  let value = formatted.get(key);
  if (value === undefined) {
    if (formatted.size >= FORMAT_CACHE_LIMIT) formatted.clear();
    value = compute();
    formatted.set(key, value);
  }
  return value;
}

/** The calendar day (`YYYY-MM-DD`) a date falls on in the site's zone; a date-only value keeps its own day. */
export function dayKey(date: ContentDate, timeZone: string): string {
  if (date.dateOnly) return date.iso;
  return remembered(`day|${date.iso}|${timeZone}`, () =>
    format(new Date(date.iso), 'yyyy-MM-dd', { in: tz(timeZone) }),
  );
}

/** The value for `<time datetime>`: the ISO text, which keeps a date-only value a date and a date-time's offset. */
export function datetimeAttribute(date: ContentDate): string {
  return date.iso;
}

/** A date for reading, such as "19 April 2024", with the time ("19 April 2024, 09:30 EEST") when one was given. */
export function formatArticleDate(date: ContentDate, context: DateContext): string {
  const formats = context.formats ?? DEFAULT_DATE_FORMATS;
  const pattern = date.dateOnly ? formats.day : formats.dayTime;
  return remembered(`article|${date.iso}|${date.dateOnly}|${context.timeZone}|${context.locale}|${pattern}`, () => {
    const locale = dateFnsLocale(context.locale);
    if (date.dateOnly) return formatDayKey(date.iso, pattern, locale);
    return format(new Date(date.iso), pattern, { in: tz(context.timeZone), locale });
  });
}

/**
 * A day heading for a listing, such as "Friday, 19 April 2024" (in Greek "Παρασκευή, 19 Απριλίου 2024", the month in
 * the genitive as a date needs), from a `YYYY-MM-DD` day key.
 */
export function formatDayHeading(day: string, context: DateContext): string {
  const pattern = (context.formats ?? DEFAULT_DATE_FORMATS).dayHeading;
  return remembered(`heading|${day}|${context.locale}|${pattern}`, () =>
    formatDayKey(day, pattern, dateFnsLocale(context.locale)),
  );
}

function formatDayKey(day: string, pattern: string, locale: Locale): string {
  const [year, month, date] = day.split('-').map(Number);
  // Noon UTC of that day is the same calendar day in every zone from UTC-12 to UTC+14, and formatting in UTC
  // keeps the machine's zone out of it.
  return format(new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, date ?? 1, 12)), pattern, { in: tz('UTC'), locale });
}

/**
 * An RFC 3339 date-time with its offset, for feeds, Open Graph and JSON-LD: a date-time as written (`Z` shown as
 * `+00:00`); a calendar day as the start of that day in `timeZone`, with that zone's offset then.
 */
export function isoDateTime(date: ContentDate, timeZone: string): string {
  if (!date.dateOnly) return date.iso;
  return format(toInstant(date, timeZone), "yyyy-MM-dd'T'HH:mm:ssxxx", { in: tz(timeZone) });
}
