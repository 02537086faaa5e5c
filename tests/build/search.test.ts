import { cpSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { toString as hastToString } from 'hast-util-to-string';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPagefind, type NodePagefind } from '../search/pagefind-node';
import {
  astroBuild,
  type BuildResult,
  htmlFiles,
  projectRoot,
  readPage,
  temporaryFolder,
  writeFiles,
} from '../support/build';

// One real build of the demo content, with a few articles added so that filters have something to leave out, and
// its Pagefind index searched through the bundle the build wrote (the same pagefind.js the search page loads).

const demoPath = '/articles/2024/04/rasmussen-nato-members-may-send-troops-to-ukraine/';
const longPath = '/articles/2024/02/long-harbour-report/';
// A 300-word body: word 150 is "quellbrook" and word 250 "tarnwhistle". The index holds the first 200 words only.
const longBody = Array.from({ length: 300 }, (_, index) =>
  index === 149 ? 'quellbrook' : index === 249 ? 'tarnwhistle' : 'harbour',
).join(' ');
const added = {
  'articles/2024/05/guardian-rasmussen.md':
    "---\ntitle: 'Rasmussen speaks in London'\ndate: 2024-05-02T10:00:00+01:00\nsource: the-guardian\ntags: [NATO, Britain]\n" +
    "summary: 'A standfirst about zeppelinquartz that appears only in the front matter.'\n---\n\nAnders Fogh Rasmussen spoke about NATO again.\n",
  'articles/2024/03/athens-harbour.md':
    "---\ntitle: 'Harbour works in Piraeus'\ndate: 2024-03-01\nsource: athens-news\ntags: [greece]\nauthor: Quillon Vantaboroughs\n---\n\nThe harbour of Piraeus is being dredged.\n",
  'articles/2024/05/draft-rasmussen.md':
    "---\ntitle: 'Rasmussen draft'\ndate: 2024-05-03\nsource: athens-news\ndraft: true\n---\n\nRasmussen wolframite draft text.\n",
  'articles/2024/02/long-harbour-report.md': `---\ntitle: 'A long harbour report'\ndate: 2024-02-01\nsource: athens-news\n---\n\n${longBody}\n`,
};

let build: BuildResult;
let pagefind: NodePagefind;
const urls = (results: readonly { url: string }[]) => results.map((result) => result.url);

beforeAll(async () => {
  const contentDir = temporaryFolder('search');
  cpSync(join(projectRoot, 'content'), contentDir, { recursive: true });
  writeFiles(contentDir, added);
  build = await astroBuild(contentDir, temporaryFolder('search-out'));
  if (build.code !== 0) throw new Error(`the build failed:\n${build.output}`);
  pagefind = await loadPagefind(build.outDir);
});

afterAll(async () => {
  await pagefind?.close();
});

describe('the search index', () => {
  it('is written into the built site, not into public/', () => {
    expect(existsSync(join(build.outDir, 'pagefind/pagefind.js'))).toBe(true);
    expect(existsSync(join(projectRoot, 'public/pagefind'))).toBe(false);
    expect(build.output).toMatch(/Indexed 4 article pages for search/);
  });

  it('finds the demo article for "Rasmussen", with its headline, source and date', async () => {
    const results = await pagefind.search('Rasmussen');
    expect(urls(results)).toContain(demoPath);
    const demo = results.find((result) => result.url === demoPath);
    expect(demo?.meta).toMatchObject({
      title: 'Rasmussen: "NATO members may send troops to Ukraine"',
      source: 'Athens News',
      date: '19 April 2024',
      datetime: '2024-04-19',
    });
    expect(demo?.excerpt).toContain('<mark>Rasmussen</mark>');
  });

  it('holds article pages only, and no drafts', async () => {
    const everything = await pagefind.search(null, { filters: {} });
    expect(urls(everything).sort()).toEqual(
      ['/articles/2024/03/athens-harbour/', '/articles/2024/05/guardian-rasmussen/', demoPath, longPath].sort(),
    );
    expect(await pagefind.search('wolframite')).toEqual([]);
  });

  it('searches the headline, the standfirst and the body, but not the attribution around them', async () => {
    expect(urls(await pagefind.search('Piraeus'))).toEqual(['/articles/2024/03/athens-harbour/']);
    expect(urls(await pagefind.search('zeppelinquartz'))).toEqual(['/articles/2024/05/guardian-rasmussen/']);
    expect(urls(await pagefind.search('dredged'))).toEqual(['/articles/2024/03/athens-harbour/']);
    // The byline is in the attribution line, outside the searched regions.
    expect(readPage(build.outDir, '/articles/2024/03/athens-harbour/')).toContain('Quillon Vantaboroughs');
    expect(await pagefind.search('Vantaboroughs')).toEqual([]);
  });

  it('holds the first 200 words of a body: word 150 is found, word 250 is not, though the page shows both', async () => {
    expect(urls(await pagefind.search('quellbrook'))).toEqual([longPath]);
    expect(await pagefind.search('tarnwhistle')).toEqual([]);
    const page = readPage(build.outDir, longPath);
    expect(page).toContain('quellbrook');
    expect(page).toContain('tarnwhistle');
  });

  it('filters by source', async () => {
    expect(urls(await pagefind.search('Rasmussen', { filters: { source: 'athens-news' } }))).toEqual([demoPath]);
    expect(urls(await pagefind.search('Rasmussen', { filters: { source: 'the-guardian' } }))).toEqual([
      '/articles/2024/05/guardian-rasmussen/',
    ]);
  });

  it('filters by topic, by its slug, whatever the spelling in the article', async () => {
    expect(urls(await pagefind.search('Rasmussen', { filters: { tag: 'poland' } }))).toEqual([demoPath]);
    expect(urls(await pagefind.search('Rasmussen', { filters: { tag: 'nato' } })).sort()).toEqual(
      ['/articles/2024/05/guardian-rasmussen/', demoPath].sort(),
    );
    expect(await pagefind.search('Rasmussen', { filters: { tag: 'greece' } })).toEqual([]);
    expect(await pagefind.filters()).toEqual({
      source: { 'athens-news': 3, 'the-guardian': 1 },
      tag: { britain: 1, greece: 1, nato: 2, poland: 1, ukraine: 1 },
    });
  });

  it('sorts by date, newest first, across time zones', async () => {
    expect(urls(await pagefind.search(null, { filters: {}, sort: { date: 'desc' } }))).toEqual([
      '/articles/2024/05/guardian-rasmussen/',
      demoPath,
      '/articles/2024/03/athens-harbour/',
      longPath,
    ]);
  });
});

