import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { temporaryFolder } from '../../support/build';
import { type LocalServer, routes, startServer } from '../../support/local-server';
import { readTree } from '../helpers';
import { fetchQuietly, intakeFolder, rssFeed, storyHtml } from './harness';

const servers: LocalServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function serve(...args: Parameters<typeof startServer>): Promise<LocalServer> {
  const server = await startServer(...args);
  servers.push(server);
  return server;
}

/** The article files under `articles/` (not the fixture's own), by path. */
function newArticles(dir: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(readTree(join(dir, 'articles'))).filter(([path]) => !path.startsWith('2024/03/ferry-strike-ends')),
  );
}

function state(dir: string): { sources: Record<string, { etag?: string; retryAfter?: string; seen: object }> } {
  return JSON.parse(readFileSync(join(dir, 'intake-state.json'), 'utf8'));
}

const THREE_ITEMS = rssFeed([
  {
    guid: 'harbour-1',
    link: 'https://outlet.example/news/harbour-bridge?utm_source=rss',
    title: 'Harbour bridge approved',
    date: 'Tue, 01 Dec 2026 09:30:00 +0200',
  },
  {
    guid: 'ferry-2',
    link: 'https://outlet.example/news/new-ferry-line',
    title: 'New ferry line to the islands',
    date: 'Wed, 02 Dec 2026 18:05:00 +0200',
  },
  {
    guid: 'museum-3',
    link: 'https://outlet.example/news/museum-reopens',
    title: 'Museum reopens after repairs',
    date: 'Thu, 03 Dec 2026 07:00:00 +0200',
  },
]);

