import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTree } from '../ingest/helpers';
import { fetchQuietly, intakeFolder, rssFeed, storyHtml } from '../ingest/intake/harness';
import { astroBuild, type BuildResult, readPage, temporaryFolder } from '../support/build';
import { type LocalServer, routes, startServer } from '../support/local-server';

// Intake's output is ordinary content: fetched from a feed, with its images downloaded from an HTTPS server, it
// builds in a real `astro build`, credits its source, and serves its images from the site itself.
describe('articles taken from a feed build', () => {
  let images: LocalServer;
  let feeds: LocalServer;
  let content: string;
  let build: BuildResult;
  let firstRun: Awaited<ReturnType<typeof fetchQuietly>>;

  beforeAll(async () => {
    const lead = await sharp({ create: { width: 800, height: 450, channels: 3, background: '#2d5f8b' } })
      .jpeg()
      .toBuffer();
    const figure = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#8b2d2d' } })
      .png()
      .toBuffer();
    images = await startServer(
      routes({
        '/lead.jpg': { headers: { 'content-type': 'image/jpeg' }, body: lead },
        '/figure.png': { headers: { 'content-type': 'image/png' }, body: figure },
      }),
      { tls: true },
    );
    const feed = rssFeed([
      {
        guid: 'bridge',
        link: 'https://harbour-news.example/news/bridge',
        title: 'Harbour bridge opens to traffic',
        date: 'Tue, 01 Dec 2026 09:30:00 +0200',
        html: `<p><img src="${images.origin}/lead.jpg" alt="The new bridge at dawn"></p>${storyHtml('The bridge')}<figure><img src="${images.origin}/figure.png" alt="A map of the new route"><figcaption>The route</figcaption></figure>${storyHtml('The route')}`,
      },
      {
        guid: 'ferries',
        link: 'https://harbour-news.example/news/ferries',
        title: 'Winter ferry timetable published',
        date: 'Wed, 02 Dec 2026 12:00:00 +0200',
      },
    ]);
    feeds = await startServer(
      routes({ '/feed.xml': { headers: { 'content-type': 'application/rss+xml' }, body: feed } }),
    );
    content = intakeFolder([{ id: 'harbour-news', feed: `${feeds.origin}/feed.xml` }]);
    firstRun = await fetchQuietly(['--content', content]);
    build = await astroBuild(content, temporaryFolder('intake-build'));
  });

  afterAll(async () => {
    await Promise.all([images?.close(), feeds?.close()]);
  });

  it('writes the articles and their images, and builds without errors', () => {
    expect(firstRun.stderr).toBe('');
    expect(firstRun.code).toBe(0);
    const folder = readdirSync(join(content, 'articles/2026/12/harbour-bridge-opens-to-traffic'));
    expect(folder.sort()).toEqual(
      [expect.stringMatching(/^[0-9a-f]{16}\.jpg$/), expect.stringMatching(/^[0-9a-f]{16}\.png$/)].sort(),
    );
    expect(build.code).toBe(0);
  });

  it('credits the source and serves the images from the site, optimised', () => {
    const html = readPage(build.outDir, '/articles/2026/12/harbour-bridge-opens-to-traffic/');
    expect(html).toContain('Harbour News');
    expect(html).toContain('https://harbour-news.example/news/bridge');
    const sources = [...html.matchAll(/<img\b[^>]*\bsrc="([^"]+)"/g)].map((match) => match[1] ?? '');
    expect(sources.length).toBeGreaterThanOrEqual(2);
    for (const src of sources) expect(src).toMatch(/^\/_astro\//);
    // The page never points a reader's browser at the image server.
    expect(html).not.toContain(images.origin.replace('https://', ''));
    expect(html).toMatch(/<img\b[^>]*\bsrcset="[^"]*\/_astro\//);
    expect(html).toMatch(/<img\b[^>]*\bwidth="\d+"[^>]*\bheight="\d+"/);
  });

  it('writes nothing on a second run over unchanged feeds', async () => {
    const before = readTree(content);
    const again = await fetchQuietly(['--content', content]);
    expect(again.code).toBe(0);
    expect(readTree(content)).toEqual(before);
    expect(again.stdout).toContain('harbour-news: 0 new articles, 2 already known');
  });
});
