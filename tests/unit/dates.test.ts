import { describe, expect, it } from 'vitest';
import { type ContentDate, compareContentDates, parseContentDate } from '@/lib/content-date';
import { dateFnsLocale, datetimeAttribute, dayKey, formatArticleDate, formatDayHeading, toInstant } from '@/lib/dates';

function date(text: string): ContentDate {
  const parsed = parseContentDate(text);
  if (typeof parsed === 'string') throw new Error(parsed);
  return parsed;
}
const athens = { timeZone: 'Europe/Athens', locale: 'en-GB' };

describe('formatArticleDate', () => {
  it('shows a date-only value as the same day in every zone', () => {
    for (const timeZone of ['Pacific/Kiritimati', 'America/Los_Angeles', 'Pacific/Pago_Pago', 'UTC']) {
      expect(formatArticleDate(date('2024-04-19'), { timeZone, locale: 'en-GB' })).toBe('19 April 2024');
    }
  });
  it('shows a date-time in the site zone with its time and zone', () => {
    expect(formatArticleDate(date('2024-04-19T22:30:00Z'), athens)).toBe('20 April 2024, 01:30 GMT+3');
    expect(formatArticleDate(date('2024-04-19T22:30:00Z'), { timeZone: 'America/Los_Angeles', locale: 'en-US' })).toBe(
      'April 19th, 2024, 3:30 PM GMT-7',
    );
  });
  it('follows the locale', () => {
    expect(formatArticleDate(date('2024-04-19'), { timeZone: 'UTC', locale: 'el' })).toBe('19 Απριλίου 2024');
  });
});

describe('formatDayHeading', () => {
  it('names the weekday of a day key without shifting it', () => {
    expect(formatDayHeading('2024-04-19', athens)).toBe('Friday, 19 April 2024');
  });
});

describe('dayKey and toInstant', () => {
  it('puts a date-time on its day in the given zone', () => {
    expect(dayKey(date('2024-04-19T22:30:00Z'), 'Europe/Athens')).toBe('2024-04-20');
    expect(dayKey(date('2024-04-19T22:30:00Z'), 'America/Los_Angeles')).toBe('2024-04-19');
    expect(dayKey(date('2024-04-19'), 'Pacific/Kiritimati')).toBe('2024-04-19');
  });
  it('reads a date-only value as the start of that day in the zone', () => {
    expect(toInstant(date('2024-04-19'), 'Europe/Athens').toISOString()).toBe('2024-04-18T21:00:00.000Z');
    expect(toInstant(date('2024-04-19T09:30:00+03:00'), 'UTC').toISOString()).toBe('2024-04-19T06:30:00.000Z');
  });
  it('uses the ISO text as the datetime attribute', () => {
    expect(datetimeAttribute(date('2024-04-19'))).toBe('2024-04-19');
    expect(datetimeAttribute(date('2024-04-19T09:30:00+03:00'))).toBe('2024-04-19T09:30:00+03:00');
  });
});

describe('dateFnsLocale', () => {
  it('falls back from a region to the language, then to en-GB', () => {
    expect(dateFnsLocale('pt-BR').code).toBe('pt-BR');
    expect(dateFnsLocale('el-GR').code).toBe('el');
    expect(dateFnsLocale('tlh').code).toBe('en-GB');
  });
});

describe('compareContentDates', () => {
  it('compares instants by time and mixed values by day', () => {
    expect(compareContentDates(date('2024-04-19T10:00:00+03:00'), date('2024-04-19T08:00:00+00:00'))).toBe(-1);
    expect(compareContentDates(date('2024-04-19'), date('2024-04-19T23:00:00+03:00'))).toBe(0);
    expect(compareContentDates(date('2024-04-18'), date('2024-04-19'))).toBe(-1);
  });
});
