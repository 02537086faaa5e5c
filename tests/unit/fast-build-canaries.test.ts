import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { LoaderContext } from 'astro/loaders';
import { afterEach, describe, expect, it } from 'vitest';
import { articlesLoaderExtension } from '@/integrations/fast-build/articles-loader-extension';
import { closeFastBuildReport, fastBuildReport, openFastBuildReport } from '@/integrations/fast-build/report';
import { closeSharedContentStore } from '@/integrations/fast-build/shared-content-store';
import { DATA_STORE_FILE, dataStoreFile } from '@/integrations/fast-build/store-location';
import {
  CONTENT_DATA_META,
  contentStoreFromMemory,
  DATA_STORE_MODULE_ID,
} from '@/integrations/fast-build/store-module';
import { parseFastBuildSwitch } from '@/integrations/fast-build/switch';
import { articlesLoader, ContentError } from '@/lib/content-loader';
import { projectRoot, temporaryFolder } from '../support/build';

// Canaries that need no build: Astro's own modules still name and shape what the fast-build layer copies from them
// (docs/fast-build.md#canaries). They import Astro's files by path, past its package exports, on purpose: when Astro
// moves or renames one, the import fails, which is the loud failure wanted. The build canaries
// (tests/build/fast-build-canaries.test.ts) check the same internals at work.

/** One of Astro's own modules, by its path inside the astro package. */
async function astroModule<T>(path: string): Promise<T> {
  return (await import(pathToFileURL(join(projectRoot, 'node_modules/astro/dist', path)).href)) as T;
}

/** The load hook the store piece gives Vite, taken from its astro:config:setup hook. */
interface LoadHook {
  order: string;
  filter: { id: RegExp };
  handler(id: string): { code: string; meta: unknown } | undefined;
}

function storePieceLoadHook(cacheDir: URL): LoadHook {
  const piece = contentStoreFromMemory();
  let plugins: { load: LoadHook }[] = [];
  const hooks = piece.hooks as Record<string, (params: unknown) => void>;
  hooks['astro:config:setup']?.({
    command: 'build',
    updateConfig: (config: { vite: { plugins: { load: LoadHook }[] } }) => {
      plugins = config.vite.plugins;
    },
  });
  hooks['astro:config:done']?.({
    config: {
      root: pathToFileURL(`${projectRoot}/`),
      cacheDir,
      output: 'static',
      adapter: undefined,
      experimental: {},
    } as unknown as Parameters<NonNullable<AstroIntegration['hooks']['astro:config:done']>>[0]['config'],
  });
  const load = plugins[0]?.load;
  if (!load) throw new Error('The store piece gave Vite no load hook.');
  return load;
}

afterEach(() => {
  closeSharedContentStore();
  closeFastBuildReport();
});

describe('Astro internals named by the store piece', () => {
  it("Astro's content-store module still has the resolved id the store piece replaces, and its hook catches it", async () => {
    const consts = await astroModule<{ RESOLVED_DATA_STORE_VIRTUAL_ID: string }>('content/consts.js');
    expect(consts.RESOLVED_DATA_STORE_VIRTUAL_ID).toBe(DATA_STORE_MODULE_ID);
    const cacheDir = pathToFileURL(`${temporaryFolder('store-hook')}/`);
    writeFileSync(new URL(DATA_STORE_FILE, cacheDir), '[]');
    const load = storePieceLoadHook(cacheDir);
    expect(load.filter.id.test(consts.RESOLVED_DATA_STORE_VIRTUAL_ID)).toBe(true);
    // Before Astro's own load hook, which would answer first otherwise.
    expect(load.order).toBe('pre');
    openFastBuildReport(parseFastBuildSwitch('1'));
    expect(load.handler(consts.RESOLVED_DATA_STORE_VIRTUAL_ID)?.code).toContain('fromContentLayer');
    expect(fastBuildReport()?.storeModuleReplaced).toBe(true);
  });

  it("the replaced module carries Astro's own content-data marker, which keeps it out of each page's code hash", async () => {
    const metadata = await astroModule<{
      createContentDataIncrementalMetadata(): unknown;
      isContentDataIncrementalModule(info: { meta: unknown }): boolean;
    }>('core/build/incremental-metadata.js');
    expect(CONTENT_DATA_META).toEqual(metadata.createContentDataIncrementalMetadata());
    const cacheDir = pathToFileURL(`${temporaryFolder('store-meta')}/`);
    writeFileSync(new URL(DATA_STORE_FILE, cacheDir), '[]');
    const module = storePieceLoadHook(cacheDir).handler(DATA_STORE_MODULE_ID);
    expect(metadata.isContentDataIncrementalModule({ meta: module?.meta })).toBe(true);
  });

  it('Astro keeps the store in data-store.json, in the cache folder for builds and in .astro/ for astro dev', async () => {
    const consts = await astroModule<{ DATA_STORE_FILE: string }>('content/consts.js');
    expect(consts.DATA_STORE_FILE).toBe(DATA_STORE_FILE);
    const paths = await astroModule<{
      getDataStoreFile(settings: { config: { cacheDir: URL }; dotAstroDir: URL }, isDev: boolean): URL;
    }>('content/paths.js');
    const root = pathToFileURL('/site/');
    const config = { root, cacheDir: new URL('node_modules/.astro/', root) };
    const settings = { config, dotAstroDir: new URL('.astro/', root) };
    for (const dev of [false, true]) {
      expect(dataStoreFile(config, dev), dev ? 'dev' : 'build').toBe(paths.getDataStoreFile(settings, dev).pathname);
    }
  });
});

