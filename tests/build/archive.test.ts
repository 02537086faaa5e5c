import { cpSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { toString as hastToString } from 'hast-util-to-string';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateContent } from '../../tools/generate-content';
import {
  astroBuild,
  astroBuildInto,
  type BuildResult,
  brokenInternalLinks,
  checkLinks,
  formatProblems,
  projectOutputFolder,
  projectRoot,
  readPage,
  temporaryFolder,
  writeFiles,
} from '../support/build';
import { allFiles, differingFiles } from '../support/fast-build';

// The archive by date in real builds: the demo content, a late-evening article that is already the next day in
// Athens, and 45 generated articles from 1 to 8 January 2024 (a month of three pages). Built at the domain root and
// under BASE_PATH=/news/; then the root build is rebuilt incrementally after an article lands in a month between the
// two, and must equal a clean build byte for byte.

const demoPath = '/articles/2024/04/rasmussen-nato-members-may-send-troops-to-ukraine/';
const latePath = '/articles/2024/04/late-night/';
const lateArticle = [
  '---',
  "title: 'Late-night vote in parliament'",
  // 23:30 UTC on the 18th is 02:30 on the 19th in Athens.
  'date: 2024-04-18T23:30:00Z',
  'source: athens-news',
  '---',
  '',
  'Members voted after midnight.',
  '',
].join('\n');

/** The fixture content in a folder of its own (so each build below has a cache of its own). */
function archiveContent(prefix: string): string {
  const content = join(temporaryFolder(prefix), 'content');
  generateContent(content, { articles: 45, sources: 4, words: [40, 80] });
  cpSync(join(projectRoot, 'content'), content, { recursive: true });
  writeFiles(content, { 'articles/2024/04/late-night.md': lateArticle });
  return content;
}

const contentDir = archiveContent('archive');
// One output folder for the root builds, as dist/ is: the incremental rebuild reuses the first build's pages.
const outDir = projectOutputFolder();
let atRoot: BuildResult;
let underNews: BuildResult;

/** A page's text, with a space between elements (the build's compressed HTML has none between blocks). */
const text = (path: string, dir = outDir) =>
  hastToString(fromHtml(readPage(dir, path).replace(/></g, '> <')))
    .replace(/\s+/g, ' ')
    .replace(/ ([,.])/g, '$1');
const articleLinks = (html: string) => [...html.matchAll(/href="(\/articles\/[^"]+)"/g)].map((match) => match[1]);
const sitemapUrls = (dir: string) =>
  [...readFileSync(join(dir, 'sitemap-0.xml'), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]);

beforeAll(async () => {
  atRoot = await astroBuildInto(contentDir, outDir);
  if (atRoot.code !== 0) throw new Error(`the build failed:\n${atRoot.output}`);
  underNews = await astroBuild(archiveContent('archive-news'), temporaryFolder('archive-news-out'), {
    BASE_PATH: '/news/',
    SITE_URL: 'https://broadsheet.example',
  });
  if (underNews.code !== 0) throw new Error(`the /news/ build failed:\n${underNews.output}`);
});

