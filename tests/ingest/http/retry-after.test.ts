// Retry-After, read within bounds.
import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_AFTER_MS, MAX_RETRY_AFTER_MS, retryAfterUntil } from '../../../tools/ingest/http/retry-after';

const NOW = new Date('2026-12-03T10:00:00Z');
const later = (ms: number) => new Date(NOW.getTime() + ms);

describe('retryAfterUntil', () => {
  it('reads delta-seconds', () => {
    expect(retryAfterUntil('120', NOW)).toEqual(later(120_000));
    expect(retryAfterUntil(' 0 ', NOW)).toEqual(NOW);
  });

  it('reads an HTTP date, and a past one as now', () => {
    expect(retryAfterUntil('Thu, 03 Dec 2026 12:30:00 GMT', NOW)).toEqual(new Date('2026-12-03T12:30:00Z'));
    expect(retryAfterUntil('Thu, 03 Dec 2026 09:00:00 GMT', NOW)).toEqual(NOW);
  });

  it('caps the wait at a week', () => {
    expect(retryAfterUntil(String(365 * 24 * 3600), NOW)).toEqual(later(MAX_RETRY_AFTER_MS));
    expect(retryAfterUntil('Fri, 01 Jan 2100 00:00:00 GMT', NOW)).toEqual(later(MAX_RETRY_AFTER_MS));
    expect(MAX_RETRY_AFTER_MS).toBe(7 * 24 * 60 * 60 * 1000);
  });

  it('backs off an hour when the header is absent or unreadable', () => {
    for (const value of [undefined, '', 'soon', '-5', '1.5', '2026-12-04']) {
      expect(retryAfterUntil(value, NOW)).toEqual(later(DEFAULT_RETRY_AFTER_MS));
    }
    expect(DEFAULT_RETRY_AFTER_MS).toBe(60 * 60 * 1000);
  });
});