describe('Astro internals named by the articles loader', () => {
  it("Astro's .md entry type still has the getEntryInfo and getRenderFunction the loader wraps", async () => {
    const { markdownContentEntryType } = await astroModule<{
      markdownContentEntryType: { extensions: string[]; getEntryInfo: unknown; getRenderFunction: unknown };
    }>('vite-plugin-markdown/content-entry-type.js');
    expect(markdownContentEntryType.extensions).toEqual(['.md']);
    expect(typeof markdownContentEntryType.getEntryInfo).toBe('function');
    expect(typeof markdownContentEntryType.getRenderFunction).toBe('function');
  });

  /** A loader context with the given entry types, enough for the loader to reach the glob loader. */
  function context(entryTypes: Map<string, object>): LoaderContext {
    const root = temporaryFolder('loader-context');
    mkdirSync(join(root, 'content/articles'), { recursive: true });
    const store = new Map<string, unknown>();
    return {
      collection: 'articles',
      config: {
        root: pathToFileURL(`${root}/`),
        srcDir: pathToFileURL(`${root}/src/`),
        cacheDir: pathToFileURL(`${root}/cache/`),
      },
      store: { keys: () => [...store.keys()], values: () => [...store.values()], get: (id: string) => store.get(id) },
      logger: { warn: () => undefined, info: () => undefined, error: () => undefined, debug: () => undefined },
      parseData: async ({ data }: { data: unknown }) => data,
      generateDigest: (text: string) => text,
      entryTypes,
      watcher: undefined,
    } as unknown as LoaderContext;
  }

  const load = (pieces: string, entryTypes: Map<string, object>) => {
    const ctx = context(entryTypes);
    const contentDir = join(new URL(ctx.config.root).pathname, 'content');
    const extension = articlesLoaderExtension(parseFastBuildSwitch(pieces));
    return articlesLoader({ contentDir, extension }).load(ctx);
  };

  it('stops the build, naming entryTypes, when Astro gives no .md entry type, with the layer on or off', async () => {
    for (const pieces of ['1', '0']) {
      const failure = load(pieces, new Map([['.mdx', { extensions: ['.mdx'], getEntryInfo: () => ({}) }]]));
      await expect(failure, pieces).rejects.toThrow(ContentError);
      await expect(load(pieces, new Map()), pieces).rejects.toThrow(
        /no entry type for \.md files \(LoaderContext\.entryTypes\)/,
      );
    }
  });

  it('stops the build when the .md entry type has no render function and the bodies piece needs it', async () => {
    const withoutRender = new Map([['.md', { extensions: ['.md'], getEntryInfo: () => ({}) }]]);
    await expect(load('1', withoutRender)).rejects.toThrow(/\.md entry type has no getRenderFunction/);
    await expect(load('bodies', withoutRender)).rejects.toThrow(/\.md entry type has no getRenderFunction/);
    // Without the bodies piece nothing needs it: the loader goes on (with no articles in this folder, nothing fails).
    await expect(load('0', withoutRender)).resolves.toBeUndefined();
    await expect(load('-bodies', withoutRender)).resolves.toBeUndefined();
  });
});
