// Feed dates come in two families: RFC 822 (RSS pubDate, with zone names, two-digit years and missing seconds) and
// RFC 3339 / ISO 8601 (Atom, JSON Feed, dc:date). Both become a ContentDate that keeps the offset the feed wrote.
import type { ContentDate } from '../../../src/lib/content-date';
import { parseContentDate } from '../../../src/lib/content-date';
import { parseMetadataDate } from '../loose-date';

const MONTHS: Readonly<Record<string, string>> = {
  jan: '01',
  feb: '02',
  mar: '03',
  apr: '04',
  may: '05',
  jun: '06',
  jul: '07',
  aug: '08',
  sep: '09',
  oct: '10',
  nov: '11',
  dec: '12',
};

// RFC 822's zone names plus the ones European and North American feeds write in practice. Military letters and
// "-0000" mean "local time, zone unknown" (RFC 2822 §4.3), so they are left out and the date keeps only its day.
const ZONES: Readonly<Record<string, string>> = {
  UT: '+00:00',
  UTC: '+00:00',
  GMT: '+00:00',
  Z: '+00:00',
  WET: '+00:00',
  BST: '+01:00',
  WEST: '+01:00',
  CET: '+01:00',
  CEST: '+02:00',
  EET: '+02:00',
  EEST: '+03:00',
  MSK: '+03:00',
  EST: '-05:00',
  EDT: '-04:00',
  CST: '-06:00',
  CDT: '-05:00',
  MST: '-07:00',
  MDT: '-06:00',
  PST: '-08:00',
  PDT: '-07:00',
};

const RFC_822 =
  /^(?:[A-Za-z]{2,9}\.?,?\s*)?(\d{1,2})[\s-]+([A-Za-z]{3,9})\.?[\s-]+(\d{2}|\d{4})(?:(?:\s+|,\s*|T)(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(?:([+-]\d{2}:?\d{2})|([A-Za-z]{1,5}))?(?:\s*\([^)]*\))?)?$/;

function offsetOf(numeric: string | undefined, name: string | undefined): string | undefined {
  if (numeric) {
    const digits = numeric.replace(':', '');
    if (digits === '-0000') return undefined;
    return `${digits.slice(0, 3)}:${digits.slice(3)}`;
  }
  return name ? ZONES[name.toUpperCase()] : undefined;
}

function rfc822(text: string): ContentDate | undefined {
  const match = RFC_822.exec(text);
  if (!match) return undefined;
  const [, day = '', monthName = '', yearText = '', hours, minutes, seconds = '00', numeric, name] = match;
  const month = MONTHS[monthName.slice(0, 3).toLowerCase()];
  if (!month) return undefined;
  // RFC 822 wrote two-digit years; RFC 2822 reads 00-49 as 20xx and 50-99 as 19xx.
  const year = yearText.length === 4 ? yearText : `${Number(yearText) < 50 ? '20' : '19'}${yearText}`;
  const date = `${year}-${month}-${day.padStart(2, '0')}`;
  const offset = hours === undefined ? undefined : offsetOf(numeric, name);
  const text822 =
    hours !== undefined && offset ? `${date}T${hours.padStart(2, '0')}:${minutes}:${seconds}${offset}` : date;
  const parsed = parseContentDate(text822);
  if (typeof parsed !== 'string') return parsed;
  // A time of day that does not exist (25:00) or an offset past ±14:00 still leaves a readable day.
  const dayOnly = parseContentDate(date);
  return typeof dayOnly === 'string' ? undefined : dayOnly;
}

/**
 * Reads a feed date: RFC 822 (`Fri, 19 Apr 2024 09:30:00 +0300`, `19 Apr 24 09:30 GMT`) or ISO 8601 / RFC 3339.
 * A date-time with an offset keeps its time and offset; without one (or with an unknown zone) only its calendar day
 * is kept, because the instant it names is unknown. Anything unreadable is `undefined`.
 */
export function parseFeedDate(value: string | undefined): ContentDate | undefined {
  const text = value?.trim().replace(/\s+/g, ' ');
  if (!text) return undefined;
  return rfc822(text) ?? parseMetadataDate(text);
}
