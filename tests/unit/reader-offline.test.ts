import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { readerBuildId } from '@/lib/reader/build-id';
import {
  buildFilesIn,
  entriesOverLimit,
  isKeptPage,
  pageTitleIn,
  requestRoute,
  retiringWorkerSource,
  serviceWorkerSource,
  withOfflineList,
  withRootClass,
} from '@/lib/reader/service-worker';
import { workerConfig } from '@/lib/reader/worker-config';
import { temporaryFolder } from '../support/build';

const origin = 'https://example.org';
const settings = { enabled: true, offlineArticles: 2, keptPages: 3 };
const config = workerConfig({
  base: '/news',
  build: 'b1',
  siteTitle: 'Broadsheet',
  settings,
  articleIds: ['2024/04/c', '2024/04/b', '2024/04/a'],
});

describe('the worker configuration', () => {
  it('saves the front page, the favicon and the newest articles under the base; passes the search index by', () => {
    expect(config).toEqual({
      build: 'b1',
      base: '/news/',
      offlinePage: '/news/offline/',
      shell: ['/news/', '/news/favicon.svg'],
      articles: ['/news/articles/2024/04/c/', '/news/articles/2024/04/b/'],
      keptPages: 3,
      keptAssets: 16,
      notKept: ['/news/search/'],
      passThrough: ['/news/pagefind/'],
      siteTitle: 'Broadsheet',
      textSizeKey: '/news/__broadsheet/text-size',
    });
  });
});

describe('how the worker answers a request', () => {
  const route = (url: string, mode = 'no-cors', method = 'GET') => requestRoute({ url, mode, method }, origin, config);

  it('network first for pages, cache first for hashed build files, network then copy for other files', () => {
    expect(route(`${origin}/news/articles/x/`, 'navigate')).toBe('page');
    expect(route(`${origin}/news/`, 'navigate')).toBe('page');
    expect(route(`${origin}/news/_astro/main.Ab12.js`)).toBe('asset');
    expect(route(`${origin}/news/favicon.svg`)).toBe('file');
  });

  it('leaves alone other hosts, other methods, paths outside the base, itself and the search index', () => {
    expect(route('https://elsewhere.example/news/x/', 'navigate')).toBe('pass');
    expect(route(`${origin}/news/x/`, 'navigate', 'POST')).toBe('pass');
    expect(route(`${origin}/other/`, 'navigate')).toBe('pass');
    expect(route(`${origin}/news/sw.js`)).toBe('pass');
    expect(route(`${origin}/news/pagefind/pagefind.js`)).toBe('pass');
  });

  it('keeps only plain HTML 200 pages without a query, never the search page', () => {
    const ok = { status: 200, type: 'basic', contentType: 'text/html; charset=utf-8' };
    expect(isKeptPage(`${origin}/news/a/`, ok, config.notKept)).toBe(true);
    expect(isKeptPage(`${origin}/news/a/?x=1`, ok, config.notKept)).toBe(false);
    expect(isKeptPage(`${origin}/news/search/`, ok, config.notKept)).toBe(false);
    expect(isKeptPage(`${origin}/news/a/`, { ...ok, status: 404 }, config.notKept)).toBe(false);
    expect(isKeptPage(`${origin}/news/a/`, { ...ok, type: 'opaqueredirect' }, config.notKept)).toBe(false);
    expect(isKeptPage(`${origin}/news/rss.xml`, { ...ok, contentType: 'application/rss+xml' }, config.notKept)).toBe(
      false,
    );
  });

  it('bounds a cache by dropping its oldest entries', () => {
    expect(entriesOverLimit(['a', 'b', 'c', 'd'], 3)).toEqual(['a']);
    expect(entriesOverLimit(['a', 'b'], 3)).toEqual([]);
    expect(entriesOverLimit(['a', 'b'], 0)).toEqual(['a', 'b']);
  });
});

describe('what the worker reads and writes in pages', () => {
  it('finds the build files a page loads', () => {
    const html =
      '<link rel="icon" href="/news/favicon.svg"><script type="module" src="/news/_astro/a.B1.js"></script>' +
      '<img src="/news/_astro/p.C2.webp" alt=""><a href="/news/_astro/a.B1.js">x</a>';
    expect(buildFilesIn(html, '/news/')).toEqual(['/news/_astro/a.B1.js', '/news/_astro/p.C2.webp']);
  });

  it('reads a page title, its entities decoded and the site name taken off', () => {
    expect(pageTitleIn('<title>Rasmussen: &quot;NATO&quot; &amp; more · Broadsheet</title>', 'Broadsheet')).toBe(
      'Rasmussen: "NATO" & more',
    );
    expect(pageTitleIn('<title>Broadsheet</title>', 'Broadsheet')).toBe('Broadsheet');
    expect(pageTitleIn('<p>no title</p>', 'Broadsheet')).toBe('');
  });

  it('fills the offline list with escaped links, replacing what it held', () => {
    const page = '<main><ul data-offline-list data-x><li><a href="/">Latest news</a></li></ul><p>after</p></main>';
    expect(
      withOfflineList(page, [
        { path: '/a/', title: '<b>A</b> & "B"' },
        { path: '/b/"x', title: '' },
      ]),
    ).toBe(
      '<main><ul data-offline-list data-x><li><a href="/a/">&lt;b&gt;A&lt;/b&gt; &amp; &quot;B&quot;</a></li>' +
        '<li><a href="/b/&quot;x">/b/&quot;x</a></li></ul><p>after</p></main>',
    );
  });

  it('adds the text size class to <html>, with or without a class already', () => {
    expect(withRootClass('<!DOCTYPE html><html lang="en"><head>', 'reader-text-larger')).toBe(
      '<!DOCTYPE html><html lang="en" class="reader-text-larger"><head>',
    );
    expect(withRootClass('<html class="a" lang="en">', 'reader-text-smaller')).toBe(
      '<html class="a reader-text-smaller" lang="en">',
    );
  });
});

describe('the worker script', () => {
  /** Runs a worker script with a stand-in global scope and returns the events it listens to. */
  function listenedEvents(source: string): string[] {
    const events: string[] = [];
    const self = { location: { origin }, addEventListener: (type: string) => events.push(type) };
    runInNewContext(source, { self, caches: {}, URL, Response, Headers, fetch });
    return events;
  }

  it('carries its functions and the build configuration, and listens for install, activate and fetch', () => {
    const source = serviceWorkerSource(config);
    expect(source).toContain('"build":"b1"');
    expect(source).not.toMatch(/\bimport\b|__vite|__vi_/);
    expect(listenedEvents(source)).toEqual(['install', 'activate', 'fetch']);
  });

  it('with the layer off, only removes an earlier worker', () => {
    const source = retiringWorkerSource();
    expect(source).toContain('unregister()');
    expect(listenedEvents(source)).toEqual(['install', 'activate']);
  });
});

describe('the build id', () => {
  it('is the same for the same content and code, and changes with either', () => {
    const root = temporaryFolder('reader-build-id');
    mkdirSync(join(root, 'src'), { recursive: true });
    writeFileSync(join(root, 'src/a.ts'), 'one');
    const first = readerBuildId({ articles: ['a'] }, root);
    expect(readerBuildId({ articles: ['a'] }, root)).toBe(first);
    expect(readerBuildId({ articles: ['b'] }, root)).not.toBe(first);
    writeFileSync(join(root, 'src/a.ts'), 'two');
    expect(readerBuildId({ articles: ['a'] }, root)).not.toBe(first);
    expect(first).toMatch(/^[0-9a-f]{16}$/);
  });
});