describe('the archive by date', () => {
  it("shows the demo's 19 April 2024 with the Rasmussen article and the one published there after midnight", () => {
    const html = readPage(outDir, '/archive/2024/04/19/');
    expect(html).toContain('<title>Friday, 19 April 2024 · Broadsheet</title>');
    expect(html).toMatch(/<h1[^>]*><time datetime="2024-04-19"[^>]*>Friday, 19 April 2024<\/time><\/h1>/);
    expect(text('/archive/2024/04/19/')).toContain('Rasmussen: "NATO members may send troops to Ukraine"');
    expect(new Set(articleLinks(html))).toEqual(new Set([latePath, demoPath]));
    // No page for the 18th: in Athens nothing was published that day.
    expect(existsSync(join(outDir, 'archive/2024/04/18'))).toBe(false);
  });

  it('lists years and months with their counts, newest first', () => {
    const html = readPage(outDir, '/archive/');
    expect(html).toContain('<title>Archive · Broadsheet</title>');
    expect(text('/archive/')).toMatch(
      /2024 47 articles April 2024 2 articles January 2024 45 articles(?!.*(February|March))/,
    );
    expect(html).toContain('href="/archive/2024/04/"');
    expect(html).toMatch(/<time datetime="2024-04"[^>]*>April 2024<\/time>/);
    expect(html).toContain('<a href="/archive/" aria-current="page"');
  });

  it('paginates a month like the front page: every article once, the newest on its head, numbered pages from the oldest', () => {
    const pages = ['/archive/2024/01/', '/archive/2024/01/page/1/'];
    const links = pages.map((path) => articleLinks(readPage(outDir, path)));
    // 45 articles: the head holds the 25 newest, page 1 the 20 oldest.
    expect(links.map((list) => new Set(list).size)).toEqual([25, 20]);
    expect(new Set(links.flat()).size).toBe(45);
    expect(existsSync(join(outDir, 'archive/2024/01/page/2'))).toBe(false);
    expect(readPage(outDir, pages[0]!)).toContain('href="/archive/2024/01/page/1/" rel="next"');
    expect(readPage(outDir, pages[1]!)).toContain('<title>January 2024, page 1 · Broadsheet</title>');
    expect(readPage(outDir, pages[1]!)).toContain('href="/archive/2024/01/" rel="prev"');
    // The month's days, with their counts, are listed on its head, which links each day's page.
    expect(text(pages[0]!)).toContain('Monday, 1 January 2024 6 articles');
    expect(readPage(outDir, pages[0]!)).toContain('href="/archive/2024/01/08/"');
    expect(text(pages[1]!)).not.toContain('6 articles');
  });

  it('links neighbouring months and days that have articles, skipping those without', () => {
    const april = readPage(outDir, '/archive/2024/04/');
    expect(april).toContain('href="/archive/2024/01/"');
    expect(text('/archive/2024/04/')).toContain('Older month → January 2024');
    expect(text('/archive/2024/04/')).not.toContain('Newer month');
    expect(text('/archive/2024/01/page/1/')).toContain('← Newer month April 2024');
    expect(text('/archive/2024/04/19/')).toContain('Older day → Monday, 8 January 2024');
    expect(readPage(outDir, '/archive/2024/04/19/')).toContain('href="/archive/2024/01/08/"');
    expect(text('/archive/2024/01/08/')).toContain('← Newer day Friday, 19 April 2024');
    expect(text('/archive/2024/01/01/')).not.toContain('Older day');
    // A day page leads back to its month and the archive.
    expect(readPage(outDir, '/archive/2024/01/08/')).toMatch(
      /aria-label="Breadcrumb".*href="\/archive\/".*href="\/archive\/2024\/01\/"/s,
    );
  });

  it("links the front page's and other listings' day headings to their day pages, and the archive from the navigation", () => {
    const front = readPage(outDir, '/');
    expect(front).toMatch(/<h2[^>]*><a href="\/archive\/2024\/04\/19\/"[^>]*><time datetime="2024-04-19"/);
    expect(readPage(outDir, '/page/1/')).toContain('href="/archive/2024/01/');
    expect(readPage(outDir, '/sources/athens-news/')).toContain('href="/archive/2024/04/19/"');
    expect(readPage(outDir, '/tags/nato/')).toContain('href="/archive/2024/04/19/"');
    expect(front).toMatch(/<nav aria-label="Main".*<a href="\/archive\/"/s);
  });

  it('lists the archive pages in the sitemap', () => {
    const urls = sitemapUrls(outDir);
    for (const path of [
      '/archive/',
      '/archive/2024/04/',
      '/archive/2024/01/page/1/',
      '/archive/2024/04/19/',
      '/archive/2024/01/01/',
    ]) {
      expect(urls).toContain(`http://127.0.0.1:4321${path}`);
    }
  });
});

describe('archive links', () => {
  it('has no broken link, asset or fragment at the domain root', () => {
    const report = checkLinks(outDir, { base: '/', siteUrl: 'http://127.0.0.1:4321' });
    expect(formatProblems(report.problems)).toBe('');
    expect(brokenInternalLinks(outDir)).toEqual([]);
  });

  it('has none under BASE_PATH=/news/ either, with every archive link under the base', () => {
    const report = checkLinks(underNews.outDir, { base: '/news/', siteUrl: 'https://broadsheet.example' });
    expect(formatProblems(report.problems)).toBe('');
    const day = readPage(underNews.outDir, '/archive/2024/04/19/');
    expect(day).toContain(`href="/news${demoPath}"`);
    expect(day).toContain('href="/news/archive/2024/01/08/"');
    expect(readPage(underNews.outDir, '/')).toContain('href="/news/archive/2024/04/19/"');
    expect(readPage(underNews.outDir, '/archive/2024/01/')).toContain('href="/news/archive/2024/01/page/1/"');
    expect(sitemapUrls(underNews.outDir)).toContain('https://broadsheet.example/news/archive/2024/04/19/');
  });
});

describe('an incremental rebuild of the archive', () => {
  it('after an article lands in a month between two others, matches a clean build byte for byte', async () => {
    writeFiles(contentDir, {
      'articles/2024/02/february.md': [
        '---',
        "title: 'A story from February'",
        'date: 2024-02-14T10:00:00+02:00',
        'source: athens-news',
        '---',
        '',
        'It changes the neighbours of January and April.',
        '',
      ].join('\n'),
    });
    const rebuilt = await astroBuildInto(contentDir, outDir);
    expect(rebuilt.code, rebuilt.output).toBe(0);
    const copy = join(temporaryFolder('archive-clean'), 'content');
    cpSync(contentDir, copy, { recursive: true });
    const clean = await astroBuild(copy, temporaryFolder('archive-clean-out'));
    expect(clean.code, clean.output).toBe(0);
    // Pagefind's index is compared too: the archive pages must not change what search finds.
    expect(differingFiles(allFiles(outDir), allFiles(clean.outDir))).toEqual([]);
    expect(text('/archive/2024/04/')).toContain('Older month → February 2024');
    expect(text('/archive/2024/01/')).toContain('← Newer month February 2024');
    expect(text('/archive/2024/04/19/')).toContain('Older day → Wednesday, 14 February 2024');
  });
});