describe('npm run fetch writes each new item once', () => {
  it('writes one article per item with the importer front matter, then a 304 writes nothing', async () => {
    const server = await serve(
      routes({
        '/feed.xml': (request, response) => {
          if (request.headers['if-none-match'] === '"v1"') {
            response.writeHead(304);
            response.end();
            return;
          }
          response.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"' });
          response.end(THREE_ITEMS);
        },
      }),
    );
    const dir = intakeFolder([{ id: 'outlet', feed: `${server.origin}/feed.xml` }]);
    const first = await fetchQuietly(['--content', dir]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const written = newArticles(dir);
    expect(Object.keys(written).sort()).toEqual([
      '2026/12/harbour-bridge-approved.md',
      '2026/12/museum-reopens-after-repairs.md',
      '2026/12/new-ferry-line-to-the-islands.md',
    ]);
    const harbour = written['2026/12/harbour-bridge-approved.md'] ?? '';
    expect(harbour).toMatch(
      /^---\ntitle: 'Harbour bridge approved'\ndate: '2026-12-01T09:30:00\+02:00'\nsource: 'outlet'\n/,
    );
    // The tracking parameter is gone from the credited address.
    expect(harbour).toContain("sourceUrl: 'https://outlet.example/news/harbour-bridge'\n");
    expect(harbour).toContain('Harbour bridge approved was confirmed on Tuesday');
    expect(first.stdout).toContain('outlet: 3 new articles, 0 already known');
    expect(state(dir).sources['outlet']?.etag).toBe('"v1"');
    expect(Object.keys(state(dir).sources['outlet']?.seen ?? {}).sort()).toEqual(['ferry-2', 'harbour-1', 'museum-3']);

    const before = readTree(dir);
    const second = await fetchQuietly(['--content', dir]);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('outlet: unchanged (304)');
    expect(readTree(dir)).toEqual(before);
    expect(server.requests.at(-1)?.headers['if-none-match']).toBe('"v1"');
  });

  it('leaves the article index alone when no feed changed, and sees a hand-added article once one has', async () => {
    let version = 'v1';
    let body = THREE_ITEMS;
    const server = await serve(
      routes({
        '/feed.xml': (request, response) => {
          if (request.headers['if-none-match'] === `"${version}"`) {
            response.writeHead(304);
            response.end();
            return;
          }
          response.writeHead(200, { 'content-type': 'application/rss+xml', etag: `"${version}"` });
          response.end(body);
        },
      }),
    );
    const dir = intakeFolder([{ id: 'outlet', feed: `${server.origin}/feed.xml` }]);
    expect((await fetchQuietly(['--content', dir])).code).toBe(0);
    writeFileSync(
      join(dir, 'articles/2026/12/by-hand.md'),
      "---\ntitle: 'Written by hand'\ndate: 2026-12-03\nsource: outlet\nsourceUrl: 'https://outlet.example/news/by-hand'\n---\n\nText.\n",
    );
    const index = () => readTree(join(dir, 'article-index'));
    const before = index();
    const unchanged = await fetchQuietly(['--content', dir]);
    expect(unchanged.stdout).toContain('outlet: unchanged (304)');
    expect(index()).toEqual(before);
    // The feed now lists the hand-written story under a new id: it is known by its address, and the index learns it.
    version = 'v2';
    body = rssFeed([
      {
        guid: 'by-hand-4',
        link: 'https://outlet.example/news/by-hand',
        title: 'Written by the outlet',
        date: 'Thu, 03 Dec 2026 12:00:00 +0200',
      },
    ]);
    const changed = await fetchQuietly(['--content', dir]);
    expect(changed.code).toBe(0);
    expect(changed.stdout).toContain('outlet: 0 new articles, 1 already known');
    expect(Object.keys(newArticles(dir))).toHaveLength(4);
    expect(index()['paths/2026%2F12.jsonl']).toContain('"by-hand.md"');
  });

  it('remembers taken items when the server ignores conditional requests', async () => {
    const server = await serve(
      routes({ '/feed.xml': { headers: { 'content-type': 'application/rss+xml' }, body: THREE_ITEMS } }),
    );
    const dir = intakeFolder([{ id: 'outlet', feed: `${server.origin}/feed.xml` }]);
    expect((await fetchQuietly(['--content', dir])).code).toBe(0);
    const before = readTree(dir);
    const second = await fetchQuietly(['--content', dir]);
    expect(second.stdout).toContain('outlet: 0 new articles, 3 already known');
    expect(readTree(dir)).toEqual(before);
  });

  it('takes an item once when it repeats within a feed, across feeds, or is already in the content folder', async () => {
    const ferry = readFileSync(join(intakeFolder([]), 'articles/2024/03/ferry-strike-ends.md'), 'utf8');
    const existingUrl = /sourceUrl: '([^']+)'/.exec(ferry)?.[1];
    expect(existingUrl).toBeDefined();
    const first = rssFeed([
      {
        guid: 'a-1',
        link: 'https://outlet.example/a',
        title: 'Storm closes schools',
        date: 'Tue, 01 Dec 2026 09:00:00 GMT',
      },
      // The same id again, and the same address under another id.
      {
        guid: 'a-1',
        link: 'https://outlet.example/a',
        title: 'Storm closes schools',
        date: 'Tue, 01 Dec 2026 09:00:00 GMT',
      },
      {
        guid: 'a-1-again',
        link: 'https://outlet.example/a',
        title: 'Storm closes schools (updated)',
        date: 'Tue, 01 Dec 2026 10:00:00 GMT',
      },
      // An article the folder already has (the importer's duplicate rule).
      { guid: 'old', link: existingUrl ?? '', title: 'Ferry strike ends', date: 'Fri, 01 Mar 2024 09:00:00 GMT' },
    ]);
    // A second outlet republishes the first one's story at the same original address.
    const second = rssFeed([
      {
        guid: 'b-9',
        link: 'https://outlet.example/a',
        title: 'Storm closes schools',
        date: 'Tue, 01 Dec 2026 11:00:00 GMT',
      },
    ]);
    const server = await serve(
      routes({
        '/one.xml': { headers: { 'content-type': 'application/rss+xml' }, body: first },
        '/two.xml': { headers: { 'content-type': 'application/rss+xml' }, body: second },
      }),
    );
    const dir = intakeFolder([
      { id: 'outlet-one', feed: `${server.origin}/one.xml` },
      { id: 'outlet-two', feed: `${server.origin}/two.xml` },
    ]);
    const run = await fetchQuietly(['--content', dir]);
    expect(run.code).toBe(0);
    const written = newArticles(dir);
    expect(Object.keys(written)).toHaveLength(1);
    expect(Object.values(written).join('')).toContain("sourceUrl: 'https://outlet.example/a'");
  });
});

