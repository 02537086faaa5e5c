import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element, Root } from 'hast';
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

// One real `astro build` of fixture content chosen to hit the edges: 41 published articles on the front page
// (3 pages), a source with 21 (2 pages) and one with 20 (1 page), topics with 41, 21 and 20 articles, a source with
// none, a draft, and one article that uses every optional field.

const sources = {
  'sources/alpha.yaml':
    'name: Alpha Daily\nurl: https://www.alpha.example/\ndescription: The first outlet\ncountry: GR\nlanguage: en\n',
  'sources/beta.yaml': 'name: Beta Post\nurl: https://beta.example/\ncountry: GB\n',
  'sources/gamma.yaml': 'name: Gamma Wire\nurl: https://gamma.example/\n',
};

/** The day of article `n`: article 1 is the newest. */
function dayOf(n: number): string {
  return new Date(Date.UTC(2024, 2, 31) - n * 86_400_000).toISOString().slice(0, 10);
}

function fixtureFiles(): Record<string, string> {
  const files: Record<string, string> = { ...sources };
  for (let n = 1; n <= 41; n += 1) {
    const source = n <= 21 ? 'alpha' : 'beta';
    const tags = ['everything', ...(n <= 21 ? ['twenty-one'] : ['twenty'])];
    files[`articles/2024/item-${String(n).padStart(2, '0')}.md`] =
      `---\ntitle: 'Item ${n} headline'\ndate: ${dayOf(n)}\nsource: ${source}\ntags: [${tags.join(', ')}]\n---\n\nParagraph of item ${n}.\n`;
  }
  files['articles/2024/item-01.md'] = [
    '---',
    `title: 'Item 1 headline'`,
    `date: ${dayOf(1)}T09:30:00+03:00`,
    'updated: 2024-03-30T12:00:00+03:00',
    'source: alpha',
    `sourceUrl: 'https://www.alpha.example/news/item-1'`,
    "author: ['Jane Roe', 'John Doe']",
    'via: [beta]',
    'tags: [Everything, twenty-one]',
    "summary: 'A summary written by hand.'",
    'lang: el',
    '---',
    '',
    'Paragraph of item 1.',
    '',
  ].join('\n');
  files['articles/2024/secret.md'] =
    "---\ntitle: 'DRAFTHEADLINE never published'\ndate: 2024-04-01\nsource: gamma\ntags: [drafttopic]\ndraft: true\n---\n\nDRAFTBODY\n";
  files['articles/_ignored/notes.md'] = 'not an article, and not even valid front matter: ---';
  return files;
}

let build: BuildResult;
const page = (path: string): Root => fromHtml(readPage(build.outDir, path));

function elements(tree: Root, test: (element: Element) => boolean): Element[] {
  const found: Element[] = [];
  visit(tree, 'element', (node) => {
    if (test(node)) found.push(node);
  });
  return found;
}

/** The article links of a listing: the headline links inside <main>, in order. */
function listedArticles(path: string): string[] {
  const [main] = elements(page(path), (element) => element.tagName === 'main');
  if (!main) throw new Error(`${path} has no <main>`);
  const headlines = elements({ type: 'root', children: [main] }, (element) => /^h[2-4]$/.test(element.tagName));
  return headlines
    .flatMap((heading) => elements({ type: 'root', children: [heading] }, (element) => element.tagName === 'a'))
    .map((link) => String(link.properties['href']))
    .filter((href) => href.startsWith('/articles/'));
}

const itemPath = (n: number) => `/articles/2024/item-${String(n).padStart(2, '0')}/`;
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => from + index);

beforeAll(async () => {
  const contentDir = temporaryFolder('site');
  writeFiles(contentDir, fixtureFiles());
  build = await astroBuild(contentDir, temporaryFolder('site-out'));
  if (build.code !== 0) throw new Error(`the fixture build failed:\n${build.output}`);
});