describe('the search page', () => {
  const page = () => readPage(build.outDir, '/search/');
  const tree = () => fromHtml(page());

  it('has a search form that works as a plain GET form to itself', () => {
    const html = page();
    expect(html).toMatch(/<form[^>]*role="search"[^>]*action="\/search\/"[^>]*method="get"/);
    expect(html).toMatch(/<label for="search-query"[^>]*>Search articles<\/label>/);
    expect(html).toMatch(/<input id="search-query" type="search" name="q"/);
    expect(html).toMatch(
      /<select name="source"[^>]*><option value=""[^>]*>All sources<\/option><option value="athens-news"[^>]*>Athens News<\/option><option value="the-guardian"/,
    );
    expect(html).toMatch(
      /<select name="tag"[^>]*><option value=""[^>]*>All topics<\/option><option value="britain"[^>]*>Britain<\/option>/,
    );
    expect(html).toMatch(
      /<select name="sort"[^>]*><option value="relevance"[^>]*>Best match<\/option><option value="date"/,
    );
  });

  it('announces results politely, and says without JavaScript that search needs it, linking sources and topics', () => {
    const html = page();
    expect(html).toMatch(/role="status" aria-live="polite"/);
    const noscript = /<noscript>([\s\S]*?)<\/noscript>/.exec(html)?.[1] ?? '';
    expect(hastToString(fromHtml(noscript))).toContain('Search needs JavaScript');
    expect(noscript).toContain('href="/sources/"');
    expect(noscript).toContain('href="/tags/"');
    expect(hastToString(tree())).toContain('Search');
  });

  it('loads its script from a same-origin file, and is the only page that loads any script but the reader layer’s', () => {
    // JSON-LD is data, not code: only scripts a browser would run count. Every page loads the reader layer's one
    // module (docs/reader.md, checked in tests/e2e/reader.test.ts); search is the only page with a script of its own.
    const readerModule = /^<script type="module" src="\/_astro\/ReaderScript\.[^"]+\.js">$/;
    const scripts = (html: string) =>
      [...html.matchAll(/<script\b[^>]*>/g)]
        .map(([tag]) => tag)
        .filter((tag) => !/type="application\/(ld\+)?json"/.test(tag) && !readerModule.test(tag));
    expect(scripts(page())).toHaveLength(1);
    expect(scripts(page())[0]).toMatch(/^<script type="module" src="\/_astro\/[^"]+\.js">$/);
    expect(page()).not.toMatch(/\son[a-z]+=/);
    const others = htmlFiles(build.outDir).filter((name) => name !== 'search/index.html');
    expect(others.length).toBeGreaterThan(10);
    for (const file of others) {
      expect(scripts(readPage(build.outDir, `/${file}`)), file).toEqual([]);
    }
  });

  it('is linked from the main navigation of every page', () => {
    for (const path of ['/', demoPath, '/sources/', '/tags/nato/']) {
      expect(readPage(build.outDir, path), path).toMatch(
        /<nav aria-label="Main"[\s\S]*href="\/search\/"[\s\S]*<\/nav>/,
      );
    }
  });

  it('ships a search script that does not bundle Pagefind or the site’s date formatting', () => {
    // The reader layer's module is a bundle of its own (docs/reader.md).
    const bundles = readdirSync(join(build.outDir, '_astro')).filter(
      (name) => name.endsWith('.js') && !name.startsWith('ReaderScript.'),
    );
    expect(bundles).toHaveLength(1);
  });
});
