import { describe, expect, it } from 'vitest';
import { parseMetadataDate, parseWrittenDate } from '../../tools/ingest/loose-date';

describe('parseWrittenDate', () => {
  it.each([
    ['April 19, 2024', '2024-04-19'],
    ['Apr. 19, 2024', '2024-04-19'],
    ['Friday, April 19, 2024', '2024-04-19'],
    ['19 April 2024', '2024-04-19'],
    ['Published on Tuesday, 5 November 2024', '2024-11-05'],
    ['October 8, 2024 2:21 PM UTC', '2024-10-08'],
    ['19 Απριλίου 2024', '2024-04-19'],
    ['25.03.2024', '2024-03-25'],
    ['2024-04-19', '2024-04-19'],
  ])('reads %s as %s', (text, iso) => {
    expect(parseWrittenDate(text)?.iso).toBe(iso);
  });

  it.each([
    'April 31, 2024',
    'Former NATO Secretary General',
    'Athens News',
    '19/04/2024',
    'In April 19, 2024 the summit met',
  ])('does not read %s as a date', (text) => {
    expect(parseWrittenDate(text)).toBeUndefined();
  });
});

describe('parseMetadataDate', () => {
  it('keeps a date-time with its offset, normalised', () => {
    expect(parseMetadataDate('2024-05-02T06:00:00.000Z')).toEqual({
      iso: '2024-05-02T06:00:00+00:00',
      dateOnly: false,
    });
    expect(parseMetadataDate('2024-03-25T10:15:00+0200')).toEqual({
      iso: '2024-03-25T10:15:00+02:00',
      dateOnly: false,
    });
  });

  it('keeps only the day of a date-time without an offset, since its time zone is unknown', () => {
    expect(parseMetadataDate('2024-03-25T10:15:00')).toEqual({ iso: '2024-03-25', dateOnly: true });
  });
});
