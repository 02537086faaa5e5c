import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString as hastToString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  astroBuild,
  type BuildResult,
  brokenInternalLinks,
  htmlFiles,
  readPage,
  temporaryFolder,
  writeFiles,
} from '../support/build';

// One real build under a base path (BASE_PATH=/news/, SITE_URL=https://news.example) of sources with each indexing
// policy: what search engines and sharing services see, the sitemap and robots.txt.

const SITE = 'https://news.example';
const ROOT = `${SITE}/news/`;
const files = {
  'sources/alpha.yaml': 'name: Alpha Daily\nurl: https://alpha.example/\nlanguage: en\nindexing: index\n',
  'sources/beta.yaml': 'name: Beta Post\nurl: https://beta.example/\nindexing: canonical\n',
  'sources/gamma.yaml': 'name: Gamma Wire\nurl: https://gamma.example/\n',
  'articles/indexed.md': [
    '---',
    `title: 'Tom & "Jerry" </script><script>alert(1)</script><!--'`,
    'date: 2024-04-19',
    'updated: 2024-04-20T10:15:00+02:00',
    'source: alpha',
    "author: ['Jane Roe', 'John Doe']",
    "sourceUrl: 'https://alpha.example/story/1'",
    'tags: [NATO, Ukraine]',
    "summary: 'A hand-written standfirst.'",
    "image: { src: 'https://images.example/lead.jpg', alt: 'A harbour' }",
    'lang: el',
    '---',
    '',
    'Body of the indexed article.',
    '',
  ].join('\n'),
  'articles/indexed-plain.md': "---\ntitle: 'Plain indexed'\ndate: 2024-01-15\nsource: alpha\n---\n\nPlain body.\n",
  'articles/canonical.md':
    "---\ntitle: 'Canonical copy'\ndate: 2024-04-18T08:00:00Z\nsource: beta\nsourceUrl: 'https://beta.example/original'\n---\n\nBody.\n",
  'articles/canonical-unknown.md':
    "---\ntitle: 'Canonical without original'\ndate: 2024-04-17\nsource: beta\n---\n\nBody.\n",
  'articles/hidden.md': "---\ntitle: 'Hidden copy'\ndate: 2024-04-16\nsource: gamma\ntags: [NATO]\n---\n\nBody.\n",
  'articles/draft.md': "---\ntitle: 'DRAFTHEADLINE'\ndate: 2024-04-15\nsource: alpha\ndraft: true\n---\n\nBody.\n",
};
const articleUrl = (id: string) => `${ROOT}articles/${id}/`;

let build: BuildResult;
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (name) => name === 'url' || name === 'sitemap',
});

function xml(path: string): Record<string, any> {
  const text = readFileSync(join(build.outDir, path), 'utf8');
  expect(() => SyntaxValidator.validate(text), path).not.toThrow();
  return parser.parse(text) as Record<string, any>;
}

/** The head of a built page: its title, meta tags by name or property, canonical address, and JSON-LD blocks. */
function head(path: string) {
  const tree = fromHtml(readPage(build.outDir, path));
  const meta = new Map<string, string[]>();
  let canonical: string | undefined;
  let title = '';
  const jsonLd: string[] = [];
  visit(tree, 'element', (node: Element) => {
    const { properties } = node;
    if (node.tagName === 'title') title = hastToString(node);
    if (node.tagName === 'meta') {
      const key = String(properties['name'] ?? properties['property'] ?? '');
      if (key) meta.set(key, [...(meta.get(key) ?? []), String(properties['content'])]);
    }
    if (node.tagName === 'link' && String(properties['rel']) === 'canonical') canonical = String(properties['href']);
    if (node.tagName === 'script' && properties['type'] === 'application/ld+json') jsonLd.push(hastToString(node));
  });
  return { title, meta, canonical, jsonLd: jsonLd.map((text) => JSON.parse(text) as Record<string, any>) };
}

beforeAll(async () => {
  const contentDir = temporaryFolder('seo');
  writeFiles(contentDir, files);
  build = await astroBuild(contentDir, temporaryFolder('seo-out'), { BASE_PATH: '/news/', SITE_URL: SITE });
  if (build.code !== 0) throw new Error(`the SEO build failed:\n${build.output}`);
});