describe('one broken source never stops the others', () => {
  it('writes the good sources, reports each failure with its reason, and exits 1', async () => {
    const server = await serve(
      routes({
        '/good.xml': { headers: { 'content-type': 'application/rss+xml' }, body: THREE_ITEMS },
        '/error.xml': { status: 500, body: 'oops' },
        '/broken.xml': { headers: { 'content-type': 'application/rss+xml' }, body: '<rss><channel><item></channel>' },
      }),
    );
    const summary = join(temporaryFolder('summary'), 'summary.md');
    const dir = intakeFolder([
      { id: 'good', feed: `${server.origin}/good.xml` },
      { id: 'erroring', feed: `${server.origin}/error.xml` },
      { id: 'broken', feed: `${server.origin}/broken.xml` },
      { id: 'metadata', feed: 'http://169.254.169.254/latest/meta-data/' },
    ]);
    const run = await fetchQuietly(['--content', dir], { GITHUB_STEP_SUMMARY: summary });
    expect(run.code).toBe(1);
    expect(Object.keys(newArticles(dir))).toHaveLength(3);
    expect(run.stdout).toContain('good: 3 new articles');
    expect(run.stdout).toMatch(/erroring: FAILED: .*500/);
    expect(run.stdout).toMatch(/broken: FAILED: /);
    expect(run.stdout).toMatch(/metadata: FAILED: .*private/);
    const markdown = readFileSync(summary, 'utf8');
    expect(markdown).toContain('## Feed intake');
    expect(markdown).toMatch(/\| Good \(`good`\) \| 3 new articles/);
    expect(markdown).toContain('`articles/2026/12/harbour-bridge-approved.md`');
  });

  it('refuses loopback addresses unless the testing switch is on', async () => {
    const server = await serve(
      routes({ '/feed.xml': { headers: { 'content-type': 'application/rss+xml' }, body: THREE_ITEMS } }),
    );
    const dir = intakeFolder([{ id: 'outlet', feed: `${server.origin}/feed.xml` }]);
    const run = await fetchQuietly(['--content', dir], { BROADSHEET_FETCH_ALLOW_LOOPBACK: '0' });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/outlet: FAILED: .*127\.0\.0\.1/);
    expect(server.requests).toHaveLength(0);
    expect(newArticles(dir)).toEqual({});
  });
});

describe('Retry-After is honoured and remembered', () => {
  it('skips the source until the time the server gave, without asking again', async () => {
    let busy = true;
    const server = await serve(
      routes({
        '/feed.xml': (_request, response) => {
          if (busy) {
            response.writeHead(429, { 'retry-after': '3600' });
            response.end();
            return;
          }
          response.writeHead(200, { 'content-type': 'application/rss+xml' });
          response.end(THREE_ITEMS);
        },
      }),
    );
    const dir = intakeFolder([{ id: 'outlet', feed: `${server.origin}/feed.xml` }]);
    // The client reads Retry-After against the real clock, so the run's clock starts from it too.
    const start = Date.now();
    const first = await fetchQuietly(['--content', dir], {}, new Date(start));
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/outlet: skipped: the server answered 429 and asked to wait until \d{4}-/);
    const until = Date.parse(state(dir).sources['outlet']?.retryAfter ?? '');
    expect(Math.abs(until - (start + 3600_000))).toBeLessThan(60_000);
    busy = false;
    const second = await fetchQuietly(['--content', dir], {}, new Date(start + 1800_000));
    expect(second.stdout).toMatch(/outlet: skipped: the server asked to wait until \d{4}-/);
    expect(server.requests).toHaveLength(1);
    const third = await fetchQuietly(['--content', dir], {}, new Date(start + 3900_000));
    expect(third.stdout).toContain('outlet: 3 new articles');
    expect(state(dir).sources['outlet']?.retryAfter).toBeUndefined();
  });
});

