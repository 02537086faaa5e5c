import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { SyntaxValidator } from 'fast-xml-validator';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  astroBuild,
  type BuildResult,
  brokenInternalLinks,
  htmlFiles,
  readPage,
  TINY_PNG,
  temporaryFolder,
  writeFiles,
} from '../support/build';
import { feedXmlParser } from '../support/feed-xml';

// One real build of fixture content for the feeds: 53 published articles (so the site feed and the `everything` topic
// stop at 50), a source with none, a draft, and one article with a hostile title, a control character, a numeric
// byline and images in the content folder.

const SITE = 'http://127.0.0.1:4321';
const TOTAL = 53;

/** The day of article `n`: article 1 is the newest. */
const dayOf = (n: number) => new Date(Date.UTC(2024, 5, 30) - n * 86_400_000).toISOString().slice(0, 10);
const itemId = (n: number) => `2024/item-${String(n).padStart(2, '0')}`;
const itemUrl = (n: number) => `${SITE}/articles/${itemId(n)}/`;

function fixture(dir: string): void {
  const files: Record<string, string> = {
    'sources/alpha.yaml':
      'name: Alpha Daily\nurl: https://www.alpha.example/\ndescription: The first outlet\nlanguage: en\nindexing: index\n',
    'sources/beta.yaml': 'name: Beta & Sons\nurl: https://beta.example/\nindexing: canonical\n',
    'sources/gamma.yaml': 'name: Gamma Wire\nurl: https://gamma.example/\n',
    'articles/2024/secret.md':
      "---\ntitle: 'DRAFTHEADLINE'\ndate: 2024-07-01\nsource: gamma\ntags: [everything]\ndraft: true\n---\n\nDRAFTBODY\n",
  };
  for (let n = 2; n <= TOTAL; n += 1) {
    const source = n % 2 === 0 ? 'alpha' : 'beta';
    const tags = n === 3 ? '[everything, rare]' : '[everything]';
    files[`articles/${itemId(n)}.md`] =
      `---\ntitle: 'Item ${n} headline'\ndate: ${dayOf(n)}\nsource: ${source}\nsourceUrl: 'https://${source}.example/story/${n}'\ntags: ${tags}\n---\n\nParagraph of item ${n}, with [a link to the first](/articles/${itemId(1)}/).\n`;
  }
  files[`articles/${itemId(1)}.md`] = [
    '---',
    `title: 'Tom & "Jerry" </title><script>alert(1)</script>'`,
    `date: ${dayOf(1)}T09:30:00+03:00`,
    `updated: ${dayOf(1)}T12:00:00+03:00`,
    'source: alpha',
    "author: ['007', 'Jane & Roe']",
    'via: [beta]',
    'tags: [Everything, Q&A]',
    'image: { src: ./lead.png, alt: A lead image }',
    '---',
    '',
    'Bell \u0007 rings. See [the topic](/tags/everything/) and a note.[^1]',
    '',
    '![A body image](./lead.png)',
    '',
    '[^1]: The note.',
    '',
  ].join('\n');
  writeFiles(dir, files);
  writeFileSync(join(dir, 'articles/2024/lead.png'), TINY_PNG);
}

let build: BuildResult;

function file(path: string): string {
  return readFileSync(join(build.outDir, path), 'utf8');
}

/** Parses an XML file, failing the test when it is not well-formed. */
function xml(path: string): Record<string, any> {
  const text = file(path);
  try {
    SyntaxValidator.validate(text);
  } catch (error) {
    throw new Error(`${path} is not well-formed XML: ${String(error)}`);
  }
  return feedXmlParser.parse(text) as Record<string, any>;
}

/** Every feed file in the build, relative to it. */
function feedFiles(): string[] {
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (['rss.xml', 'atom.xml', 'feed.json'].includes(name))
        found.push(relative(build.outDir, path).split('\\').join('/'));
    }
  };
  walk(build.outDir);
  return found.sort();
}

