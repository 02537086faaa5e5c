import { createHash } from 'node:crypto';
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

  it('hashes exactly the JSON that JSON.stringify with the entry and Map replacer gives', () => {
    // The key used to be SHA-256 of JSON.stringify(shown, replacer); the walk that replaced it must write the same text
    // for every kind of value a page can show, so no difference between two pages can go unnoticed.
    const replacerKey = (shown: unknown): string => {
      const json = JSON.stringify(shown, (_key, value: unknown) => {
        if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
        const candidate = value as { collection?: unknown; id?: unknown; digest?: unknown };
        if (
          typeof candidate.collection === 'string' &&
          typeof candidate.id === 'string' &&
          typeof candidate.digest === 'string'
        ) {
          return `${candidate.collection}/${candidate.id}@${candidate.digest}`;
        }
        if (value instanceof Map) return [...value.entries()];
        return value;
      });
      return createHash('sha256')
        .update(json ?? 'undefined')
        .digest('base64url');
    };
    const article = {
      id: '2024/04/a',
      title: 'Quotes " and \\ back\nslash, \u2028 line, \ud800 lone, Ελληνικά, العربية',
      date: { iso: '2024-04-19T09:30:00+03:00', dateOnly: false },
      published: new Date(Date.UTC(2024, 3, 19, 6, 30)),
      tags: [{ slug: 'nato', label: 'NATO' }],
      image: undefined,
      story: null,
      count: 3,
      ratio: 0.1 + 0.2,
      nothing: Number.NaN,
      infinite: Number.POSITIVE_INFINITY,
      negativeZero: -0,
      big: 1e21,
      draft: false,
      'key "quoted"\n': true,
      call: () => 1,
      [Symbol('hidden')]: 'not shown',
    };
    const samples: unknown[] = [
      undefined,
      null,
      0,
      'text',
      true,
      [],
      {},
      [undefined, () => 1, Symbol('s'), null, Number.NaN],
      { article, list: [article, article], entry: entry('d1', 'Body') },
      {
        counts: new Map<unknown, unknown>([
          ['nato', 2],
          [{ nested: new Map([[1, entry('d2', 'x')]]) }, [undefined]],
        ]),
      },
      { set: new Set([1, 2]), boxed: [new Number(4), new String('s'), new Boolean(false)] },
      { custom: { toJSON: (key: string) => ({ key, entry: entry('d3', 'y') }) } },
      { sparse: new Array<number>(3).fill(1, 0, 1) },
    ];
    for (const shown of samples) expect(pageCacheKey(shown)).toBe(replacerKey(shown));
  });

  it('keys a deeply frozen value by its content, and never remembers one that can still change', () => {
    const deepFreeze = <T>(value: T): T => {
      if (value !== null && typeof value === 'object') {
        for (const member of Object.values(value)) deepFreeze(member);
        Object.freeze(value);
      }
      return value;
    };
    const article = (title: string) => ({
      id: '2024/04/a',
      title,
      summary: 'A summary long enough that the frozen article is written as a hash of its JSON.',
      tags: [{ slug: 'nato', label: 'NATO' }],
    });
    // The same content in two frozen objects, met in either order, gives one key; any changed letter another.
    const first = deepFreeze(article('Talks resume'));
    const page = (items: unknown[]) => pageCacheKey({ page: { number: 1, items } });
    expect(page([first])).toBe(page([deepFreeze(article('Talks resume'))]));
    expect(page([first])).toBe(page([first]));
    expect(page([first])).not.toBe(page([deepFreeze(article('Talks resumed'))]));
    const retagged = deepFreeze({ ...article('Talks resume'), tags: [{ slug: 'nato', label: 'Nato' }] });
    expect(page([first])).not.toBe(page([retagged]));
    expect(page([first, first])).not.toBe(page([first]));

    // An unfrozen object, or a frozen one holding an unfrozen one, is written again on every call.
    const open = article('Talks resume');
    const before = page([open]);
    open.tags[0] = { slug: 'nato', label: 'Alliance' };
    expect(page([open])).not.toBe(before);
    const tag = { slug: 'nato', label: 'NATO' };
    const shell = Object.freeze({ ...article('Talks resume'), tags: Object.freeze([tag]) });
    const shellBefore = page([shell]);
    tag.label = 'Alliance';
    expect(page([shell])).not.toBe(shellBefore);
    const counts = new Map([['nato', 1]]);
    const withMap = Object.freeze({ counts });
    const mapBefore = pageCacheKey(withMap);
    counts.set('nato', 2);
    expect(pageCacheKey(withMap)).not.toBe(mapBefore);
  });
});