describe('a build of fixture content', () => {
  it('writes every page type', () => {
    const expected = [
      'index.html',
      'page/1/index.html',
      'articles/2024/item-01/index.html',
      'articles/2024/item-41/index.html',
      'sources/index.html',
      'sources/alpha/index.html',
      'sources/beta/index.html',
      'sources/gamma/index.html',
      'tags/index.html',
      'tags/everything/index.html',
      'tags/everything/page/1/index.html',
      'tags/twenty/index.html',
      'tags/twenty-one/index.html',
      '404.html',
    ];
    const built = htmlFiles(build.outDir);
    for (const file of expected) expect(built).toContain(file);
    // Pages are numbered from the oldest and the head holds up to 39: a listing of 21 has no numbered page.
    for (const missing of [
      'page/2/index.html',
      'sources/alpha/page/1/index.html',
      'sources/beta/page/1/index.html',
      'tags/twenty-one/page/1/index.html',
      'tags/everything/page/2/index.html',
    ]) {
      expect(built).not.toContain(missing);
    }
  });

  it('lists 41 articles newest first: 21 on the head, the 20 oldest on page 1', () => {
    expect(listedArticles('/')).toEqual(range(1, 21).map(itemPath));
    expect(listedArticles('/page/1/')).toEqual(range(22, 41).map(itemPath));
    expect(hastToString(page('/'))).not.toMatch(/Page \d/);
    expect(hastToString(page('/page/1/'))).toContain('Page 1');
    expect(hastToString(page('/page/1/'))).toContain('Latest news, page 1');
  });

  it('links newer and older pages', () => {
    const links = (path: string) =>
      Object.fromEntries(
        elements(
          page(path),
          (element) => element.tagName === 'a' && ['prev', 'next'].includes(String(element.properties['rel'])),
        ).map((link) => [String(link.properties['rel']), String(link.properties['href'])]),
      );
    expect(links('/')).toEqual({ next: '/page/1/' });
    expect(links('/page/1/')).toEqual({ prev: '/' });
  });

  it('keeps sources of 21 and 20 articles on their heads, and gives an empty source its page', () => {
    expect(listedArticles('/sources/alpha/')).toEqual(range(1, 21).map(itemPath));
    expect(listedArticles('/sources/beta/')).toEqual(range(22, 41).map(itemPath));
    expect(hastToString(page('/sources/beta/'))).not.toMatch(/Page \d/);
    expect(listedArticles('/sources/gamma/')).toEqual([]);
  });

  it('paginates topics and merges tags that differ only in case', () => {
    expect(listedArticles('/tags/everything/')).toHaveLength(21);
    expect(listedArticles('/tags/everything/page/1/')).toEqual(range(22, 41).map(itemPath));
    expect(listedArticles('/tags/twenty/')).toHaveLength(20);
    expect(listedArticles('/tags/twenty-one/')).toHaveLength(21);
  });

  it('lists sources with counts and topics with counts', () => {
    const sourcesText = hastToString(page('/sources/')).replace(/\s+/g, ' ');
    expect(sourcesText).toMatch(/Alpha Daily.*The first outlet.*Greece.*21 articles/);
    expect(sourcesText).toMatch(/Gamma Wire.*0 articles/);
    const tagsText = hastToString(page('/tags/')).replace(/\s+/g, ' ');
    expect(tagsText).toMatch(/everything.*41/i);
    expect(tagsText).toMatch(/twenty-one.*21/);
  });

  it('credits the article to its source in the attribution block', () => {
    const tree = page(itemPath(1));
    const text = hastToString(tree).replace(/\s+/g, ' ');
    expect(text).toContain('Originally published by Alpha Daily on');
    expect(text).toContain('By Jane Roe and John Doe');
    expect(text).toContain('Read the original at alpha.example');
    expect(text).toMatch(/Updated 30 March 2024/);
    expect(text).toContain('Via Beta Post');
    const links = elements(tree, (element) => element.tagName === 'a');
    const original = links.find((link) => link.properties['href'] === 'https://www.alpha.example/news/item-1');
    expect(original?.properties['rel']).toEqual(['noopener', 'noreferrer']);
    expect(links.some((link) => link.properties['href'] === '/sources/alpha/')).toBe(true);
    expect(
      links.some((link) => link.properties['href'] === '/sources/beta/' && hastToString(link) === 'Beta Post'),
    ).toBe(true);
    const times = elements(tree, (element) => element.tagName === 'time').map((time) => time.properties['dateTime']);
    expect(times).toContain('2024-03-30T09:30:00+03:00');
    expect(
      elements(tree, (element) => element.tagName === 'article' && element.properties['lang'] === 'el'),
    ).not.toHaveLength(0);
  });

  it('falls back to the source home page when there is no sourceUrl', () => {
    const tree = page(itemPath(2));
    expect(hastToString(tree)).toContain('Read the original at alpha.example');
    expect(
      elements(
        tree,
        (element) => element.tagName === 'a' && element.properties['href'] === 'https://www.alpha.example/',
      ),
    ).not.toHaveLength(0);
    expect(hastToString(tree)).not.toContain('Updated');
    expect(hastToString(tree)).not.toContain('Via ');
  });

  it('links the newer and older articles by headline, and more from the source', () => {
    // "More from" links the same articles, so each list is looked for in its own landmark.
    const tree = page(itemPath(2));
    const within = (container: Element | undefined, what: string) => {
      expect(container, `the page has ${what}`).toBeDefined();
      return elements({ type: 'root', children: [container!] }, (element) => element.tagName === 'a');
    };
    const [neighbours] = elements(
      tree,
      (element) => element.tagName === 'nav' && element.properties['ariaLabel'] === 'Newer and older articles',
    );
    expect(
      within(neighbours, 'links to its newer and older neighbours').map((link) => ({
        rel: String(link.properties['rel']),
        href: link.properties['href'],
        shown: elements({ type: 'root', children: [link] }, (span) => span.tagName === 'span').map((span) =>
          hastToString(span),
        ),
      })),
    ).toEqual([
      { rel: 'prev', href: itemPath(1), shown: ['Newer', 'Item 1 headline'] },
      { rel: 'next', href: itemPath(3), shown: ['Older', 'Item 3 headline'] },
    ]);
    const [more] = elements(
      tree,
      (element) => element.tagName === 'section' && String(element.properties['ariaLabelledBy']) === 'more-from-source',
    );
    expect(within(more, '“More from” its source').map((link) => link.properties['href'])).toEqual([
      '/sources/alpha/',
      // The five its source published just before it.
      ...[3, 4, 5, 6, 7].map(itemPath),
    ]);
  });

  it('shows drafts nowhere', () => {
    const files = htmlFiles(build.outDir);
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const html = readFileSync(join(build.outDir, file), 'utf8');
      expect(html, file).not.toContain('DRAFTHEADLINE');
      expect(html, file).not.toContain('DRAFTBODY');
      expect(html, file).not.toContain('drafttopic');
    }
    expect(existsSync(join(build.outDir, 'articles/2024/secret'))).toBe(false);
    expect(existsSync(join(build.outDir, 'tags/drafttopic'))).toBe(false);
  });

  it('leaves out files whose names start with _', () => {
    expect(existsSync(join(build.outDir, 'articles/_ignored'))).toBe(false);
    expect(existsSync(join(build.outDir, 'articles/ignored'))).toBe(false);
  });

  it('has no internal link that misses a built file', () => {
    expect(brokenInternalLinks(build.outDir)).toEqual([]);
  });
});
