import { describe, expect, it } from 'vitest';
import { pageCacheKey } from '@/lib/cache-key';

// A page's cache key must change whenever what the page shows changes, and stay the same when it does not, or Astro
// copies a stale page from the last build (or renders every page again). Each pair below is built independently:
// nothing is compared with itself.

/** A collection entry as Astro hands it to a page: the digest stands for the whole file. */
const entry = (digest: string, body: string) => ({
  collection: 'articles',
  id: '2024/04/a',
  digest,
  body,
  data: { title: `Title of ${body}` },
  rendered: { html: `<p>${body}</p>` },
});

describe('pageCacheKey', () => {
  it('is a 43-character URL-safe string (a SHA-256 in base64url)', () => {
    expect(pageCacheKey({ page: 1 })).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(pageCacheKey(undefined)).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('is the same for the same shown data, however the objects were made', () => {
    const literal = { page: 2, items: ['x', 'y'], source: { name: 'Athens News' } };
    const parsed = JSON.parse('{"page":2,"items":["x","y"],"source":{"name":"Athens News"}}');
    const assembled: Record<string, unknown> = {};
    assembled['page'] = 1 + 1;
    assembled['items'] = 'x y'.split(' ');
    assembled['source'] = Object.fromEntries([['name', ['Athens', 'News'].join(' ')]]);
    expect(pageCacheKey(parsed)).toBe(pageCacheKey(literal));
    expect(pageCacheKey(assembled)).toBe(pageCacheKey(literal));
  });

  it('changes when any shown value changes: a number, the order of a list, a nested letter, a type', () => {
    const keys = [
      { page: 2, items: ['x', 'y'], source: { name: 'Athens News' } },
      { page: 3, items: ['x', 'y'], source: { name: 'Athens News' } },
      { page: 2, items: ['y', 'x'], source: { name: 'Athens News' } },
      { page: 2, items: ['x', 'y'], source: { name: 'Athens news' } },
      { page: '2', items: ['x', 'y'], source: { name: 'Athens News' } },
      { page: 2, items: ['x', 'y', 'z'], source: { name: 'Athens News' } },
    ].map((shown) => pageCacheKey(shown));
    expect(new Set(keys).size).toBe(6);
  });

  it('counts a collection entry by its collection, id and digest, not by the body or data it carries', () => {
    // Astro's digest changes with any byte of the file, so the same digest means the same file.
    expect(pageCacheKey({ article: entry('d1', 'Old words') })).toBe(pageCacheKey({ article: entry('d1', 'New') }));
    expect(pageCacheKey({ article: entry('d1', 'Same') })).not.toBe(pageCacheKey({ article: entry('d2', 'Same') }));
    expect(pageCacheKey({ article: { ...entry('d1', 'Same'), id: '2024/04/b' } })).not.toBe(
      pageCacheKey({ article: entry('d1', 'Same') }),
    );
    expect(pageCacheKey({ article: { ...entry('d1', 'Same'), collection: 'sources' } })).not.toBe(
      pageCacheKey({ article: entry('d1', 'Same') }),
    );
  });

  it('reads a Map by its entries (JSON alone would write every Map as {})', () => {
    expect(pageCacheKey({ counts: new Map([['nato', 2]]) })).not.toBe(pageCacheKey({ counts: new Map([['nato', 3]]) }));
    expect(pageCacheKey({ counts: new Map([['nato', 2]]) })).not.toBe(pageCacheKey({ counts: new Map() }));
    expect(pageCacheKey({ counts: new Map([['nato', 2]]) })).toBe(
      pageCacheKey({ counts: new Map(Object.entries({ nato: 2 })) }),
    );
  });

  it('tells null from a value and from nothing, and a missing field from an undefined one not at all', () => {
    expect(pageCacheKey({ newer: null })).not.toBe(pageCacheKey({ newer: 'x' }));
    expect(pageCacheKey({ newer: null })).not.toBe(pageCacheKey({}));
    expect(pageCacheKey(null)).not.toBe(pageCacheKey(undefined));
    // A page shows nothing for an undefined field, as for a missing one.
    expect(pageCacheKey({ newer: undefined })).toBe(pageCacheKey({}));
  });
});
