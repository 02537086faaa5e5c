import { existsSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bodyFolder } from '@/integrations/fast-build/article-bodies';
import { DATA_STORE_FILE } from '@/integrations/fast-build/store-location';
import { cacheDirFor } from '@/lib/content-dir';
import { readBuildLog } from '../../bench/bench';
import { editArticle } from '../../bench/workload';
import { generateContent } from '../../tools/generate-content';
import {
  astroBuildInto,
  type BuildResult,
  htmlFiles,
  projectOutputFolder,
  projectRoot,
  temporaryFolder,
} from '../support/build';
import { loggedFastBuildReport } from '../support/fast-build';

// Canaries of the fast-build layer: each test checks, in a real build, that one Astro internal the layer relies on
// still behaves as docs/fast-build.md says. The layer falls back to Astro's own path when an internal changes, and the
// site then stays correct, only slower; so these tests fail on the fallback itself, from what the build says each piece
// did (the report line, src/integrations/fast-build/report.ts), not on the site.

const LAYER_ON = { BROADSHEET_FAST_BUILD: '1' };

describe('fast-build canaries (Astro internals the layer relies on)', () => {
  const contentDir = join(temporaryFolder('fast-build-canaries'), 'content');
  const cacheDir = join(projectRoot, cacheDirFor(projectRoot, contentDir));
  // One output folder for every build of this content, as dist/ is: the output piece keeps pages only there.
  const outDir = projectOutputFolder();
  let articleCount = 0;
  let cold: BuildResult;
  let stamped: BuildResult;
  let unchanged: BuildResult;

  beforeAll(async () => {
    // Four sources, so each article shows on few pages and an edit leaves most article pages as they were.
    articleCount = generateContent(contentDir, { articles: 24, sources: 4, words: [40, 120] }).length;
    // The stamp record leaves out files changed in the last two seconds (article-stamps.ts): let the new ones settle,
    // so that the cold build records them all.
    await new Promise((done) => setTimeout(done, 2_100));
    cold = await astroBuildInto(contentDir, outDir, LAYER_ON);
    expect(cold.code, cold.output).toBe(0);
    stamped = await astroBuildInto(contentDir, outDir, LAYER_ON);
    expect(stamped.code, stamped.output).toBe(0);
    // Every file touched: new stamps, the same text, so the next build gives every file to the glob loader.
    const now = new Date();
    const articles = join(contentDir, 'articles');
    for (const file of readdirSync(articles, { recursive: true }).map(String)) {
      if (file.endsWith('.md')) utimesSync(join(articles, file), now, now);
    }
    unchanged = await astroBuildInto(contentDir, outDir, LAYER_ON);
    expect(unchanged.code, unchanged.output).toBe(0);
  });

  it('store: the pages took the content store from the loaders’ memory, through the replaced store module', () => {
    // "Astro's own content store module" here: the module id, the load hook's filter or its order has changed.
    // "read the content store file": the pages no longer share the loaders' process, or a collection was not shared.
    for (const build of [cold, unchanged]) {
      expect(loggedFastBuildReport(build.output).store).toBe('the pages took the content store from memory');
      expect(build.output).not.toMatch(/The store piece did not replace|instead of the loaders' entries/);
    }
    // Astro took what the module exports as its store (a Map of Maps): every article has its page.
    expect(htmlFiles(outDir).filter((page) => /^articles\/.+\/index\.html$/.test(page))).toHaveLength(articleCount);
  });

  it('store file: data-store.json is in the cache folder, where the store module reads it and the bodies sit beside it', () => {
    const store = join(cacheDir, DATA_STORE_FILE);
    expect(existsSync(store)).toBe(true);
    // The store is Astro's serialised collections: both of ours are in it.
    const text = readFileSync(store, 'utf8');
    expect(text).toContain('articles');
    expect(text).toContain('sources');
    expect(existsSync(bodyFolder(dirname(store)))).toBe(true);
  });

  it('store saves: the store class was found and wrapped, and the closing save wrote what the loaders set', () => {
    // Undefined: Astro's MutableDataStore or its writeToDisk / waitUntilSaveComplete were not found. That the debounced
    // save goes through writeToDisk is checked on Astro's own class in tests/unit/fast-build-store-save.test.ts: a
    // site this small loads within the 500 ms debounce, so its saves are rarely held at all.
    // A cold build saves in the main thread; a rebuild hands its save to a worker thread (store-write-worker.ts).
    expect(loggedFastBuildReport(cold.output).storeWritesInWorker).toBe(0);
    expect(loggedFastBuildReport(unchanged.output).storeWritesInWorker).toBe(1);
    for (const build of [cold, unchanged]) {
      expect(loggedFastBuildReport(build.output).storeSavesHeld).toBeGreaterThanOrEqual(0);
      // Undefined: Astro's FileWriter, its write or the functions it uses were not found (store-write.ts).
      expect(loggedFastBuildReport(build.output).storeWritesUncompared).toBe(0);
      expect(build.output).not.toMatch(/could not hold Astro's store saves/);
    }
    const text = readFileSync(join(cacheDir, DATA_STORE_FILE), 'utf8');
    expect(text.match(/"[^"]+\/a-\d+"/g)?.length ?? 0).toBeGreaterThanOrEqual(articleCount);
  });

  it('entry types: every article was rendered through the wrapped render function and kept out of the store', () => {
    // Zero here: the glob loader no longer takes the render function from the entryTypes the loader passes it.
    expect(loggedFastBuildReport(cold.output).bodies).toEqual({
      inStore: articleCount,
      written: articleCount,
      removed: 0,
    });
    expect(readdirSync(bodyFolder(cacheDir))).toHaveLength(articleCount);
    expect(readFileSync(join(cacheDir, DATA_STORE_FILE), 'utf8')).not.toContain('<p>');
  });

  it('unchanged: the glob loader kept every unchanged article by its digest, without the loader reading it', () => {
    // Fewer here: the glob loader's digest (LoaderContext.generateDigest) or its skip has changed.
    expect(loggedFastBuildReport(cold.output).unchangedSkipped).toBe(0);
    expect(loggedFastBuildReport(unchanged.output).unchangedSkipped).toBe(articleCount);
    expect(loggedFastBuildReport(unchanged.output).keptByStamp).toBe(0);
    expect(loggedFastBuildReport(unchanged.output).bodies).toEqual({
      inStore: articleCount,
      written: 0,
      removed: 0,
    });
  });

  it('stamps: given no file to read, the glob loader deleted none of the entries kept by their file stamps', () => {
    // Fewer pages or bodies here: the glob loader no longer takes the entries it may delete from its store's keys().
    const report = loggedFastBuildReport(stamped.output);
    expect(report.keptByStamp).toBe(articleCount);
    expect(report.unchangedSkipped).toBe(articleCount);
    expect(report.bodies).toEqual({ inStore: articleCount, written: 0, removed: 0 });
    expect(readBuildLog(stamped.output).reused).toBeGreaterThanOrEqual(articleCount);
  });

  it('output: Astro found every kept page in place and reported each in astro:build:done’s assets', () => {
    const report = loggedFastBuildReport(unchanged.output);
    expect(report.output?.kept).toBeGreaterThanOrEqual(htmlFiles(outDir).length);
    // A kept page missing from `assets` would be deleted as if this build no longer had it.
    expect(report.output?.reported).toBe(report.output?.kept);
    expect(unchanged.output).not.toContain('pages of the last build that this build no longer has');
    // Found in place ("cached"), not copied back from Astro's cache ("restored"): vite.build.emptyOutDir is honoured.
    expect(unchanged.output).toContain('(cached)');
    expect(unchanged.output).not.toContain('(restored)');
  });

  it('gc: the runtime allowed every garbage collection between phases', () => {
    const { garbageCollections } = loggedFastBuildReport(cold.output);
    // Around the loaders, after the content sync and after page generation.
    expect(garbageCollections?.run).toBeGreaterThanOrEqual(4);
    expect(garbageCollections?.refused).toBe(0);
    expect(cold.output).not.toContain('The runtime refused');
  });

  it('content-data marker: after one edit, pages that do not show the article are reused, not rendered', async () => {
    const before = new Map(htmlFiles(outDir).map((page) => [page, readFileSync(join(outDir, page), 'utf8')]));
    const file = editArticle(contentDir);
    const id = file.replace(/^articles\//, '').replace(/\.md$/, '');
    const edited = await astroBuildInto(contentDir, outDir, LAYER_ON);
    expect(edited.code, edited.output).toBe(0);
    // Without Astro's content-data marker on the replaced store module, its code (which names the store file's size
    // and time) would change each page's code hash, and every page would be rendered again.
    const untouched = [...before].filter(
      ([page, html]) =>
        page.startsWith('articles/') &&
        page !== `articles/${id}/index.html` &&
        !html.includes(`href="/articles/${id}/"`),
    );
    expect(untouched.length).toBeGreaterThan(articleCount / 2);
    expect(readBuildLog(edited.output).reused).toBeGreaterThanOrEqual(untouched.length);
    const report = loggedFastBuildReport(edited.output);
    expect(report.unchangedSkipped).toBe(articleCount - 1);
    expect(report.bodies).toEqual({ inStore: articleCount, written: 1, removed: 1 });
    expect(report.store).toBe('the pages took the content store from memory');
    // The headline grew, so the store did: the worker thread wrote it without reading the old one back, and the file
    // holds the edit once the build is done (store-write.ts, store-write-worker.ts).
    expect(report.storeWritesInWorker).toBe(1);
    expect(report.storeWritesUncompared).toBe(1);
    expect(readFileSync(join(cacheDir, DATA_STORE_FILE), 'utf8')).toContain('(corrected)');
  });
});

describe('the articles loader with the fast-build layer off', () => {
  const LAYER_OFF = { BROADSHEET_FAST_BUILD: '0' };

  it("still applies Broadsheet's file rules in getEntryInfo", async () => {
    const contentDir = join(temporaryFolder('fast-build-off-bytes'), 'content');
    generateContent(contentDir, { articles: 3, sources: 1, words: [20, 40] });
    const text = "---\ntitle: 'Bad bytes'\ndate: 2024-01-05\nsource: source-0\n---\n\nIt reads X here.\n";
    const bytes = Buffer.from(text, 'utf8');
    const at = bytes.indexOf(Buffer.from('X'));
    writeFileSync(
      join(contentDir, 'articles/2024/01/bad-bytes.md'),
      Buffer.concat([bytes.subarray(0, at), Buffer.from([0xff]), bytes.subarray(at + 1)]),
    );
    const build = await astroBuildInto(contentDir, projectOutputFolder(), LAYER_OFF);
    expect(build.code).not.toBe(0);
    expect(build.output).toMatch(/articles\/2024\/01\/bad-bytes\.md:\d*:? ?the file is not valid UTF-8 text/);
  });

  it('still finds duplicate ids and unknown sources after loading', async () => {
    const contentDir = join(temporaryFolder('fast-build-off-checks'), 'content');
    generateContent(contentDir, { articles: 3, sources: 1, words: [20, 40] });
    const article = readFileSync(join(contentDir, 'articles/2024/01/a-1.md'), 'utf8');
    writeFileSync(join(contentDir, 'articles/2024/01/A 1.md'), article);
    writeFileSync(join(contentDir, 'articles/2024/01/a-2.md'), article.replace('source: source-0', 'source: nowhere'));
    const build = await astroBuildInto(contentDir, projectOutputFolder(), LAYER_OFF);
    expect(build.code).not.toBe(0);
    expect(build.output).toMatch(/have the same article id "2024\/01\/a-1"/);
    expect(build.output).toMatch(/a-2\.md.*source "nowhere" is not a known source/);
  });
});
