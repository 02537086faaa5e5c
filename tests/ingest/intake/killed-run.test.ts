import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { splitMarkdown } from '../../../src/lib/frontmatter';
import { projectRoot } from '../../support/build';
import { type LocalServer, routes, startServer, TEST_CA_FILE } from '../../support/local-server';
import { readTree } from '../helpers';
import { fetchQuietly, intakeFolder, rssFeed, storyHtml } from './harness';

const servers: LocalServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
});

/** Waits until `check` holds, polling; fails after `limitMs`. */
async function until(check: () => boolean, limitMs: number): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > limitMs) throw new Error('gave up waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

// A run killed half-way (SIGKILL, as a cancelled CI job or a full disk would end it) leaves only whole files, and
// the next run completes the work without taking anything twice.
describe('a killed run', () => {
  it('leaves whole files only, and the next run completes without duplicates', async () => {
    const picture = await sharp({ create: { width: 320, height: 200, channels: 3, background: '#446688' } })
      .png()
      .toBuffer();
    const held: ServerResponse[] = [];
    let holding = true;
    const images = await startServer(
      routes({
        '/first.png': { headers: { 'content-type': 'image/png' }, body: picture },
        // The second article's image does not come while the first run lives: the run is killed waiting for it.
        '/second.png': (_request, response) => {
          if (holding) {
            held.push(response);
            return;
          }
          response.writeHead(200, { 'content-type': 'image/png' });
          response.end(picture);
        },
        '/third.png': { headers: { 'content-type': 'image/png' }, body: picture },
      }),
      { tls: true },
    );
    servers.push(images);
    const item = (name: string, hour: number) => ({
      guid: name,
      link: `https://outlet.example/news/${name}`,
      title: `The ${name} story of the day`,
      date: `Tue, 01 Dec 2026 ${String(hour).padStart(2, '0')}:00:00 GMT`,
      html: `${storyHtml(`The ${name} story`)}<p><img src="${images.origin}/${name}.png" alt="Picture of the ${name} story"></p>`,
    });
    // Newest first: first (12:00), second (11:00), third (10:00).
    const feed = rssFeed([item('third', 10), item('second', 11), item('first', 12)]);
    const feeds = await startServer(
      routes({ '/feed.xml': { headers: { 'content-type': 'application/rss+xml' }, body: feed } }),
    );
    servers.push(feeds);
    const dir = intakeFolder([{ id: 'outlet', feed: `${feeds.origin}/feed.xml` }]);
    const articles = join(dir, 'articles/2026/12');

    const child = spawn(
      process.execPath,
      [join(projectRoot, 'node_modules/tsx/dist/cli.mjs'), 'tools/ingest/fetch.ts', '--content', dir],
      {
        cwd: projectRoot,
        detached: true,
        stdio: 'ignore',
        env: { ...process.env, BROADSHEET_FETCH_ALLOW_LOOPBACK: '1', NODE_EXTRA_CA_CERTS: TEST_CA_FILE },
      },
    );
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => resolve(signal)),
    );
    await until(() => held.length > 0, 20_000);
    process.kill(-(child.pid ?? 0), 'SIGKILL');
    expect(await exited).toBe('SIGKILL');

    // The first article and its image are whole; nothing else was written, and no temporary file is left in sight.
    expect(readdirSync(articles).sort()).toEqual(['the-first-story-of-the-day', 'the-first-story-of-the-day.md']);
    const first = readTree(dir)['articles/2026/12/the-first-story-of-the-day.md'] ?? '';
    expect(splitMarkdown(first).data['title']).toBe('The first story of the day');
    expect(first.endsWith('\n')).toBe(true);
    expect(existsSync(join(dir, '.partial'))).toBe(false);

    holding = false;
    for (const response of held) response.destroy();
    const next = await fetchQuietly(['--content', dir]);
    expect(next.code).toBe(0);
    expect(next.stdout).toContain('outlet: 2 new articles, 2 image(s), 1 already known');
    expect(
      readdirSync(articles)
        .filter((name) => name.endsWith('.md'))
        .sort(),
    ).toEqual(['the-first-story-of-the-day.md', 'the-second-story-of-the-day.md', 'the-third-story-of-the-day.md']);
    // Each article has exactly its own image folder with one picture.
    for (const name of ['first', 'second', 'third']) {
      expect(readdirSync(join(articles, `the-${name}-story-of-the-day`))).toHaveLength(1);
    }
  }, 60_000);
});
