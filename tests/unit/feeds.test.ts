import { SyntaxValidator } from 'fast-xml-validator';
import { describe, expect, it } from 'vitest';
import { type ContentDate, parseContentDate } from '@/lib/content-date';
import { absolutizeHtml } from '@/lib/feeds/absolute-html';
import { renderAtom } from '@/lib/feeds/atom';
import {
  attributionHtml,
  buildFeed,
  buildFeedItem,
  FEED_LENGTH,
  type FeedArticle,
  type FeedContext,
  type FeedHead,
} from '@/lib/feeds/feed';
import { feedDirectory, feedLinks } from '@/lib/feeds/feed-links';
import { jsonFeed, renderJsonFeed } from '@/lib/feeds/json-feed';
import { renderOpml } from '@/lib/feeds/opml';
import { renderRss } from '@/lib/feeds/rss';
import { escapeXml, xmlSafeText } from '@/lib/feeds/xml';
import { feedPath } from '@/lib/urls';
import { feedXmlParser } from '../support/feed-xml';

function date(text: string): ContentDate {
  const parsed = parseContentDate(text);
  if (typeof parsed === 'string') throw new Error(parsed);
  return parsed;
}

const context: FeedContext = {
  siteUrl: 'https://news.example',
  base: '/news/',
  siteTitle: 'Broadsheet',
  timeZone: 'Europe/Athens',
  locale: 'en-GB',
};

function article(overrides: Partial<FeedArticle> = {}): FeedArticle {
  return {
    id: '2024/04/story',
    title: 'A story',
    date: date('2024-04-19'),
    updated: undefined,
    source: { id: 'athens-news', name: 'Athens News', url: 'https://www.athensnews.gr/' },
    via: [],
    sourceUrl: 'https://www.athensnews.gr/story/1',
    authors: [],
    summary: 'The standfirst.',
    tags: [{ slug: 'nato', label: 'NATO' }],
    lang: 'en',
    html: '<p>Body.</p>',
    imageUrl: undefined,
    ...overrides,
  };
}

const head: FeedHead = {
  title: 'Broadsheet',
  description: 'News.',
  language: 'en-GB',
  homePageUrl: 'https://news.example/news/',
  urls: {
    rss: 'https://news.example/news/rss.xml',
    atom: 'https://news.example/news/atom.xml',
    json: 'https://news.example/news/feed.json',
  },
};

function parseXml(xml: string): Record<string, any> {
  // Throws on any well-formedness error, control characters included.
  SyntaxValidator.validate(xml);
  return feedXmlParser.parse(xml) as Record<string, any>;
}

