import { statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { fastBuildCollections } from '@/integrations/fast-build/content-config';
import { closeFastBuildReport, fastBuildReport, openFastBuildReport } from '@/integrations/fast-build/report';
import {
  closeSharedContentStore,
  type EntrySource,
  openSharedContentStore,
  sharedContentStore,
} from '@/integrations/fast-build/shared-content-store';
import { contentStoreModule } from '@/integrations/fast-build/store-module-code';
import { parseFastBuildSwitch } from '@/integrations/fast-build/switch';
import { temporaryFolder } from '../support/build';

/** Every piece on, as a build with the layer on has them. */
const ALL = parseFastBuildSwitch('1');

/** The loaders wrapped as src/content.config.ts wraps them with every piece on. */
function shareLoadedCollections<T extends Record<string, object>>(collections: T): T {
  return fastBuildCollections(collections, ALL);
}

let modules = 0;
async function runModule(code: string, dir: string): Promise<unknown> {
  // A new file each time: an imported module is evaluated once per URL.
  modules += 1;
  const file = join(dir, `store-${modules}.mjs`);
  writeFileSync(file, code);
  return ((await import(pathToFileURL(file).href)) as { default: unknown }).default;
}

/** A loader as the content layer calls it, recording the entries it puts into the store it is given. */
function fakeLoader(name: string, entries: [string, unknown][]) {
  return {
    name,
    schema: 'kept',
    load: async (context: { collection: string; store: EntrySource }) => {
      (context.store as unknown as { put: (e: [string, unknown][]) => void }).put(entries);
    },
  };
}

/** The scoped store the content layer hands a loader: entries go in with put() and come out with entries(). */
function fakeStore(): EntrySource & { put: (e: [string, unknown][]) => void } {
  const map = new Map<string, unknown>();
  return {
    put: (e: [string, unknown][]) => {
      for (const [id, entry] of e) map.set(id, entry);
    },
    entries: () => [...map.entries()],
  };
}

describe('contentStoreModule', () => {
  const dir = temporaryFolder('store-module');
  const store = join(dir, 'data-store.json');
  const value = [{ articles: 1 }, 'Curly “quotes”, it’s 😀 and \\ "plain"'];
  const stampOf = () => ({ path: store, ...statSync(store) });
  afterEach(() => {
    closeSharedContentStore();
    closeFastBuildReport();
  });

  it('exports the parsed store file, as Astro’s own module would, when no loader shared its entries', async () => {
    writeFileSync(store, JSON.stringify(value));
    openFastBuildReport(ALL);
    expect(await runModule(contentStoreModule(stampOf(), 'build-1'), dir)).toEqual(value);
    // The fallback is recorded, so the build can warn about it and the canary test can fail on it.
    expect(fastBuildReport()?.storeServedFrom).toBe('file');
  });

  it('fails, naming the file, when the store changed after the module was made', async () => {
    writeFileSync(store, JSON.stringify(value));
    const stamp = stampOf();
    const code = contentStoreModule(stamp, 'build-1');
    writeFileSync(store, JSON.stringify([...value, 'one more entry']));
    utimesSync(store, new Date(), new Date(stamp.mtimeMs + 5000));
    openFastBuildReport(ALL);
    await expect(runModule(code, dir)).rejects.toThrow(`${store} changed while the site was being built`);
    // Astro swallows the module's error (the pages would get an empty store); the report keeps it for the build.
    expect(fastBuildReport()?.storeError).toContain(`${store} changed while the site was being built`);
  });

  it('exports the very entry objects the loaders of its build shared, without reading the file', async () => {
    writeFileSync(store, JSON.stringify(value));
    const article = { id: 'a', data: { title: 'Shared' } };
    openSharedContentStore('build-2');
    openFastBuildReport(ALL);
    const collections = shareLoadedCollections({
      articles: { loader: fakeLoader('articles-loader', [['a', article]]) },
      sources: { loader: fakeLoader('sources-loader', [['s', { id: 's' }]]) },
    });
    for (const [name, { loader }] of Object.entries(collections)) {
      await loader.load({ collection: name, store: fakeStore() });
    }
    const exported = (await runModule(contentStoreModule(stampOf(), 'build-2'), dir)) as Map<
      string,
      Map<string, unknown>
    >;
    expect(exported).toBeInstanceOf(Map);
    expect([...exported.keys()]).toEqual(['articles', 'sources']);
    expect(exported.get('articles')?.get('a')).toBe(article);
    expect([...(exported.get('sources')?.keys() ?? [])]).toEqual(['s']);
    expect(fastBuildReport()?.storeServedFrom).toBe('memory');
  });

  it('reads the file when a collection of the content config has not shared its entries', async () => {
    writeFileSync(store, JSON.stringify(value));
    openSharedContentStore('build-3');
    const collections = shareLoadedCollections({
      articles: { loader: fakeLoader('articles-loader', [['a', {}]]) },
      sources: { loader: fakeLoader('sources-loader', []) },
    });
    await collections.articles.loader.load({ collection: 'articles', store: fakeStore() });
    expect(await runModule(contentStoreModule(stampOf(), 'build-3'), dir)).toEqual(value);
  });

  it('never takes the entries another build shared', async () => {
    writeFileSync(store, JSON.stringify(value));
    openSharedContentStore('earlier-build');
    const collections = shareLoadedCollections({ articles: { loader: fakeLoader('articles-loader', [['a', {}]]) } });
    await collections.articles.loader.load({ collection: 'articles', store: fakeStore() });
    expect(await runModule(contentStoreModule(stampOf(), 'this-build'), dir)).toEqual(value);
  });
});

describe('fastBuildCollections', () => {
  afterEach(() => {
    closeSharedContentStore();
    closeFastBuildReport();
  });

  it('keeps each loader’s name and other members, and shares nothing outside a build', async () => {
    const loader = fakeLoader('articles-loader', [['a', {}]]);
    const { articles } = shareLoadedCollections({ articles: { loader, schema: 'the schema' } });
    expect(articles.loader.name).toBe('articles-loader');
    expect(articles.loader.schema).toBe('kept');
    expect(articles.schema).toBe('the schema');
    await articles.loader.load({ collection: 'articles', store: fakeStore() });
    expect(sharedContentStore()).toBeUndefined();
  });

  it('shares a collection only once its loader has finished', async () => {
    openSharedContentStore('build-4');
    let finish: () => void = () => undefined;
    const slow = { name: 'slow', load: (_context: unknown) => new Promise<void>((resolve) => (finish = resolve)) };
    const { articles } = shareLoadedCollections({ articles: { loader: slow } });
    const loading = articles.loader.load({ collection: 'articles', store: fakeStore() });
    expect(sharedContentStore()?.expected.has('articles')).toBe(true);
    expect(sharedContentStore()?.loaded.has('articles')).toBe(false);
    finish();
    await loading;
    expect(sharedContentStore()?.loaded.has('articles')).toBe(true);
  });

  it('does not share a collection whose loader failed', async () => {
    openSharedContentStore('build-5');
    const failing = { name: 'failing', load: async (_context: unknown) => Promise.reject(new Error('bad file')) };
    const { articles } = shareLoadedCollections({ articles: { loader: failing } });
    await expect(articles.loader.load({ collection: 'articles', store: fakeStore() })).rejects.toThrow('bad file');
    expect(sharedContentStore()?.loaded.has('articles')).toBe(false);
  });

  it('collects garbage once before the first loader of a build starts and once after the last one ends', async () => {
    const report = openFastBuildReport(ALL);
    const finishers: (() => void)[] = [];
    const slow = (name: string) => ({
      name,
      load: (_context: unknown) => new Promise<void>((resolve) => finishers.push(resolve)),
    });
    const { articles, sources } = shareLoadedCollections({
      articles: { loader: slow('a') },
      sources: { loader: slow('s') },
    });
    const loading = [
      articles.loader.load({ collection: 'articles', store: fakeStore() }),
      sources.loader.load({ collection: 'sources', store: fakeStore() }),
    ];
    expect(report.garbageCollections + report.garbageCollectionsRefused).toBe(1);
    finishers[0]?.();
    await loading[0];
    expect(report.garbageCollections + report.garbageCollectionsRefused).toBe(1);
    finishers[1]?.();
    await loading[1];
    expect(report.garbageCollections).toBe(2);
  });

  it('with the store and gc pieces off, gives the collections back untouched', () => {
    const collections = { articles: { loader: fakeLoader('articles-loader', []) } };
    expect(fastBuildCollections(collections, parseFastBuildSwitch('all,-store,-gc'))).toBe(collections);
    expect(fastBuildCollections(collections, parseFastBuildSwitch('0'))).toBe(collections);
  });

  it('with only the gc piece off, shares entries but collects no garbage', async () => {
    openSharedContentStore('build-6');
    const report = openFastBuildReport(parseFastBuildSwitch('-gc'));
    const { articles } = fastBuildCollections(
      { articles: { loader: fakeLoader('articles-loader', [['a', {}]]) } },
      parseFastBuildSwitch('-gc'),
    );
    await articles.loader.load({ collection: 'articles', store: fakeStore() });
    expect(sharedContentStore()?.loaded.has('articles')).toBe(true);
    expect(report.garbageCollections + report.garbageCollectionsRefused).toBe(0);
  });

  it('refuses a collection whose loader is a function, naming the collection and the file', () => {
    expect(() => shareLoadedCollections({ feed: { loader: () => [] } })).toThrow(
      'src/content.config.ts: collection "feed" needs a loader object',
    );
  });
});