describe('the command line', () => {
  it('--max takes the newest items first, --draft marks them, --dry-run writes nothing', async () => {
    const server = await serve(
      routes({ '/feed.xml': { headers: { 'content-type': 'application/rss+xml' }, body: THREE_ITEMS } }),
    );
    const dir = intakeFolder([{ id: 'outlet', feed: `${server.origin}/feed.xml` }]);
    const before = readTree(dir);
    const dry = await fetchQuietly(['--content', dir, '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('Would write articles/2026/12/museum-reopens-after-repairs.md (outlet)');
    expect(readTree(dir)).toEqual(before);
    expect(existsSync(join(dir, 'intake-state.json'))).toBe(false);

    const run = await fetchQuietly(['--content', dir, '--max', '1', '--draft']);
    expect(run.code).toBe(0);
    const written = newArticles(dir);
    expect(Object.keys(written)).toEqual(['2026/12/museum-reopens-after-repairs.md']);
    expect(written['2026/12/museum-reopens-after-repairs.md']).toContain('\ndraft: true\n');
    expect(run.stdout).toContain('2 more new item(s) left for the next run (limit 1)');
    // The two left over are still new next time.
    const next = await fetchQuietly(['--content', dir]);
    expect(next.stdout).toContain('outlet: 2 new articles, 1 already known');
  });

  it('applies a source’s feedLimit and feedTags', async () => {
    const server = await serve(
      routes({ '/feed.xml': { headers: { 'content-type': 'application/rss+xml' }, body: THREE_ITEMS } }),
    );
    const dir = intakeFolder([
      { id: 'outlet', feed: `${server.origin}/feed.xml`, extra: 'feedLimit: 2\nfeedTags: [greece]\n' },
    ]);
    await fetchQuietly(['--content', dir]);
    const written = newArticles(dir);
    expect(Object.keys(written).sort()).toEqual([
      '2026/12/museum-reopens-after-repairs.md',
      '2026/12/new-ferry-line-to-the-islands.md',
    ]);
    for (const text of Object.values(written)) expect(text).toMatch(/\ntags: \[.*'greece'.*\]\n/);
  });

  it('--source fetches only the named sources', async () => {
    const server = await serve(
      routes({
        '/one.xml': { headers: { 'content-type': 'application/rss+xml' }, body: THREE_ITEMS },
        '/two.xml': { headers: { 'content-type': 'application/rss+xml' }, body: THREE_ITEMS },
      }),
    );
    const dir = intakeFolder([
      { id: 'outlet-one', feed: `${server.origin}/one.xml` },
      { id: 'outlet-two', feed: `${server.origin}/two.xml` },
    ]);
    const run = await fetchQuietly(['--content', dir, '--source', 'outlet-two']);
    expect(run.code).toBe(0);
    expect(server.requests.map((request) => request.path)).toEqual(['/two.xml']);
  });

  it('exits 2 for usage errors, naming the problem', async () => {
    const dir = intakeFolder([]);
    const cases: [string[], RegExp][] = [
      [['--content', dir, '--source', 'nobody'], /--source "nobody" is not a known source/],
      [['--content', dir, '--source', 'reuters'], /--source "reuters" has no feed: add feed:/],
      [['--content', dir, '--max', '0'], /--max "0" is not a whole number of at least 1/],
      [['--content', dir, '--fast'], /Unknown option '--fast'/],
      [['--content', join(dir, 'missing')], /does not exist/],
    ];
    for (const [args, message] of cases) {
      const run = await fetchQuietly(args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(message);
    }
  });

  it('reports a source file with a wrong intake field as the content problem it is', async () => {
    const dir = intakeFolder([{ id: 'outlet', feed: 'https://outlet.example/feed', extra: 'fullText: sometimes\n' }]);
    const run = await fetchQuietly(['--content', dir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/sources\/outlet\.yaml is not a valid source: fullText must be true or false/);
  });
});

describe('items without dates and teaser feeds', () => {
  it('dates an undated item when it was fetched, and says that a feed carries only teasers', async () => {
    const feed = rssFeed([
      { guid: 'x', link: 'https://outlet.example/x', title: 'Night trains return', html: '<p>Short teaser.</p>' },
    ]);
    const server = await serve(routes({ '/feed.xml': { headers: { 'content-type': 'text/xml' }, body: feed } }));
    const dir = intakeFolder([{ id: 'outlet', feed: `${server.origin}/feed.xml` }]);
    const run = await fetchQuietly(['--content', dir], {}, new Date('2026-12-03T10:00:00Z'));
    expect(run.code).toBe(0);
    const text = newArticles(dir)['2026/12/night-trains-return.md'] ?? '';
    expect(text).toContain("date: '2026-12-03T10:00:00+00:00'");
    expect(run.stdout).toContain('the feed gives no date: dated 2026-12-03T10:00:00+00:00');
    expect(run.stdout).toMatch(/the feed carries only \d+ characters of text: a teaser/);
  });
});

describe('full text', () => {
  it('reads the whole story from the page, honours robots.txt, and falls back to the feed text', async () => {
    const page = (title: string) =>
      `<!doctype html><html lang="en"><head><title>${title}</title><meta property="og:title" content="${title}"></head><body><article><h1>${title}</h1>${storyHtml(`${title} in full`)}${storyHtml('More of it')}</article></body></html>`;
    const server = await serve(
      routes({
        '/robots.txt': { headers: { 'content-type': 'text/plain' }, body: 'User-agent: *\nDisallow: /private/\n' },
        '/news/open': { headers: { 'content-type': 'text/html; charset=utf-8' }, body: page('Open story') },
        '/private/closed': { headers: { 'content-type': 'text/html' }, body: page('Closed story') },
      }),
    );
    const feed = rssFeed([
      {
        guid: 'o',
        link: `${server.origin}/news/open`,
        title: 'Open story',
        date: 'Tue, 01 Dec 2026 09:00:00 GMT',
        html: '<p>Teaser one.</p>',
      },
      {
        guid: 'c',
        link: `${server.origin}/private/closed`,
        title: 'Closed story',
        date: 'Tue, 01 Dec 2026 08:00:00 GMT',
        html: '<p>Teaser two.</p>',
      },
    ]);
    const feedServer = await serve(
      routes({ '/feed.xml': { headers: { 'content-type': 'application/rss+xml' }, body: feed } }),
    );
    const dir = intakeFolder([{ id: 'outlet', feed: `${feedServer.origin}/feed.xml`, extra: 'fullText: true\n' }]);
    const run = await fetchQuietly(['--content', dir]);
    expect(run.code).toBe(0);
    const written = newArticles(dir);
    expect(written['2026/12/open-story.md']).toContain('Open story in full was confirmed');
    expect(written['2026/12/closed-story.md']).toContain('Teaser two.');
    expect(run.stdout).toMatch(/"Closed story": kept the feed's text; .*robots\.txt/);
    expect(server.requests.map((request) => request.path)).not.toContain('/private/closed');
    expect(server.requests[0]?.headers['user-agent']).toMatch(/^Broadsheet\//);
  });
});

describe('the state file', () => {
  it('is a small sorted JSON file that a damaged copy of fails clearly', async () => {
    const dir = intakeFolder([]);
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dir, 'intake-state.json'), '{ not json');
    const run = await fetchQuietly(['--content', dir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/intake-state\.json is not valid JSON .*Restore it from git, or delete it/);
    expect(readdirSync(dir)).not.toContain('.partial');
  });
});