/** Checks one feed against its format's required elements and returns its item ids, in order. */
function checkFeed(path: string): string[] {
  if (path.endsWith('rss.xml')) {
    const { rss } = xml(path);
    expect(rss['@version'], path).toBe('2.0');
    for (const field of ['title', 'link', 'description'])
      expect(rss.channel[field], `${path} channel ${field}`).toBeTruthy();
    const items: any[] = rss.channel.item ?? [];
    for (const item of items) {
      expect(item.guid['#text'], path).toBe(item.link);
      expect(item.title && item.pubDate && item['content:encoded'], path).toBeTruthy();
    }
    return items.map((item) => item.guid['#text']);
  }
  if (path.endsWith('atom.xml')) {
    const { feed } = xml(path);
    expect(feed['@xmlns'], path).toBe('http://www.w3.org/2005/Atom');
    expect(feed.id, path).toBe(`${SITE}/${path}`);
    expect(feed.title['#text'], path).toBeTruthy();
    expect(Number.isNaN(Date.parse(feed.updated)), path).toBe(false);
    const entries: any[] = feed.entry ?? [];
    for (const entry of entries) {
      expect(entry.id && entry.title['#text'] && entry.author.length > 0 && entry.content['#text'], path).toBeTruthy();
      expect(Number.isNaN(Date.parse(entry.updated)), path).toBe(false);
      expect(entry.link.find((link: any) => link['@rel'] === 'alternate')['@href'], path).toBe(entry.id);
    }
    return entries.map((entry) => entry.id);
  }
  const json = JSON.parse(file(path));
  expect(json.version, path).toBe('https://jsonfeed.org/version/1.1');
  expect(json.title, path).toBeTruthy();
  expect(json.feed_url, path).toBe(`${SITE}/${path}`);
  for (const item of json.items)
    expect(typeof item.id === 'string' && typeof item.content_html === 'string', path).toBe(true);
  return json.items.map((item: { id: string }) => item.id);
}

function headLinks(path: string): { rel: string; type: string; href: string }[] {
  const links: { rel: string; type: string; href: string }[] = [];
  visit(fromHtml(readPage(build.outDir, path)), 'element', (node: Element) => {
    if (node.tagName !== 'link') return;
    const rel = node.properties['rel'];
    links.push({
      rel: Array.isArray(rel) ? rel.join(' ') : String(rel),
      type: String(node.properties['type'] ?? ''),
      href: String(node.properties['href']),
    });
  });
  return links.filter((link) => link.rel === 'alternate');
}

const newest = (count: number) => Array.from({ length: count }, (_, index) => itemUrl(index + 1));
const topicScopes = ['everything', 'q-and-a', 'rare'];
const sourceScopes = ['alpha', 'beta', 'gamma'];
const allFeeds = [
  '',
  ...sourceScopes.map((id) => `sources/${id}/`),
  ...topicScopes.map((slug) => `tags/${slug}/`),
].flatMap((prefix) => ['rss.xml', 'atom.xml', 'feed.json'].map((name) => `${prefix}${name}`));

beforeAll(async () => {
  const contentDir = temporaryFolder('feeds');
  fixture(contentDir);
  build = await astroBuild(contentDir, temporaryFolder('feeds-out'));
  if (build.code !== 0) throw new Error(`the feeds build failed:\n${build.output}`);
});