describe('search engines and sharing, under /news/', () => {
  it('gives every page a title and a meta description', () => {
    const pages = htmlFiles(build.outDir);
    expect(pages.length).toBeGreaterThan(10);
    for (const page of pages) {
      const { title, meta } = head(`/${page.replace(/index\.html$/, '')}`);
      expect(title.trim(), page).not.toBe('');
      expect(meta.get('description')?.[0]?.trim(), page).toBeTruthy();
    }
  });

  it('follows each source’s indexing policy on article pages', () => {
    const indexed = head('/articles/indexed/');
    expect(indexed.meta.get('robots')).toBeUndefined();
    expect(indexed.canonical).toBe(articleUrl('indexed'));
    const canonical = head('/articles/canonical/');
    expect(canonical.meta.get('robots')).toBeUndefined();
    expect(canonical.canonical).toBe('https://beta.example/original');
    for (const id of ['hidden', 'canonical-unknown']) {
      expect(head(`/articles/${id}/`).meta.get('robots'), id).toEqual(['noindex']);
      expect(head(`/articles/${id}/`).canonical, id).toBeUndefined();
    }
  });

  it('gives listing pages a canonical address of their own', () => {
    expect(head('/').canonical).toBe(ROOT);
    expect(head('/sources/gamma/').canonical).toBe(`${ROOT}sources/gamma/`);
    expect(head('/tags/nato/').canonical).toBe(`${ROOT}tags/nato/`);
  });

  it('keeps the 404 page out of search results and names no address for it', () => {
    const notFound = head('/404.html');
    expect(notFound.meta.get('robots')).toEqual(['noindex']);
    expect(notFound.canonical).toBeUndefined();
    expect(notFound.meta.get('og:url')).toBeUndefined();
    expect(head('/articles/hidden/').meta.get('og:url')).toEqual([articleUrl('hidden')]);
  });

  it('describes article pages with Open Graph and a Twitter card', () => {
    const { meta } = head('/articles/indexed/');
    expect(meta.get('og:type')).toEqual(['article']);
    expect(meta.get('og:site_name')).toEqual(['Broadsheet']);
    expect(meta.get('og:title')).toEqual(['Tom & "Jerry" </script><script>alert(1)</script><!--']);
    expect(meta.get('og:description')).toEqual(['A hand-written standfirst.']);
    expect(meta.get('og:url')).toEqual([articleUrl('indexed')]);
    expect(meta.get('og:image')).toEqual(['https://images.example/lead.jpg']);
    expect(meta.get('article:published_time')).toEqual(['2024-04-19T00:00:00+03:00']);
    expect(meta.get('article:modified_time')).toEqual(['2024-04-20T10:15:00+02:00']);
    expect(meta.get('article:section')).toEqual(['NATO']);
    expect(meta.get('article:tag')).toEqual(['NATO', 'Ukraine']);
    expect(meta.get('twitter:card')).toEqual(['summary_large_image']);
    expect(head('/articles/canonical/').meta.get('og:url')).toEqual(['https://beta.example/original']);
    expect(head('/sources/').meta.get('og:type')).toEqual(['website']);
  });

  it('has NewsArticle JSON-LD that parses on every article page', () => {
    const articles = htmlFiles(build.outDir).filter((page) => page.startsWith('articles/'));
    expect(articles).toHaveLength(5);
    for (const page of articles) {
      const blocks = head(`/${page.replace(/index\.html$/, '')}`).jsonLd;
      expect(blocks, page).toHaveLength(1);
      expect(blocks[0]?.['@type'], page).toBe('NewsArticle');
      for (const field of [
        'headline',
        'datePublished',
        'dateModified',
        'author',
        'publisher',
        'isBasedOn',
        'inLanguage',
      ]) {
        expect(blocks[0]?.[field], `${page} ${field}`).toBeTruthy();
      }
    }
  });

  it('keeps a hostile headline inside the JSON-LD and states the facts with offsets', () => {
    const html = readPage(build.outDir, '/articles/indexed/');
    const script = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    expect(script).not.toMatch(/[<>]/);
    const [data] = head('/articles/indexed/').jsonLd;
    expect(data).toMatchObject({
      headline: 'Tom & "Jerry" </script><script>alert(1)</script><!--',
      datePublished: '2024-04-19T00:00:00+03:00',
      dateModified: '2024-04-20T10:15:00+02:00',
      author: [
        { '@type': 'Person', name: 'Jane Roe' },
        { '@type': 'Person', name: 'John Doe' },
      ],
      image: ['https://images.example/lead.jpg'],
      inLanguage: 'el',
      publisher: { '@type': 'Organization', name: 'Broadsheet', url: ROOT },
      isBasedOn: {
        url: 'https://alpha.example/story/1',
        publisher: { '@type': 'Organization', name: 'Alpha Daily', url: 'https://alpha.example/' },
      },
    });
    expect(head('/articles/canonical/').jsonLd[0]?.['datePublished']).toBe('2024-04-18T08:00:00+00:00');
  });

  it('points robots.txt at the sitemap under the base path', () => {
    const robots = readFileSync(join(build.outDir, 'robots.txt'), 'utf8');
    expect(robots).toContain('User-agent: *');
    expect(robots).toContain(`Sitemap: ${ROOT}sitemap-index.xml`);
  });

  it('lists every indexable page in the sitemap, articles with lastmod, and no noindex, canonical-elsewhere or draft page', () => {
    const index = xml('sitemap-index.xml');
    const sitemaps: string[] = index.sitemapindex.sitemap.map((entry: any) => entry.loc);
    expect(sitemaps).toEqual([`${ROOT}sitemap-0.xml`]);
    const urls: { loc: string; lastmod?: string }[] = xml('sitemap-0.xml').urlset.url;
    const locs = urls.map((entry) => entry.loc);
    expect(locs.filter((loc) => loc.includes('/articles/')).sort()).toEqual(
      [articleUrl('indexed'), articleUrl('indexed-plain')].sort(),
    );
    expect(new Date(urls.find((entry) => entry.loc === articleUrl('indexed'))?.lastmod ?? '').toISOString()).toBe(
      '2024-04-20T08:15:00.000Z',
    );
    expect(new Date(urls.find((entry) => entry.loc === articleUrl('indexed-plain'))?.lastmod ?? '').toISOString()).toBe(
      '2024-01-14T22:00:00.000Z',
    );
    for (const page of ['', 'sources/', 'sources/gamma/', 'tags/', 'tags/nato/', 'feeds/'])
      expect(locs, page).toContain(`${ROOT}${page}`);
    expect(locs.some((loc) => /404|\.xml$|\.json$|\.opml$/.test(loc))).toBe(false);
    expect(locs.every((loc) => loc.startsWith(ROOT))).toBe(true);
  });

  it('links feeds and pages under the base, all of which resolve', () => {
    expect(readPage(build.outDir, '/')).toContain('href="/news/rss.xml"');
    expect(readFileSync(join(build.outDir, 'rss.xml'), 'utf8')).toContain(`<link>${ROOT}</link>`);
    expect(brokenInternalLinks(build.outDir, '/news/')).toEqual([]);
  });
});
