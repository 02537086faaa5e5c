import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkLinks, formatProblems, type LinkReport } from '../../tools/check-links';
import { astroBuild, type BuildResult, htmlFiles, readPage, temporaryFolder, writeFiles } from '../support/build';
import { linkFixtureFiles } from './link-fixture';

// Two real builds of one fixture folder: at the domain root with the default SITE_URL, then under /news/ for
// https://example.org. They run one after the other on purpose: the second reuses the first one's content cache,
// which must not keep links rendered for the old base.

const site = 'https://example.org';
let atRoot: BuildResult;
let underNews: BuildResult;
let rootReport: LinkReport;
let newsReport: LinkReport;

beforeAll(async () => {
  const content = temporaryFolder('links-content');
  writeFiles(content, linkFixtureFiles());
  atRoot = await astroBuild(content, temporaryFolder('links-root'));
  underNews = await astroBuild(content, temporaryFolder('links-news'), { BASE_PATH: '/news/', SITE_URL: site });
  if (atRoot.code === 0) rootReport = checkLinks(atRoot.outDir, { base: '/', siteUrl: 'http://127.0.0.1:4321' });
  if (underNews.code === 0) newsReport = checkLinks(underNews.outDir, { base: '/news/', siteUrl: site });
});

describe('link integrity at the domain root', () => {
  it('builds', () => {
    expect(atRoot.code, atRoot.output).toBe(0);
  });
  it('has no broken link, asset or fragment', () => {
    expect(formatProblems(rootReport.problems)).toBe('');
  });
  it('checked the links and fragments it was meant to', () => {
    // 23 articles link to each other, to listings and to their fragments; a checker that found none would be broken.
    expect(rootReport.internalLinks).toBeGreaterThan(500);
    expect(rootReport.fragments).toBeGreaterThanOrEqual(6);
  });
});

describe('link integrity under BASE_PATH=/news/ with SITE_URL set', () => {
  it('builds', () => {
    expect(underNews.code, underNews.output).toBe(0);
  });
  it('has no broken link, asset or fragment, and no URL that points at this machine', () => {
    expect(formatProblems(newsReport.problems)).toBe('');
    expect(newsReport.internalLinks).toBeGreaterThan(500);
  });
  it('rewrites links written in Markdown bodies for the base, with fragments that reach their targets', () => {
    const first = readPage(underNews.outDir, '/articles/2024/04/first/');
    for (const href of [
      '/news/articles/2024/04/second/',
      '/news/articles/2024/04/second/#user-content-the-quote',
      '/news/sources/beta/',
      '/news/tags/nato/page/1/',
      '/news/tags/ukraine/',
      '#user-content-background',
      '#user-content-fn-1',
    ]) {
      expect(first).toContain(`href="${href}"`);
    }
    expect(readPage(underNews.outDir, '/articles/2024/04/second/')).toContain(
      'href="/news/articles/2024/04/first/#user-content-background"',
    );
  });
  it('leaves no root-relative URL outside the base in any page', () => {
    const outside: string[] = [];
    const files = htmlFiles(underNews.outDir);
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const html = readFileSync(join(underNews.outDir, file), 'utf8');
      for (const match of html.matchAll(/\s(?:href|src|action|poster)="(\/(?!\/)[^"]*)"/g)) {
        if (!match[1]?.startsWith('/news/')) outside.push(`${file}: ${match[1]}`);
      }
    }
    expect(outside).toEqual([]);
  });
  it('serves pages that were built at the root under /news/ without leaking the root build', () => {
    expect(readPage(atRoot.outDir, '/articles/2024/04/first/')).toContain(
      'href="/articles/2024/04/second/#user-content-the-quote"',
    );
    expect(readPage(atRoot.outDir, '/articles/2024/04/first/')).not.toContain('/news/');
  });
  it('points absolute URLs at SITE_URL under the base', () => {
    // beta is `indexing: canonical`, so its article points at its sourceUrl; every other absolute URL on our origin
    // (canonical, Open Graph, feeds, sitemap) is checked by checkLinks above. Here: the origin appears at all.
    const everything = htmlFiles(underNews.outDir)
      .map((file) => readFileSync(join(underNews.outDir, file), 'utf8'))
      .join('\n');
    expect(everything).not.toMatch(/https?:\/\/(localhost|127\.0\.0\.1)/);
  });
});
