import { cpSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPagefind, type NodePagefind } from '../search/pagefind-node';
import { astroBuild, type BuildResult, projectRoot, temporaryFolder, writeFiles } from '../support/build';

// The site's builds here split the search index by year, as a site of 20,000 articles or more is (BROADSHEET_SEARCH_SPLIT).
process.env.BROADSHEET_SEARCH_SPLIT = 'year';

// The demo (English, 2024) with a Greek article and an English one from 2023: each article is indexed under its own
// language (<article lang>), in a bundle per language and year, and a Greek query finds the Greek article in the
// Greek index only, whatever the inflection or accents it is written with.

const greekPath = '/articles/2023/06/piraeus-harbour-greek/';
const added = {
  'articles/2023/06/piraeus-harbour-greek.md':
    "---\ntitle: 'Νέες αποβάθρες στο λιμάνι του Πειραιά'\ndate: 2023-06-12T09:00:00+03:00\nsource: athens-news\nlang: el\n" +
    'tags: [greece]\n---\n\nΤο λιμάνι του Πειραιά αποκτά δύο νέες αποβάθρες για τα κρουαζιερόπλοια. Οι εργασίες ' +
    'ξεκινούν τον Σεπτέμβριο, σύμφωνα με τον οργανισμό λιμένος.\n',
  'articles/2023/05/english-harbour.md':
    "---\ntitle: 'Harbour dues rise in Piraeus'\ndate: 2023-05-02\nsource: athens-news\ntags: [greece]\n---\n\n" +
    'The harbour authority raised its dues for cruise ships.\n',
};

let build: BuildResult;
let greek: NodePagefind;
let english: NodePagefind;
const urls = (results: readonly { url: string }[]) => results.map((result) => result.url);

beforeAll(async () => {
  const contentDir = temporaryFolder('search-languages');
  cpSync(join(projectRoot, 'content'), contentDir, { recursive: true });
  writeFiles(contentDir, added);
  build = await astroBuild(contentDir, temporaryFolder('search-languages-out'));
  if (build.code !== 0) throw new Error(`the build failed:\n${build.output}`);
  greek = await loadPagefind(build.outDir, '/', 'el');
  english = await loadPagefind(build.outDir, '/', 'en');
});

afterAll(async () => {
  await greek?.close();
  await english?.close();
});

describe('search per language', () => {
  it('keeps a bundle per language and year, listed newest first, with the Greek stemmer for the Greek one', () => {
    const { languages } = JSON.parse(readFileSync(join(build.outDir, 'pagefind/bundles.json'), 'utf8'));
    expect(languages).toEqual({ el: ['2023'], en: ['2024', '2023'] });
    expect(existsSync(join(build.outDir, 'pagefind/el/2023/wasm.el.pagefind'))).toBe(true);
    expect(existsSync(join(build.outDir, 'pagefind/en/2024/wasm.en.pagefind'))).toBe(true);
    expect(build.output).toMatch(/Indexed \d+ article pages for search in [\d.]+ s .*3 of 3 bundles re-indexed/);
  });

  it('finds the Greek article with a Greek query, in another inflection and without accents', async () => {
    expect(urls(await greek.search('λιμάνι'))).toEqual([greekPath]);
    // The plural, and the genitive of "Πειραιάς" as typed without accents: stemmed and matched as Pagefind does.
    expect(urls(await greek.search('λιμάνια'))).toEqual([greekPath]);
    expect(urls(await greek.search('πειραια'))).toEqual([greekPath]);
    const [result] = await greek.search('αποβάθρες');
    expect(result?.meta['title']).toBe('Νέες αποβάθρες στο λιμάνι του Πειραιά');
  });

  it('keeps the Greek article out of the site language index, and English articles out of the Greek one', async () => {
    expect(await english.search('λιμάνι')).toEqual([]);
    expect(urls(await english.search('harbour'))).toContain('/articles/2023/05/english-harbour/');
    expect(await greek.search('harbour')).toEqual([]);
  });

  it('searches every year of a language: filters and newest-first order across its bundles', async () => {
    const everything = await english.search(null, { filters: {}, sort: { date: 'desc' } });
    expect(urls(everything)).toEqual([
      '/articles/2024/04/rasmussen-nato-members-may-send-troops-to-ukraine/',
      '/articles/2023/05/english-harbour/',
    ]);
    expect(urls(await english.search(null, { filters: { tag: 'greece' }, sort: { date: 'desc' } }))).toEqual([
      '/articles/2023/05/english-harbour/',
    ]);
    const filters = await english.filters();
    expect(filters['tag']?.['greece']).toBeGreaterThan(0);
    expect(filters).not.toHaveProperty('bundle');
  });
});
