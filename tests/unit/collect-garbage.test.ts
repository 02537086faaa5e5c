import { describe, expect, it } from 'vitest';
import { collectGarbage } from '@/lib/build/collect-garbage';

describe('collectGarbage', () => {
  it('frees what is no longer referenced, in a process started without --expose-gc', () => {
    expect(process.execArgv).not.toContain('--expose-gc');
    let junk: { index: number; text: string }[] | undefined = Array.from({ length: 300_000 }, (_, index) => ({
      index,
      text: `garbage number ${index}`,
    }));
    expect(junk).toHaveLength(300_000);
    junk = undefined;
    const before = process.memoryUsage().heapUsed;
    expect(collectGarbage()).toBe(true);
    const freed = before - process.memoryUsage().heapUsed;
    // 300,000 objects with their strings take well over 10 MB.
    expect(freed).toBeGreaterThan(10 * 2 ** 20);
    expect(junk).toBeUndefined();
  });

  it('can be called again', () => {
    expect(collectGarbage()).toBe(true);
    expect(collectGarbage()).toBe(true);
  });
});
