import { describe, expect, it } from 'vitest';
import { indexingHints } from '@/lib/indexing';

describe('indexingHints', () => {
  const url = 'https://www.athensnews.gr/a/';

  it('keeps copies out of search results by default', () => {
    expect(indexingHints({ source: { indexing: 'noindex' }, sourceUrl: url })).toEqual({
      robots: 'noindex',
      canonical: undefined,
    });
  });

  it('points at the original under the canonical policy', () => {
    expect(indexingHints({ source: { indexing: 'canonical' }, sourceUrl: url })).toEqual({
      robots: undefined,
      canonical: url,
    });
  });

  it('falls back to noindex under the canonical policy when the original address is unknown', () => {
    expect(indexingHints({ source: { indexing: 'canonical' }, sourceUrl: undefined })).toEqual({
      robots: 'noindex',
      canonical: undefined,
    });
  });

  it('says nothing under the index policy', () => {
    expect(indexingHints({ source: { indexing: 'index' }, sourceUrl: url })).toEqual({
      robots: undefined,
      canonical: undefined,
    });
  });
});
