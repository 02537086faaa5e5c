import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalServer, routes, startServer } from '../../support/local-server';
import { fixturesDir, readTree } from '../helpers';
import { type FetchRun, fetchQuietly, intakeFolder } from './harness';

const feedsDir = join(fixturesDir, 'feeds');
const fixture = (name: string) => readFileSync(join(feedsDir, name));

// Every fixture feed, served as outlets serve them (compressed, redirected, with or without a charset), each as the
// feed of its own source, in one run: the readable ones become articles, each broken one fails its own source only.
describe('one run over feeds of every format and every kind of breakage', () => {
  let server: LocalServer;
  let dir: string;
  let run: FetchRun;
  let written: Record<string, string>;

  const good = ['rss2', 'rdf', 'atom-html', 'atom-xhtml', 'json-feed', 'greek', 'undated', 'repeats'];
  const bad: Record<string, RegExp> = {
    malformed: /not well-formed|malformed|line \d+/i,
    xxe: /entit|DOCTYPE/i,
    'entity-bomb': /entit|DOCTYPE/i,
    'html-page': /HTML page, not a feed/,
    'json-wrong-types': /items|title|id/,
    'too-big': /5 MiB|too large|larger/i,
    'private-redirect': /private/,
    silent: /did not answer|timed? ?out/i,
  };

  beforeAll(async () => {
    const xml = { 'content-type': 'application/rss+xml' };
    server = await startServer(
      routes({
        '/rss2.xml': {
          headers: { ...xml, 'content-encoding': 'gzip' },
          body: gzipSync(fixture('rss2-content-encoded.xml')),
        },
        '/rdf.xml': { headers: { 'content-type': 'application/rdf+xml' }, body: fixture('rss1-rdf.xml') },
        '/old-atom': { status: 301, headers: { location: '/atom-html.xml' } },
        '/atom-html.xml': { headers: { 'content-type': 'application/atom+xml' }, body: fixture('atom-html.xml') },
        '/atom-xhtml.xml': { headers: { 'content-type': 'application/atom+xml' }, body: fixture('atom-xhtml.xml') },
        '/feed.json': { headers: { 'content-type': 'application/feed+json' }, body: fixture('json-feed-1.1.json') },
        // No charset in the header: the XML declaration says windows-1253.
        '/greek.xml': { headers: { 'content-type': 'text/xml' }, body: fixture('greek-windows-1253.xml') },
        '/undated.xml': { headers: xml, body: fixture('no-dates.xml') },
        '/repeats.xml': { headers: xml, body: fixture('duplicates.xml') },
        '/malformed.xml': { headers: xml, body: fixture('malformed.xml') },
        '/xxe.xml': { headers: xml, body: fixture('xxe.xml') },
        '/bomb.xml': { headers: xml, body: fixture('billion-laughs.xml') },
        '/home.html': { headers: { 'content-type': 'text/html' }, body: fixture('html-page.html') },
        '/wrong.json': {
          headers: { 'content-type': 'application/feed+json' },
          body: fixture('json-feed-wrong-types.json'),
        },
        '/huge.xml': { headers: xml, body: `<rss>${' '.repeat(6 * 1024 * 1024)}</rss>` },
        '/moved.xml': { status: 302, headers: { location: 'http://10.0.0.1/feed.xml' } },
        // A server that accepts the request and never answers: the client's timeout ends it.
        '/silent.xml': () => undefined,
      }),
    );
    const feeds: Record<string, string> = {
      rss2: '/rss2.xml',
      rdf: '/rdf.xml',
      'atom-html': '/old-atom',
      'atom-xhtml': '/atom-xhtml.xml',
      'json-feed': '/feed.json',
      greek: '/greek.xml',
      undated: '/undated.xml',
      repeats: '/repeats.xml',
      malformed: '/malformed.xml',
      xxe: '/xxe.xml',
      'entity-bomb': '/bomb.xml',
      'html-page': '/home.html',
      'json-wrong-types': '/wrong.json',
      'too-big': '/huge.xml',
      'private-redirect': '/moved.xml',
      silent: '/silent.xml',
    };
    dir = intakeFolder(Object.entries(feeds).map(([id, path]) => ({ id, feed: `${server.origin}${path}` })));
    const before = readTree(dir);
    run = await fetchQuietly(['--content', dir, '--remote-images']);
    written = Object.fromEntries(Object.entries(readTree(dir)).filter(([path]) => !(path in before)));
  });

  afterAll(async () => {
    await server?.close();
  });

  /** The articles written for one source. */
  const articlesOf = (id: string) =>
    Object.entries(written).filter(([path, text]) => path.endsWith('.md') && text.includes(`\nsource: '${id}'\n`));

  it('exits 1 because some sources failed, having written the others', () => {
    expect(run.code).toBe(1);
    for (const id of good) {
      expect(run.stdout, id).toMatch(new RegExp(`^${id}: \\d+ new articles?`, 'm'));
      expect(articlesOf(id).length, id).toBeGreaterThan(0);
    }
  });

  it('fails each broken feed with its reason and writes nothing for it', () => {
    for (const [id, reason] of Object.entries(bad)) {
      const line = run.stdout.split('\n').find((text) => text.startsWith(`${id}: `)) ?? '';
      expect(line, id).toMatch(/FAILED: /);
      expect(line, id).toMatch(reason);
      expect(articlesOf(id), id).toEqual([]);
    }
    expect(JSON.stringify(written)).not.toMatch(/root:x:0:0/);
  });

  it('reads the Greek feed from windows-1253 and keeps the offsets of dates', () => {
    const greek = articlesOf('greek')
      .map(([, text]) => text)
      .join('\n');
    expect(greek).toMatch(/[Α-Ωα-ω]{4,}/u);
    const rss = articlesOf('rss2')
      .map(([, text]) => text)
      .join('\n');
    expect(rss).toMatch(/\ndate: '\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}'\n/);
  });

  it('resolves xml:base relative links in Atom content to absolute addresses', () => {
    for (const id of ['atom-html', 'atom-xhtml']) {
      const text = articlesOf(id)
        .map(([, body]) => body)
        .join('\n');
      expect(text, id).toMatch(/\]\(https:\/\/[^)]+\)/);
      expect(text, id).not.toMatch(/\]\((?!https?:|mailto:)[^)]+\)/);
    }
  });

  it('takes an item that repeats within its feed once', () => {
    const titles = articlesOf('repeats').map(([, text]) => /\ntitle: '([^']+)'/.exec(text)?.[1]);
    expect(new Set(titles).size).toBe(titles.length);
  });

  it('writes a second run nothing', async () => {
    const before = readTree(dir);
    const again = await fetchQuietly(['--content', dir, '--remote-images']);
    expect(readTree(dir)).toEqual(before);
    for (const id of good) expect(again.stdout, id).toMatch(new RegExp(`^${id}: 0 new articles`, 'm'));
  });
});
