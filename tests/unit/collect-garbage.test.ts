import { describe, expect, it } from 'vitest';
import { collectGarbage, useRebuildCollections } from '@/integrations/fast-build/collect-garbage';

/** Makes 300,000 objects, drops them, collects, and returns the heap bytes the collection freed. */
function freedByCollection(): number {
  let junk: { index: number; text: string }[] | undefined = Array.from({ length: 300_000 }, (_, index) => ({
    index,
    text: `garbage number ${index}`,
  }));
  expect(junk).toHaveLength(300_000);
  junk = undefined;
  const before = process.memoryUsage().heapUsed;
  expect(collectGarbage()).toBe(true);
  return before - process.memoryUsage().heapUsed;
}

describe('collectGarbage', () => {
  it('frees what is no longer referenced, in a process started without --expose-gc', () => {
    expect(process.execArgv).not.toContain('--expose-gc');
    // 300,000 objects with their strings take well over 10 MB.
    expect(freedByCollection()).toBeGreaterThan(10 * 2 ** 20);
  });

  it('gives the freed memory back to the system (with a plain full collection, the process stays near its peak)', () => {
    const mib = () => process.memoryUsage().rss / 2 ** 20;
    collectGarbage();
    const start = mib();
    let junk: { index: number; text: string }[] | undefined = Array.from({ length: 2_000_000 }, (_, index) => ({
      index,
      text: `garbage number ${index}`,
    }));
    const grown = mib() - start;
    // Two million small objects with their strings: well over 100 MiB resident.
    expect(grown).toBeGreaterThan(100);
    expect(junk[1_999_999]?.index).toBe(1_999_999);
    junk = undefined;
    expect(collectGarbage()).toBe(true);
    // V8 keeps the pages a plain collection empties (the process stays near its peak); this must hand most back.
    expect(mib() - start).toBeLessThan(grown / 2);
  });

  it('in a rebuild, runs a plain full collection that still frees what is no longer referenced', () => {
    useRebuildCollections(true);
    try {
      expect(freedByCollection()).toBeGreaterThan(10 * 2 ** 20);
    } finally {
      useRebuildCollections(false);
    }
  });

  it('can be called again', () => {
    expect(collectGarbage()).toBe(true);
    expect(collectGarbage()).toBe(true);
  });
});
