import { statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { contentStoreModule } from '@/lib/build/content-store-module';
import {
  closeSharedContentStore,
  type EntrySource,
  openSharedContentStore,
  sharedContentStore,
  shareLoadedCollections,
} from '@/lib/build/shared-content-store';
import { temporaryFolder } from '../support/build';

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
    put: (e) => {
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
  afterEach(() => closeSharedContentStore());

  it('exports the parsed store file, as Astro’s own module would, when no loader shared its entries', async () => {
    writeFileSync(store, JSON.stringify(value));
    expect(await runModule(contentStoreModule(stampOf(), 'build-1'), dir)).toEqual(value);
  });

  it('fails, naming the file, when the store changed after the module was made', async () => {
    writeFileSync(store, JSON.stringify(value));
    const stamp = stampOf();
    const code = contentStoreModule(stamp, 'build-1');
    writeFileSync(store, JSON.stringify([...value, 'one more entry']));
    utimesSync(store, new Date(), new Date(stamp.mtimeMs + 5000));
    await expect(runModule(code, dir)).rejects.toThrow(`${store} changed while the site was being built`);
  });

  it('exports the very entry objects the loaders of its build shared, without reading the file', async () => {
    writeFileSync(store, JSON.stringify(value));
    const article = { id: 'a', data: { title: 'Shared' } };
    openSharedContentStore('build-2');
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

describe('shareLoadedCollections', () => {
  afterEach(() => closeSharedContentStore());

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
    expect(sharedContentStore()?.loaded.has('articles')).toBe(false);
    expect(sharedContentStore()?.running).toBe(1);
    finish();
    await loading;
    expect(sharedContentStore()?.loaded.has('articles')).toBe(true);
    expect(sharedContentStore()?.running).toBe(0);
  });

  it('does not share a collection whose loader failed, and counts it as finished', async () => {
    openSharedContentStore('build-5');
    const failing = { name: 'failing', load: async (_context: unknown) => Promise.reject(new Error('bad file')) };
    const { articles } = shareLoadedCollections({ articles: { loader: failing } });
    await expect(articles.loader.load({ collection: 'articles', store: fakeStore() })).rejects.toThrow('bad file');
    expect(sharedContentStore()?.loaded.has('articles')).toBe(false);
    expect(sharedContentStore()?.running).toBe(0);
  });

  it('refuses a collection whose loader is a function, naming the collection and the file', () => {
    expect(() => shareLoadedCollections({ feed: { loader: () => [] } })).toThrow(
      'src/content.config.ts: collection "feed" needs a loader object',
    );
  });
});