describe('xml text', () => {
  it('escapes markup and quotes', () => {
    expect(escapeXml(`<a href="x">Tom & 'Jerry'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;',
    );
  });
  it('removes characters XML 1.0 cannot carry and keeps tabs, newlines and astral characters', () => {
    expect(xmlSafeText('a\u0000b\u0007c\u000Bd\uFFFEe\uD800f\tg\nh😀')).toBe('abcdef\tg\nh😀');
  });
});

describe('absolutizeHtml', () => {
  const base = 'https://news.example/news/articles/2024/04/story/';
  it('resolves links, images, srcset and fragments against the article address', () => {
    const html = absolutizeHtml(
      '<p><a href="/news/tags/nato/">t</a> <a href="#fn-1">1</a> <img src="photo.jpg" srcset="a.jpg 1x, /b.jpg 2x" alt=""> <q cite="../x/">q</q></p>',
      base,
    );
    expect(html).toContain('href="https://news.example/news/tags/nato/"');
    expect(html).toContain('href="https://news.example/news/articles/2024/04/story/#fn-1"');
    expect(html).toContain('src="https://news.example/news/articles/2024/04/story/photo.jpg"');
    expect(html).toContain(
      'srcset="https://news.example/news/articles/2024/04/story/a.jpg 1x, https://news.example/b.jpg 2x"',
    );
    expect(html).toContain('cite="https://news.example/news/articles/2024/04/x/"');
  });
  it('leaves absolute and mailto links alone', () => {
    const html = absolutizeHtml(
      '<a href="https://other.example/a?b=1&amp;c=2">x</a><a href="mailto:a@b.example">m</a>',
      base,
    );
    expect(html).toContain('href="https://other.example/a?b=1&#x26;c=2"');
    expect(html).toContain('href="mailto:a@b.example"');
  });
  it('returns HTML whose URLs are all absolute as it is, and still resolves one relative URL among them', () => {
    const absolute = `<p>${'<a href="https://a.example/x">a</a> <img src="https://b.example/i.png" alt=""> '.repeat(50)}</p>`;
    expect(absolutizeHtml(absolute, base)).toBe(absolute);
    const oneRelative = absolute.replace('</p>', '<a href="/news/">home</a></p>');
    expect(absolutizeHtml(oneRelative, base)).toContain('href="https://news.example/news/"');
    // A URL the parser would write differently, and text that only looks like an attribute, take the full path.
    expect(absolutizeHtml('<a href="HTTPS://A.example">a</a>', base)).toContain('href="https://a.example/"');
    expect(absolutizeHtml('<p>write href="/x" like this</p><a href="./y">y</a>', base)).toContain(
      'href="https://news.example/news/articles/2024/04/story/y"',
    );
  });
});

describe('buildFeedItem', () => {
  it('uses the article address as id and link, and the original as external link', () => {
    const item = buildFeedItem(article(), context);
    expect(item.id).toBe('https://news.example/news/articles/2024/04/story/');
    expect(item.url).toBe(item.id);
    expect(item.externalUrl).toBe('https://www.athensnews.gr/story/1');
    expect(item.tags).toEqual([{ label: 'NATO', url: 'https://news.example/news/tags/nato/' }]);
  });
  it('falls back to the outlet home page when the original address is unknown', () => {
    expect(buildFeedItem(article({ sourceUrl: undefined }), context).externalUrl).toBe('https://www.athensnews.gr/');
  });
  it('writes dates with offsets: a date-only value starts its day in the site zone', () => {
    const item = buildFeedItem(article({ date: date('2024-01-15'), updated: date('2024-04-20T09:30:00Z') }), context);
    expect(item.published).toBe('2024-01-15T00:00:00+02:00');
    expect(item.modified).toBe('2024-04-20T09:30:00+00:00');
    expect(item.publishedInstant.toISOString()).toBe('2024-01-14T22:00:00.000Z');
  });
  it('opens the content with the attribution line, then the body with absolute URLs', () => {
    const item = buildFeedItem(article({ html: '<p><a href="/news/sources/x/">x</a></p>' }), context);
    expect(item.contentHtml.indexOf('Originally published by')).toBeLessThan(
      item.contentHtml.indexOf('href="https://news.example/news/sources/x/"'),
    );
  });
});

describe('attributionHtml', () => {
  it('names the source, date, byline, update and credited outlets, and links the original', () => {
    const html = attributionHtml(
      article({
        authors: ['Jane <Roe>', 'John Doe'],
        updated: date('2024-04-20'),
        via: [{ id: 'the-guardian', name: 'The Guardian' }],
      }),
      context,
    );
    expect(html).toContain(
      'Originally published by <a href="https://news.example/news/sources/athens-news/">Athens News</a> on 19 April 2024.',
    );
    expect(html).toContain('By Jane &lt;Roe&gt; and John Doe.');
    expect(html).toContain('Updated 20 April 2024.');
    expect(html).toContain('Via The Guardian.');
    expect(html).toContain('<a href="https://www.athensnews.gr/story/1">Read the original at athensnews.gr</a>');
  });
});

describe('buildFeed', () => {
  const items = Array.from({ length: 60 }, (_, index) =>
    buildFeedItem(
      article({ id: `a${index}`, date: date(`2024-03-${String(30 - (index % 30)).padStart(2, '0')}`) }),
      context,
    ),
  );
  it(`keeps the first ${FEED_LENGTH} items`, () => {
    const feed = buildFeed(head, items);
    expect(feed.items).toHaveLength(FEED_LENGTH);
    expect(feed.items[0]?.id).toBe(items[0]?.id);
  });
  it('is updated when its newest item last changed', () => {
    const late = buildFeedItem(article({ id: 'late', updated: date('2024-05-01T12:00:00+03:00') }), context);
    expect(buildFeed(head, [items[0]!, late]).updated).toBe('2024-05-01T12:00:00+03:00');
  });
  it('has a fixed updated time when empty, so the output does not change from build to build', () => {
    expect(buildFeed(head, []).updated).toBe('1970-01-01T00:00:00+00:00');
  });
});

const hostile = buildFeedItem(
  article({
    title: 'Tom & "Jerry" </title><script>x</script>\u0007',
    authors: ['007', 'Jane & Roe', '1.10'],
    tags: [{ slug: 'a-b', label: 'A & B' }],
    html: '<p>Text with ]]> and <a href="/news/x/">a link</a></p>',
    imageUrl: 'https://news.example/_astro/photo.jpg',
  }),
  context,
);
const plain = buildFeedItem(article({ id: 'plain', date: date('2024-04-18') }), context);
const feed = buildFeed(head, [hostile, plain]);

describe('renderRss', () => {
  it('writes a well-formed RSS 2.0 channel with its required elements', async () => {
    const { rss } = parseXml(await renderRss(feed));
    expect(rss['@version']).toBe('2.0');
    expect(rss.channel.title).toBe('Broadsheet');
    expect(rss.channel.link).toBe('https://news.example/news/');
    expect(rss.channel.description).toBe('News.');
    expect(rss.channel.language).toBe('en-GB');
    expect(rss.channel['atom:link']['@href']).toBe('https://news.example/news/rss.xml');
  });
  it('gives each item a permalink guid, the full content, the byline as written, and the tags', async () => {
    const [item] = parseXml(await renderRss(feed)).rss.channel.item;
    expect(item.guid['#text']).toBe(hostile.url);
    expect(item.guid['@isPermaLink']).toBe('true');
    expect(item.title).toBe('Tom & "Jerry" </title><script>x</script>');
    expect(item['dc:creator']).toEqual(['007', 'Jane & Roe', '1.10']);
    expect(item.category).toEqual(['A & B']);
    expect(item['content:encoded']).toContain('Text with ]]> and <a href="https://news.example/news/x/">a link</a>');
    expect(item['content:encoded']).toContain('Read the original at athensnews.gr');
    expect(new Date(item.pubDate).toISOString()).toBe('2024-04-18T21:00:00.000Z');
  });
});

describe('renderAtom', () => {
  it('writes a well-formed Atom 1.0 feed with id, title, updated and a self link', () => {
    const atom = parseXml(renderAtom(feed)).feed;
    expect(atom['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(atom.id).toBe('https://news.example/news/atom.xml');
    expect(atom.title['#text']).toBe('Broadsheet');
    expect(atom.updated).toBe('2024-04-19T00:00:00+03:00');
    expect(atom.link.find((link: any) => link['@rel'] === 'self')['@href']).toBe('https://news.example/news/atom.xml');
  });
  it('gives each entry id, title, updated, links to the page and the original, authors and content', () => {
    const [entry, second] = parseXml(renderAtom(feed)).feed.entry;
    expect(entry.id).toBe(hostile.url);
    expect(entry.title['#text']).toBe('Tom & "Jerry" </title><script>x</script>');
    expect(entry.updated).toBe('2024-04-19T00:00:00+03:00');
    expect(entry.link.map((link: any) => [link['@rel'], link['@href']])).toEqual([
      ['alternate', hostile.url],
      ['via', 'https://www.athensnews.gr/story/1'],
      ['enclosure', 'https://news.example/_astro/photo.jpg'],
    ]);
    expect(entry.author.map((author: any) => author.name)).toEqual(['007', 'Jane & Roe', '1.10']);
    expect(entry.category[0]['@term']).toBe('A & B');
    expect(entry.content['@type']).toBe('html');
    expect(entry.content['#text']).toContain('Text with ]]>');
    // Without a byline the outlet stands as the author, which Atom requires of every entry.
    expect(second.author.map((author: any) => author.name)).toEqual(['Athens News']);
  });
});

describe('renderJsonFeed', () => {
  it('writes JSON Feed 1.1 with external_url for the original and authors', () => {
    const parsed = JSON.parse(renderJsonFeed(feed));
    expect(parsed).toEqual(jsonFeed(feed));
    expect(parsed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(parsed.title).toBe('Broadsheet');
    expect(parsed.feed_url).toBe('https://news.example/news/feed.json');
    const [item, second] = parsed.items;
    expect(item.id).toBe(hostile.url);
    expect(item.external_url).toBe('https://www.athensnews.gr/story/1');
    expect(item.authors).toEqual([{ name: '007' }, { name: 'Jane & Roe' }, { name: '1.10' }]);
    expect(item.tags).toEqual(['A & B']);
    expect(item.image).toBe('https://news.example/_astro/photo.jpg');
    expect(item.date_published).toBe('2024-04-19T00:00:00+03:00');
    expect(second.authors).toBeUndefined();
  });
});

describe('renderOpml', () => {
  it('lists each feed as an outline of a well-formed OPML 2.0 document', () => {
    const opml = parseXml(
      renderOpml('Sources & more', [
        {
          title: 'A & B',
          description: undefined,
          language: 'en',
          xmlUrl: 'https://n.example/sources/a/rss.xml',
          htmlUrl: 'https://n.example/sources/a/',
        },
        {
          title: 'C',
          description: 'About "C"',
          language: undefined,
          xmlUrl: 'https://n.example/sources/c/rss.xml',
          htmlUrl: 'https://n.example/sources/c/',
        },
      ]),
    ).opml;
    expect(opml['@version']).toBe('2.0');
    expect(opml.head.title).toBe('Sources & more');
    expect(opml.body.outline.map((outline: any) => [outline['@text'], outline['@type'], outline['@xmlUrl']])).toEqual([
      ['A & B', 'rss', 'https://n.example/sources/a/rss.xml'],
      ['C', 'rss', 'https://n.example/sources/c/rss.xml'],
    ]);
    expect(opml.body.outline[1]['@description']).toBe('About "C"');
  });
});

describe('feed addresses and links', () => {
  it('puts each scope’s feeds beside its page, under the base', () => {
    expect(feedPath('/', { kind: 'site' }, 'rss')).toBe('/rss.xml');
    expect(feedPath('/news/', { kind: 'source', id: 'alpha' }, 'atom')).toBe('/news/sources/alpha/atom.xml');
    expect(feedPath('/news/', { kind: 'tag', slug: 'nato' }, 'json')).toBe('/news/tags/nato/feed.json');
  });
  it('links the three formats with their media types', () => {
    expect(feedLinks('/', { kind: 'tag', slug: 'nato' }, 'NATO')).toEqual([
      { href: '/tags/nato/rss.xml', type: 'application/rss+xml', title: 'NATO (RSS)', format: 'rss' },
      { href: '/tags/nato/atom.xml', type: 'application/atom+xml', title: 'NATO (Atom)', format: 'atom' },
      { href: '/tags/nato/feed.json', type: 'application/feed+json', title: 'NATO (JSON Feed)', format: 'json' },
    ]);
  });
  it('lists the site, every source and every topic for the feeds page', () => {
    const directory = feedDirectory(
      '/',
      'Broadsheet',
      [{ id: 'a', name: 'Alpha' }],
      [
        { slug: 'nato', label: 'NATO' },
        { slug: 'eu', label: 'EU' },
      ],
    );
    expect(directory.site.links.map((link) => link.href)).toEqual(['/rss.xml', '/atom.xml', '/feed.json']);
    expect(directory.sources.map((entry) => [entry.name, entry.page])).toEqual([['Alpha', '/sources/a/']]);
    expect(directory.topics.map((entry) => entry.links[0]?.href)).toEqual(['/tags/nato/rss.xml', '/tags/eu/rss.xml']);
  });
});

describe('the validator these tests rely on', () => {
  it('rejects malformed XML and control characters', () => {
    expect(() => parseXml('<rss><channel></rss>')).toThrow();
    expect(() => parseXml('<rss>\u0007</rss>')).toThrow();
  });
});
