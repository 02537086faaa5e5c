import { fromHtml } from 'hast-util-from-html';
import { toString as hastToString } from 'hast-util-to-string';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  astroBuild,
  type BuildResult,
  checkLinks,
  demoContentCopy,
  formatProblems,
  readPage,
  resolveBuiltFile,
  temporaryFolder,
  writeFiles,
} from '../support/build';
import { storyFixtureFiles } from './story-fixture';

// Story coverage in real builds: three outlets report one event in their own words within a day, a fourth article
// is about the same place but another event, and the demo article stands alone. Built at the root and under /news/.

let atRoot: BuildResult;
let underNews: BuildResult;
const storyPath = '/stories/2024-05-bridge-opens/';

/** A page's text with spaces between elements. */
const text = (dir: string, path: string) =>
  hastToString(fromHtml(readPage(dir, path).replace(/></g, '> <')))
    .replace(/\s+/g, ' ')
    .trim();

beforeAll(async () => {
  const content = demoContentCopy('stories');
  writeFiles(content, storyFixtureFiles());
  atRoot = await astroBuild(content, temporaryFolder('stories-root'));
  underNews = await astroBuild(content, temporaryFolder('stories-news'), {
    BASE_PATH: '/news/',
    SITE_URL: 'https://example.org',
  });
});

describe('a story covered by three outlets', () => {
  it('builds', () => {
    expect(atRoot.code, atRoot.output).toBe(0);
  });

  it('has a page with the first report, every outlet in time order, and links to each article and original', () => {
    const page = text(atRoot.outDir, storyPath);
    expect(page).toContain('Piraeus harbour bridge opens to traffic after six years of work');
    expect(page).toMatch(/First reported by Harbour Post on /);
    const order = ['Harbour Post', 'Euro Daily', 'Coast Radio'].map((name) => page.lastIndexOf(name));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const html = readPage(atRoot.outDir, storyPath);
    for (const id of ['bridge-opens', 'first-cars-cross', 'bridge-traffic']) {
      expect(html).toContain(`href="/articles/2024/05/${id}/"`);
    }
    expect(html).toContain('href="https://euro-daily.example/2024-05-14"');
    // The other event about the same harbour is not part of it.
    expect(html).not.toContain('bridge-fare');
  });

  it('links each of its articles to the story page, naming the other outlets', () => {
    const page = text(atRoot.outDir, '/articles/2024/05/first-cars-cross/');
    expect(page).toContain('Also covered by Harbour Post and Coast Radio');
    expect(readPage(atRoot.outDir, '/articles/2024/05/first-cars-cross/')).toContain(`href="${storyPath}"`);
    // Articles alone link to none.
    for (const path of [
      '/articles/2024/05/bridge-fare/',
      '/articles/2024/04/rasmussen-nato-members-may-send-troops-to-ukraine/',
    ]) {
      expect(readPage(atRoot.outDir, path)).not.toContain('href="/stories/');
    }
  });

  it('shows the story once on the front page: its newest report, with the other outlets one link away', () => {
    const html = readPage(atRoot.outDir, '/');
    expect(html).toContain('href="/articles/2024/05/bridge-traffic/"');
    expect(html).not.toContain('href="/articles/2024/05/first-cars-cross/"');
    expect(html).not.toContain('href="/articles/2024/05/bridge-opens/"');
    expect(text(atRoot.outDir, '/')).toContain('+2 more outlets');
    expect(html).toContain(`href="${storyPath}"`);
    // A source's page shows its own report, and the topic-free fare story stays on its own.
    expect(readPage(atRoot.outDir, '/sources/harbour-post/')).toContain('href="/articles/2024/05/bridge-opens/"');
    expect(html).toContain('href="/articles/2024/05/bridge-fare/"');
  });

  it('keeps the feeds per article', () => {
    const feed = readPage(atRoot.outDir, '/rss.xml');
    for (const id of ['bridge-opens', 'first-cars-cross', 'bridge-traffic'])
      expect(feed).toContain(`/articles/2024/05/${id}/`);
  });

  it('puts story pages in the sitemap, and every link resolves at the root and under /news/', () => {
    expect(resolveBuiltFile(atRoot.outDir, storyPath)).toBeDefined();
    const sitemaps = ['sitemap-0.xml'].map((file) => readPage(atRoot.outDir, `/${file}`)).join('');
    expect(sitemaps).toContain(`${storyPath}</loc>`);
    expect(formatProblems(checkLinks(atRoot.outDir, { base: '/', siteUrl: 'http://127.0.0.1:4321' }).problems)).toBe(
      '',
    );
    expect(underNews.code, underNews.output).toBe(0);
    expect(readPage(underNews.outDir, storyPath)).toContain('href="/news/articles/2024/05/bridge-opens/"');
    expect(
      formatProblems(checkLinks(underNews.outDir, { base: '/news/', siteUrl: 'https://example.org' }).problems),
    ).toBe('');
  });
});
