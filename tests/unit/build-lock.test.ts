import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { temporaryFolder } from '../support/build';
import { withBuildLock } from '../support/build-lock';

describe('the build lock of the test helpers', () => {
  it('lets one holder in at a time, in turn', async () => {
    const lock = join(temporaryFolder('lock'), 'build.lock');
    const events: string[] = [];
    const hold = (name: string) =>
      withBuildLock(lock, async () => {
        events.push(`${name} in`);
        await sleep(50);
        events.push(`${name} out`);
        return name;
      });
    const results = await Promise.all([hold('a'), hold('b'), hold('c')]);
    expect(results).toEqual(['a', 'b', 'c']);
    expect(events).toHaveLength(6);
    for (let at = 0; at < events.length; at += 2) {
      expect(events[at]?.replace(' in', '')).toBe(events[at + 1]?.replace(' out', ''));
    }
  });

  it('takes over a lock left by a process that has died, and releases it when the work throws', async () => {
    const lock = join(temporaryFolder('lock'), 'build.lock');
    mkdirSync(lock);
    // Process ids are below 2^22 on Linux, so this one is never running.
    writeFileSync(join(lock, 'pid'), String(2 ** 30));
    await expect(
      withBuildLock(lock, async () => {
        throw new Error('the build failed');
      }),
    ).rejects.toThrow('the build failed');
    await expect(withBuildLock(lock, async () => 'free again')).resolves.toBe('free again');
  });
});
