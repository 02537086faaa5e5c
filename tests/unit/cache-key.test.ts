import { describe, expect, it } from 'vitest';
import { pageCacheKey } from '@/lib/cache-key';

const entry = (digest: string, body = 'Body') => ({
  collection: 'articles',
  id: 'a',
  digest,
  body,
  data: { title: 'T' },
  rendered: { html: `<p>${body}</p>` },
});

describe('pageCacheKey', () => {
  it('is the same for equal data built the same way, and a short URL-safe string', () => {
    expect(pageCacheKey({ a: 1, b: { c: [1, 2], d: 'x' } })).toBe(pageCacheKey({ a: 1, b: { c: [1, 2], d: 'x' } }));
    expect(pageCacheKey({ a: 1 })).toMatch(/^[\w-]{43}$/);
  });
  it('changes when any shown value changes, including order in a list and nested values', () => {
    const base = pageCacheKey({ page: 2, items: ['x', 'y'], source: { name: 'Athens News' } });
    expect(pageCacheKey({ page: 3, items: ['x', 'y'], source: { name: 'Athens News' } })).not.toBe(base);
    expect(pageCacheKey({ page: 2, items: ['y', 'x'], source: { name: 'Athens News' } })).not.toBe(base);
    expect(pageCacheKey({ page: 2, items: ['x', 'y'], source: { name: 'Athens news' } })).not.toBe(base);
  });
  it('counts a collection entry by its digest, not by the body it carries', () => {
    // Astro's digest changes with any byte of the file; the key follows it and never serialises the body.
    expect(pageCacheKey({ article: { entry: entry('d1', 'Old') } })).toBe(
      pageCacheKey({ article: { entry: entry('d1', 'New') } }),
    );
    expect(pageCacheKey({ article: { entry: entry('d1') } })).not.toBe(
      pageCacheKey({ article: { entry: entry('d2') } }),
    );
  });
  it('tells apart undefined, null and missing values where JSON would not lose them', () => {
    expect(pageCacheKey({ newer: null })).not.toBe(pageCacheKey({ newer: 'x' }));
    expect(pageCacheKey(undefined)).toBe(pageCacheKey(undefined));
  });
});