describe('feeds of a built site', () => {
  it('writes three feeds for the site, each source and each topic, and nothing else named like a feed', () => {
    expect(feedFiles()).toEqual([...allFeeds].sort());
  });

  it('gives every feed its format’s required elements, well-formed', () => {
    for (const path of allFeeds) checkFeed(path);
  });

  it('carries the newest 50 articles, newest first, with the article address as id, in every format', () => {
    for (const name of ['rss.xml', 'atom.xml', 'feed.json']) {
      expect(checkFeed(name), name).toEqual(newest(50));
      expect(checkFeed(`tags/everything/${name}`), name).toEqual(newest(50));
    }
    expect(checkFeed('sources/beta/rss.xml')).toEqual(
      newest(TOTAL).filter((_, index) => (index + 1) % 2 === 1 && index > 0),
    );
    expect(checkFeed('tags/rare/atom.xml')).toEqual([itemUrl(3)]);
    expect(checkFeed('sources/gamma/feed.json')).toEqual([]);
  });

  it('never carries a draft', () => {
    for (const path of allFeeds) expect(file(path), path).not.toMatch(/DRAFT/);
  });

  it('wins over the listing routes: /sources/<id>/rss.xml is a feed and the listing pages are still built', () => {
    expect(file('sources/alpha/rss.xml').startsWith('<?xml')).toBe(true);
    expect(file('tags/everything/feed.json').startsWith('{')).toBe(true);
    expect(readPage(build.outDir, '/sources/alpha/')).toContain('<h1');
    expect(existsSync(join(build.outDir, 'tags/everything/page/1/index.html'))).toBe(true);
  });

  it('gives each item the full body with absolute URLs, the attribution line, the byline and the tags', () => {
    const [item] = xml('rss.xml').rss.channel.item;
    expect(item.title).toBe('Tom & "Jerry" </title><script>alert(1)</script>');
    expect(item['dc:creator']).toEqual(['007', 'Jane & Roe']);
    expect(item.category).toEqual(['Everything', 'Q&A']);
    const content: string = item['content:encoded'];
    expect(content).toContain(`Originally published by <a href="${SITE}/sources/alpha/">Alpha Daily</a>`);
    expect(content).toContain('By 007 and Jane &amp; Roe.');
    expect(content).toContain('Via Beta &amp; Sons.');
    expect(content).toContain('Bell  rings.');
    expect(content).toContain(`href="${SITE}/tags/everything/"`);
    expect(content).toContain(`href="${itemUrl(1)}#user-content-fn-1"`);
    expect(content).not.toMatch(/(?:href|src)="(?!https?:|mailto:)/);
    const image = /<img [^>]*src="([^"]+)"/.exec(content)?.[1] ?? '';
    expect(image.startsWith(`${SITE}/_astro/`)).toBe(true);
    expect(existsSync(join(build.outDir, image.slice(SITE.length)))).toBe(true);
  });

  it('links the original in JSON Feed’s external_url and the lead image as the item image', () => {
    const [first, second] = JSON.parse(file('feed.json')).items;
    expect(first.external_url).toBe('https://www.alpha.example/');
    expect(second.external_url).toBe('https://alpha.example/story/2');
    expect(first.image.startsWith(`${SITE}/_astro/`)).toBe(true);
    expect(existsSync(join(build.outDir, first.image.slice(SITE.length)))).toBe(true);
    expect(first.date_published).toBe(`${dayOf(1)}T09:30:00+03:00`);
    expect(second.date_published).toBe(`${dayOf(2)}T00:00:00+03:00`);
  });

  it('links the site feeds from every page, and a source’s or topic’s own feeds from its pages', () => {
    const siteFeeds = ['/rss.xml', '/atom.xml', '/feed.json'];
    const pages = htmlFiles(build.outDir);
    expect(pages.length).toBeGreaterThan(10);
    for (const page of pages) {
      const path = `/${page.replace(/index\.html$/, '')}`;
      expect(
        headLinks(path)
          .map((link) => link.href)
          .slice(0, 3),
        path,
      ).toEqual(siteFeeds);
    }
    expect(
      headLinks('/tags/everything/page/1/')
        .map((link) => link.href)
        .slice(3),
    ).toEqual(['/tags/everything/rss.xml', '/tags/everything/atom.xml', '/tags/everything/feed.json']);
    expect(
      headLinks('/tags/q-and-a/')
        .map((link) => [link.type, link.href])
        .slice(3),
    ).toEqual([
      ['application/rss+xml', '/tags/q-and-a/rss.xml'],
      ['application/atom+xml', '/tags/q-and-a/atom.xml'],
      ['application/feed+json', '/tags/q-and-a/feed.json'],
    ]);
    expect(
      headLinks(`/articles/${itemId(3)}/`)
        .map((link) => link.href)
        .slice(3),
    ).toEqual(['/sources/beta/rss.xml', '/sources/beta/atom.xml', '/sources/beta/feed.json']);
  });

  it('lists every feed on /feeds/, and every link on the site resolves', () => {
    const page = readPage(build.outDir, '/feeds/');
    for (const path of allFeeds) expect(page, path).toContain(`href="/${path}"`);
    expect(page).toContain('href="/sources.opml"');
    expect(brokenInternalLinks(build.outDir)).toEqual([]);
  });

  it('lists every source’s feed in /sources.opml', () => {
    const { opml } = xml('sources.opml');
    expect(opml['@version']).toBe('2.0');
    expect(opml.body.outline.map((outline: any) => [outline['@text'], outline['@xmlUrl'], outline['@type']])).toEqual([
      ['Alpha Daily', `${SITE}/sources/alpha/rss.xml`, 'rss'],
      ['Beta & Sons', `${SITE}/sources/beta/rss.xml`, 'rss'],
      ['Gamma Wire', `${SITE}/sources/gamma/rss.xml`, 'rss'],
    ]);
  });
});
