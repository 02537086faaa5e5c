import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { closeFastBuildReport, openFastBuildReport } from '@/integrations/fast-build/report';
import {
  astroMutableDataStore,
  holdSavesOf,
  holdStoreSaves,
  releaseHeldSaves,
} from '@/integrations/fast-build/store-save';
import { parseFastBuildSwitch } from '@/integrations/fast-build/switch';
import { temporaryFolder } from '../support/build';

// The store piece holds Astro's content-store saves until the end of the sync (store-save.ts). These tests drive
// Astro's own MutableDataStore: its debounced save must go through writeToDisk, and waitUntilSaveComplete must end a
// sync, or holding would lose a save or hold nothing (docs/fast-build.md#the-store-save).

interface RealStore {
  set(collection: string, key: string, value: unknown): void;
  waitUntilSaveComplete(): Promise<void>;
}

async function storeIn(file: string): Promise<RealStore> {
  const storeClass = astroMutableDataStore() as unknown as { fromFile(path: string): Promise<RealStore> };
  return storeClass.fromFile(file);
}

// Astro's debounce is 500 ms; a save it starts has begun well within this.
const PAST_THE_DEBOUNCE_MS = 900;

describe('holding content-store saves until the sync ends', () => {
  afterEach(async () => {
    await releaseHeldSaves();
    closeFastBuildReport();
  });

  it("wraps Astro's MutableDataStore, whose debounced save is held and written once by waitUntilSaveComplete", async () => {
    const storeClass = astroMutableDataStore();
    expect(storeClass).toBeDefined();
    expect(holdSavesOf(storeClass as { prototype: object })).toBe(true);
    const report = openFastBuildReport(parseFastBuildSwitch('1'));
    const file = join(temporaryFolder('store-save'), 'data-store.json');
    const store = await storeIn(file);

    holdStoreSaves();
    store.set('articles', 'first', { id: 'first', data: { title: 'One' } });
    await sleep(PAST_THE_DEBOUNCE_MS);
    store.set('articles', 'second', { id: 'second', data: { title: 'Two' } });
    await sleep(PAST_THE_DEBOUNCE_MS);
    // Astro's debounce fired twice; both saves were held, so nothing was written yet.
    expect(existsSync(file)).toBe(false);
    expect(report.storeSavesHeld).toBe(2);

    await store.waitUntilSaveComplete();
    const written = readFileSync(file, 'utf8');
    expect(written).toContain('"first"');
    expect(written).toContain('"second"');
  });

  it('saves as Astro does when not holding', async () => {
    holdSavesOf(astroMutableDataStore() as { prototype: object });
    const file = join(temporaryFolder('store-save'), 'data-store.json');
    const store = await storeIn(file);
    store.set('articles', 'only', { id: 'only', data: { title: 'Only' } });
    await sleep(PAST_THE_DEBOUNCE_MS);
    expect(readFileSync(file, 'utf8')).toContain('"only"');
  });

  it('releasing held saves writes each held store', async () => {
    holdSavesOf(astroMutableDataStore() as { prototype: object });
    const folder = temporaryFolder('store-save');
    const [one, two] = [await storeIn(join(folder, 'one.json')), await storeIn(join(folder, 'two.json'))];
    holdStoreSaves();
    one?.set('articles', 'a', { id: 'a', data: {} });
    two?.set('articles', 'b', { id: 'b', data: {} });
    await sleep(PAST_THE_DEBOUNCE_MS);
    expect(existsSync(join(folder, 'one.json')) || existsSync(join(folder, 'two.json'))).toBe(false);
    await releaseHeldSaves();
    expect(readFileSync(join(folder, 'one.json'), 'utf8')).toContain('"a"');
    expect(readFileSync(join(folder, 'two.json'), 'utf8')).toContain('"b"');
  });

  it('leaves a class without the two methods alone', () => {
    class Other {
      save() {}
    }
    expect(holdSavesOf(Other)).toBe(false);
    expect(Object.getOwnPropertyNames(Other.prototype)).toEqual(['constructor', 'save']);
  });
});
