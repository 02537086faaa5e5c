import { describe, expect, it } from 'vitest';
import { parseFeedDate } from '../../../tools/ingest/feeds/dates';

const at = (iso: string) => ({ iso, dateOnly: false });
const day = (iso: string) => ({ iso, dateOnly: true });

describe('parseFeedDate', () => {
  it('reads RFC 822 with a numeric offset, keeping the time and offset', () => {
    expect(parseFeedDate('Fri, 19 Apr 2024 09:30:00 +0300')).toEqual(at('2024-04-19T09:30:00+03:00'));
    expect(parseFeedDate('Fri, 19 Apr 2024 09:30:00 -0430')).toEqual(at('2024-04-19T09:30:00-04:30'));
    expect(parseFeedDate('  Fri,  19 Apr 2024   09:30:00   +03:00 ')).toEqual(at('2024-04-19T09:30:00+03:00'));
  });

  it('reads zone names, and missing seconds', () => {
    expect(parseFeedDate('Fri, 19 Apr 2024 06:30:00 GMT')).toEqual(at('2024-04-19T06:30:00+00:00'));
    expect(parseFeedDate('Fri, 19 Apr 2024 06:30 UT')).toEqual(at('2024-04-19T06:30:00+00:00'));
    expect(parseFeedDate('Thu, 18 Apr 2024 23:30:00 EST')).toEqual(at('2024-04-18T23:30:00-05:00'));
    expect(parseFeedDate('Thu, 18 Apr 2024 23:30 PDT')).toEqual(at('2024-04-18T23:30:00-07:00'));
    expect(parseFeedDate('Fri, 19 Apr 2024 09:30:00 EEST')).toEqual(at('2024-04-19T09:30:00+03:00'));
  });

  it('reads days without weekday, single-digit days, full month names and two-digit years', () => {
    expect(parseFeedDate('9 Apr 2024 9:05:00 +0200')).toEqual(at('2024-04-09T09:05:00+02:00'));
    expect(parseFeedDate('Tuesday, 9 April 2024 09:05:00 +0200')).toEqual(at('2024-04-09T09:05:00+02:00'));
    expect(parseFeedDate('19 Apr 24 09:30:00 GMT')).toEqual(at('2024-04-19T09:30:00+00:00'));
  });

  it('keeps only the day when the zone is unknown, missing, or "-0000"', () => {
    expect(parseFeedDate('Fri, 19 Apr 2024 09:30:00')).toEqual(day('2024-04-19'));
    expect(parseFeedDate('Fri, 19 Apr 2024 09:30:00 XYZ')).toEqual(day('2024-04-19'));
    expect(parseFeedDate('Fri, 19 Apr 2024 09:30:00 -0000')).toEqual(day('2024-04-19'));
    expect(parseFeedDate('Fri, 19 Apr 2024')).toEqual(day('2024-04-19'));
  });

  it('reads RFC 3339 / ISO 8601, keeping an offset and dropping a time without one', () => {
    expect(parseFeedDate('2024-04-19T09:30:00+03:00')).toEqual(at('2024-04-19T09:30:00+03:00'));
    expect(parseFeedDate('2024-04-19T06:30:00Z')).toEqual(at('2024-04-19T06:30:00+00:00'));
    expect(parseFeedDate('2024-04-19T06:30:00.000Z')).toEqual(at('2024-04-19T06:30:00+00:00'));
    expect(parseFeedDate('2024-04-19T09:30:00+0300')).toEqual(at('2024-04-19T09:30:00+03:00'));
    expect(parseFeedDate('2024-04-19T09:30:00')).toEqual(day('2024-04-19'));
    expect(parseFeedDate('2024-04-19')).toEqual(day('2024-04-19'));
  });

  it('returns undefined for nothing, nonsense and days that do not exist', () => {
    expect(parseFeedDate(undefined)).toBeUndefined();
    expect(parseFeedDate('   ')).toBeUndefined();
    expect(parseFeedDate('sometime last week')).toBeUndefined();
    expect(parseFeedDate('Fri, 31 Feb 2024 09:30:00 +0300')).toBeUndefined();
    expect(parseFeedDate('2024-02-31T09:30:00Z')).toBeUndefined();
  });
});
