import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { closeFastBuildReport, openFastBuildReport } from '@/integrations/fast-build/report';
import {
  closeSharedContentStore,
  expectCollection,
  openSharedContentStore,
  shareCollection,
} from '@/integrations/fast-build/shared-content-store';
import {
  astroStoreWriterModule,
  compareStoreSizesFirst,
  finishStoreWrites,
  saveStoresInWorker,
} from '@/integrations/fast-build/store-write';
import { parseFastBuildSwitch } from '@/integrations/fast-build/switch';
import { temporaryFolder } from '../support/build';

// The store piece makes Astro's own store writer compare sizes before it reads the old file back (store-write.ts).
// These tests drive Astro's FileWriter: what it writes must be what Astro would write, and a file that already holds
// the store must be left alone, as Astro leaves it (docs/fast-build.md#store).

interface RealWriter {
  write(collections: Map<string, Map<string, unknown>>): Promise<boolean>;
}

const astroWriter = astroStoreWriterModule() as { FileWriter: new (file: string) => RealWriter };

function store(titles: readonly string[]): Map<string, Map<string, unknown>> {
  return new Map([['articles', new Map(titles.map((title, index) => [`a-${index}`, { id: `a-${index}`, title }]))]]);
}

/**
 * A wrapped writer of a new store file, in a build whose content config has the `expected` collections and whose
 * loaders shared the `shared` ones, with saves allowed in a worker thread; and the build's report.
 */
function workerBuild(expected: readonly string[], shared: readonly string[]) {
  compareStoreSizesFirst(astroStoreWriterModule());
  const report = openFastBuildReport(parseFastBuildSwitch('1'));
  const file = join(temporaryFolder('store-write'), 'data-store.json');
  openSharedContentStore('a build');
  for (const name of expected) expectCollection(name);
  for (const name of shared) shareCollection(name, { entries: () => [] });
  saveStoresInWorker(true);
  return { report, file, writer: new astroWriter.FileWriter(file) };
}

describe("Astro's store writer, comparing sizes first", () => {
  afterEach(async () => {
    saveStoresInWorker(false);
    await finishStoreWrites();
    closeFastBuildReport();
    closeSharedContentStore();
  });

  it("wraps Astro's FileWriter, once", () => {
    expect(compareStoreSizesFirst(astroStoreWriterModule())).toBe(true);
    expect(compareStoreSizesFirst(astroStoreWriterModule())).toBe(true);
  });

  it("writes a store of another size without reading the old file, as Astro's serialiser writes it", async () => {
    compareStoreSizesFirst(astroStoreWriterModule());
    const report = openFastBuildReport(parseFastBuildSwitch('1'));
    const file = join(temporaryFolder('store-write'), 'data-store.json');
    const writer = new astroWriter.FileWriter(file);
    // No file yet: Astro's own write.
    expect(await writer.write(store(['One']))).toBe(true);
    expect(report.storeWritesUncompared).toBe(0);

    const longer = store(['One', 'Two, a longer headline']);
    expect(await writer.write(longer)).toBe(true);
    expect(report.storeWritesUncompared).toBe(1);
    const { serializeDataStore } = astroStoreWriterModule();
    expect(readFileSync(file, 'utf8')).toBe(serializeDataStore?.(longer));
  });

  it('leaves a file that holds the store already, and compares texts of the same size as Astro does', async () => {
    compareStoreSizesFirst(astroStoreWriterModule());
    const report = openFastBuildReport(parseFastBuildSwitch('1'));
    const file = join(temporaryFolder('store-write'), 'data-store.json');
    const writer = new astroWriter.FileWriter(file);
    await writer.write(store(['Same']));
    const before = statSync(file, { bigint: true }).mtimeNs;
    expect(await writer.write(store(['Same']))).toBe(false);
    expect(statSync(file, { bigint: true }).mtimeNs).toBe(before);

    // Same size, other text: read, compared, written.
    expect(await writer.write(store(['Sane']))).toBe(true);
    expect(readFileSync(file, 'utf8')).toContain('"Sane"');
    expect(report.storeWritesUncompared).toBe(0);
  });

  it('writes over a file changed by hand to another size', async () => {
    compareStoreSizesFirst(astroStoreWriterModule());
    const file = join(temporaryFolder('store-write'), 'data-store.json');
    const writer = new astroWriter.FileWriter(file);
    await writer.write(store(['Kept']));
    writeFileSync(file, 'damaged');
    expect(await writer.write(store(['Kept']))).toBe(true);
    expect(readFileSync(file, 'utf8')).toContain('"Kept"');
  });

  it('saves in a worker thread, when allowed and the pages take the store from memory, the text Astro would write', async () => {
    const { report, file, writer } = workerBuild(['articles', 'sources'], ['articles', 'sources']);
    // What a store holds: nested maps, dates, a value referenced twice, undefined, numbers devalue writes specially.
    const shared = { collection: 'sources', id: 'one' };
    const collections = new Map<string, Map<string, unknown>>([
      ['sources', new Map([['one', { id: 'one', data: { name: 'One' } }]])],
      [
        'articles',
        new Map([
          ['b', { id: 'b', data: { source: shared, via: [shared], date: new Date('2026-12-04T10:00:00Z') } }],
          ['a', { id: 'a', data: { title: 'Α, ع', missing: undefined, odd: [Number.NaN, -0, Infinity] } }],
        ]),
      ],
    ]);
    await writer.write(store(['First']));
    expect(await writer.write(collections)).toBe(true);
    expect(report.storeWritesInWorker).toBe(2);
    await finishStoreWrites();
    const { serializeDataStore } = astroStoreWriterModule();
    expect(readFileSync(file, 'utf8')).toBe(serializeDataStore?.(collections));
    // The first save found no file; the second, of another size, did not read it back.
    expect(report.storeWritesUncompared).toBe(1);
  });

  it('saves in the main thread when a collection is not shared, since the pages will read the file', async () => {
    const { report, file, writer } = workerBuild(['articles', 'sources'], ['articles']);
    await writer.write(store(['Read by the pages']));
    // Written before write() returned.
    expect(readFileSync(file, 'utf8')).toContain('"Read by the pages"');
    expect(report.storeWritesInWorker).toBe(0);
  });

  it('saves in the main thread what cannot be copied to a worker thread', async () => {
    const { report, file, writer } = workerBuild(['articles'], ['articles']);
    const withUrl = new Map([['articles', new Map([['a', { id: 'a', link: new URL('https://example.org/') }]])]]);
    await writer.write(withUrl);
    expect(readFileSync(file, 'utf8')).toContain('https://example.org/');
    expect(report.storeWritesInWorker).toBe(0);
  });

  it('leaves a module without what it needs alone', () => {
    class FileWriter {
      write() {}
    }
    expect(compareStoreSizesFirst({ FileWriter })).toBe(false);
    expect(compareStoreSizesFirst({ serializeDataStore: String, writeFileAtomic: async () => true })).toBe(false);
    expect(Object.getOwnPropertyNames(FileWriter.prototype)).toEqual(['constructor', 'write']);
  });
});
