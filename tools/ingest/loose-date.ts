import { type ContentDate, parseContentDate } from '../../src/lib/content-date';

const MONTHS: Readonly<Record<string, number>> = Object.fromEntries(
  [
    ['january jan', 1],
    ['february feb', 2],
    ['march mar', 3],
    ['april apr', 4],
    ['may', 5],
    ['june jun', 6],
    ['july jul', 7],
    ['august aug', 8],
    ['september sep sept', 9],
    ['october oct', 10],
    ['november nov', 11],
    ['december dec', 12],
    // Greek, nominative and genitive (the form used in dates), with and without accents.
    ['ιανουάριος ιανουαρίου ιανουαριος ιανουαριου ιαν', 1],
    ['φεβρουάριος φεβρουαρίου φεβρουαριος φεβρουαριου φεβ', 2],
    ['μάρτιος μαρτίου μαρτιος μαρτιου μαρ', 3],
    ['απρίλιος απριλίου απριλιος απριλιου απρ', 4],
    ['μάιος μαΐου μαιος μαιου μαϊου', 5],
    ['ιούνιος ιουνίου ιουνιος ιουνιου ιουν', 6],
    ['ιούλιος ιουλίου ιουλιος ιουλιου ιουλ', 7],
    ['αύγουστος αυγούστου αυγουστος αυγουστου αυγ', 8],
    ['σεπτέμβριος σεπτεμβρίου σεπτεμβριος σεπτεμβριου σεπ', 9],
    ['οκτώβριος οκτωβρίου οκτωβριος οκτωβριου οκτ', 10],
    ['νοέμβριος νοεμβρίου νοεμβριος νοεμβριου νοε', 11],
    ['δεκέμβριος δεκεμβρίου δεκεμβριος δεκεμβριου δεκ', 12],
  ].flatMap(([names, month]) =>
    String(names)
      .split(' ')
      .map((name) => [name, Number(month)] as const),
  ),
);

const MONTH = '([A-Za-z\\u0370-\\u03FF\\u1F00-\\u1FFF]+)\\.?';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = '(\\d{4})';
const WEEKDAY = '(?:[A-Za-z\\u0370-\\u03FF\\u1F00-\\u1FFF]+,?\\s+)?';
const PREFIX = '(?:(?:published|posted|updated|date)(?:\\s+on)?:?\\s+)?';
const TIME = '(?:,?\\s+(?:at\\s+)?\\d{1,2}:\\d{2}(?::\\d{2})?(?:\\s*[ap]\\.?m\\.?)?(?:\\s+[A-Z]{2,5})?)?';

const MONTH_FIRST = new RegExp(`^${PREFIX}${WEEKDAY}${MONTH}\\s+${DAY},?\\s+${YEAR}${TIME}$`, 'iu');
const DAY_FIRST = new RegExp(`^${PREFIX}${WEEKDAY}${DAY}\\s+${MONTH},?\\s+${YEAR}${TIME}$`, 'iu');
const DOTTED = new RegExp(`^${PREFIX}(\\d{1,2})\\.(\\d{1,2})\\.${YEAR}${TIME}$`, 'iu');
const ISO_DAY_WITHOUT_OFFSET = /^(\d{4}-\d{2}-\d{2})[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/;

function day(year: string, month: number | undefined, date: string): ContentDate | undefined {
  if (!month) return undefined;
  const parsed = parseContentDate(`${year}-${String(month).padStart(2, '0')}-${date.padStart(2, '0')}`);
  return typeof parsed === 'string' ? undefined : parsed;
}

/**
 * Reads a machine date from page metadata: an ISO 8601 date-time with an offset keeps its time; one without an offset
 * keeps only its calendar day (its time zone is unknown); anything else is read as a written date.
 */
export function parseMetadataDate(value: string): ContentDate | undefined {
  const text = value.trim();
  const exact = parseContentDate(text);
  // CMSs write "06:00:00.000Z"; a fraction of zeros says nothing.
  if (typeof exact !== 'string') return { ...exact, iso: exact.iso.replace(/\.0+(?=[+-])/, '') };
  const withoutOffset = ISO_DAY_WITHOUT_OFFSET.exec(text);
  if (withoutOffset?.[1]) {
    const parsed = parseContentDate(withoutOffset[1]);
    return typeof parsed === 'string' ? undefined : parsed;
  }
  return parseWrittenDate(text);
}

/**
 * Reads a date line as people write it (`April 19, 2024`, `Friday, 19 April 2024`, `19 Απριλίου 2024`, `19.04.2024`,
 * with an optional "Published on" and time) as a calendar day; the whole text must be the date.
 */
export function parseWrittenDate(value: string): ContentDate | undefined {
  const text = value.trim().replace(/\s+/g, ' ');
  const iso = parseContentDate(text);
  if (typeof iso !== 'string') return iso;
  const monthFirst = MONTH_FIRST.exec(text);
  if (monthFirst) {
    const [, month = '', date = '', year = ''] = monthFirst;
    const found = day(year, MONTHS[month.toLowerCase()], date);
    if (found) return found;
  }
  const dayFirst = DAY_FIRST.exec(text);
  if (dayFirst) {
    const [, date = '', month = '', year = ''] = dayFirst;
    const found = day(year, MONTHS[month.toLowerCase()], date);
    if (found) return found;
  }
  const dotted = DOTTED.exec(text);
  if (dotted) {
    const [, date = '', month = '', year = ''] = dotted;
    return day(year, Number(month), date);
  }
  return undefined;
}
