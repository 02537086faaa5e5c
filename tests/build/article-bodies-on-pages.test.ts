import type { CollectionEntry } from 'astro:content';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serialize } from 'node:v8';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { XMLParser } from 'fast-xml-parser';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString as hastToString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodyFolder, readBody, useBodyFolder, writeBody } from '@/integrations/fast-build/article-bodies';
import { ARTICLE_TEXT_KEY } from '@/lib/article-text';
import { articleHtml, buildSiteContent, renderArticle } from '@/lib/content';
import { cacheDirFor } from '@/lib/content-dir';
import { createArticleSchema, plainImage, plainReference, sourceSchema } from '@/lib/schemas';
import { makeArticle } from '../components/fixtures';
import { loadPagefind, type NodePagefind } from '../search/pagefind-node';
import {
  astroBuildInto,
  projectOutputFolder,
  projectRoot,
  readPage,
  TINY_PNG,
  temporaryFolder,
  writeFiles,
} from '../support/build';

// The content store keeps no article HTML (the articles loader keeps each rendered body in a file beside it), so a
// page that rendered the store's entry as it is would ship an empty article without an error. These tests build
// fixture content and look for each article's own sentences in every output that shows its body: a sentence from
// the first paragraph where only the excerpt is shown, and one from further down where the whole body is.

/** A fixture article: its first paragraph (what listings show) and a sentence that only its whole body has. */
interface FixtureArticle {
  readonly id: string;
  readonly title: string;
  readonly date: string;
  readonly lead: string;
  readonly later: string;
  readonly image?: boolean;
}

// Newest first, so the second is the middle one.
const ARTICLES: readonly FixtureArticle[] = [
  {
    id: '2024/05/first-light',
    title: 'Ferries resume at first light',
    date: '2024-05-03',
    lead: 'The first ferry of the season left the harbour at dawn.',
    later: 'Cormorants lined the breakwater and counted every passenger twice.',
  },
  {
    id: '2024/05/tide-tables',
    title: 'Tide tables corrected',
    date: '2024-05-02',
    lead: 'The harbour office corrected the printed tide tables.',
    later: 'Only the lighthouse keeper had noticed a saffron tugboat moored backwards.',
  },
  {
    id: '2024/05/evening-ferry',
    title: 'The evening ferry, photographed',
    date: '2024-05-01',
    lead: 'A reader photographed the evening ferry from the pier.',
    later: 'Its captain whistled a tune about marmalade and thunder.',
    // A body image in the content folder: the feeds render such a body through Astro's Container API.
    image: true,
  },
];

const BLANK_ID = '2024/04/blank-notice';

function markdown(article: FixtureArticle, later = article.later, title = article.title): string {
  const image = article.image ? '![The evening ferry at the pier](./ferry.png)\n\n' : '';
  return `---\ntitle: '${title}'\ndate: ${article.date}\nsource: harbour-gazette\ntags: [Harbours]\n---\n\n${article.lead}\n\n## Later that day\n\n${image}${later}\n`;
}

function fixture(dir: string): void {
  const files: Record<string, string> = {
    'sources/harbour-gazette.yaml': 'name: Harbour Gazette\nurl: https://harbour.example/\n',
    // A body that is truly empty: it must build, with nothing in its prose.
    [`articles/${BLANK_ID}.md`]:
      "---\ntitle: 'A notice with no text'\ndate: 2024-04-30\nsource: harbour-gazette\ntags: [Harbours]\nsummary: 'Only a headline and this standfirst.'\n---\n",
  };
  for (const article of ARTICLES) files[`articles/${article.id}.md`] = markdown(article);
  writeFiles(dir, files);
  writeFileSync(join(dir, 'articles/2024/05/ferry.png'), TINY_PNG);
}

const FEED_SCOPES = ['', 'sources/harbour-gazette/', 'tags/harbours/'];
const FEEDS = FEED_SCOPES.flatMap((scope) => ['rss.xml', 'atom.xml', 'feed.json'].map((name) => `${scope}${name}`));

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  isArray: (_name, path) => ['rss.channel.item', 'feed.entry', 'feed.entry.link'].includes(String(path)),
});

/** The body HTML a feed gives for the article `id`, in any of the three formats. */
function feedContent(outDir: string, feed: string, id: string): string {
  const text = readFileSync(join(outDir, feed), 'utf8');
  const isArticle = (url: unknown) => typeof url === 'string' && url.endsWith(`/articles/${id}/`);
  let content: unknown;
  if (feed.endsWith('feed.json')) {
    const items = (JSON.parse(text) as { items: { id: string; content_html: string }[] }).items;
    content = items.find((item) => isArticle(item.id))?.content_html;
  } else if (feed.endsWith('rss.xml')) {
    const items = parser.parse(text).rss.channel.item as { link: string; 'content:encoded': string }[];
    content = items.find((item) => isArticle(item.link))?.['content:encoded'];
  } else {
    const entries = parser.parse(text).feed.entry as { id: string; content: { '#text': string } }[];
    content = entries.find((entry) => isArticle(entry.id))?.content['#text'];
  }
  if (typeof content !== 'string') throw new Error(`${feed} has no item for ${id}`);
  return content;
}

const textOf = (html: string) => hastToString(fromHtml(html, { fragment: true })).replace(/\s+/g, ' ');

function elements(tree: Root, test: (element: Element) => boolean): Element[] {
  const found: Element[] = [];
  visit(tree, 'element', (node) => {
    if (test(node)) found.push(node);
  });
  return found;
}

const classes = (element: Element) => (element.properties['className'] as string[] | undefined) ?? [];

/** What an article page shows: the text of its prose, of its search data, and its meta description. */
function articlePage(outDir: string, id: string): { prose: string; searched: string; description: string } {
  const tree = fromHtml(readPage(outDir, `/articles/${id}/`));
  const prose = elements(tree, (element) => element.tagName === 'div' && classes(element).includes('prose'));
  const searched = elements(
    tree,
    (element) =>
      element.tagName === 'p' && element.properties['hidden'] === true && 'dataPagefindBody' in element.properties,
  );
  const description = elements(
    tree,
    (element) => element.tagName === 'meta' && element.properties['name'] === 'description',
  );
  expect(prose, id).toHaveLength(1);
  return {
    prose: hastToString(prose[0]!).replace(/\s+/g, ' ').trim(),
    searched: searched.map((element) => hastToString(element)).join(' '),
    description: String(description[0]?.properties['content'] ?? ''),
  };
}

describe('article bodies on every page and feed of a real build', () => {
  const contentDir = join(temporaryFolder('bodies-on-pages'), 'content');
  // One output folder for every build, as `dist/` is, so that a rebuild copies the pages whose cache key is unchanged.
  const outDir = projectOutputFolder();
  let pagefind: NodePagefind | undefined;

  beforeAll(async () => {
    fixture(contentDir);
    const build = await astroBuildInto(contentDir, outDir);
    if (build.code !== 0) throw new Error(`the fixture build failed:\n${build.output}`);
  });

  afterAll(async () => {
    await pagefind?.close();
  });

  it('shows each whole body on its article page', () => {
    for (const article of ARTICLES) {
      const { prose } = articlePage(outDir, article.id);
      expect(prose, article.id).toContain(article.lead);
      expect(prose, article.id).toContain('Later that day');
      expect(prose, article.id).toContain(article.later);
    }
    expect(readPage(outDir, '/articles/2024/05/evening-ferry/')).toMatch(
      /<img [^>]*alt="The evening ferry at the pier"/,
    );
  });

  it('puts each whole body in the site, source and topic feeds, in RSS, Atom and JSON Feed', () => {
    for (const feed of FEEDS) {
      for (const article of ARTICLES) {
        const content = feedContent(outDir, feed, article.id);
        expect(textOf(content), `${feed} ${article.id}`).toContain(article.lead);
        expect(textOf(content), `${feed} ${article.id}`).toContain(article.later);
      }
      const withImage = feedContent(outDir, feed, '2024/05/evening-ferry');
      expect(withImage, feed).toMatch(/<img [^>]*alt="The evening ferry at the pier"/);
      expect(withImage, feed).not.toMatch(/__ASTRO_IMAGE_/i);
    }
  });

  it('gives search the first words of each body, and finds an article by a word from further down', async () => {
    for (const article of ARTICLES) {
      const { searched } = articlePage(outDir, article.id);
      expect(searched, article.id).toContain(article.lead);
      expect(searched, article.id).toContain(article.later);
    }
    pagefind = await loadPagefind(outDir);
    const urls = async (term: string) => (await pagefind!.search(term)).map((result) => result.url);
    expect(await urls('cormorants')).toEqual(['/articles/2024/05/first-light/']);
    expect(await urls('saffron')).toEqual(['/articles/2024/05/tide-tables/']);
    expect(await urls('marmalade')).toEqual(['/articles/2024/05/evening-ferry/']);
  });

  it('shows the first paragraph as the summary in listings and the page description', () => {
    for (const path of ['/', '/sources/harbour-gazette/', '/tags/harbours/']) {
      const text = hastToString(fromHtml(readPage(outDir, path))).replace(/\s+/g, ' ');
      for (const article of ARTICLES) expect(text, `${path} ${article.id}`).toContain(article.lead);
    }
    for (const article of ARTICLES) expect(articlePage(outDir, article.id).description).toBe(article.lead);
  });

  it('builds an article whose body is truly empty, with empty prose', () => {
    const page = articlePage(outDir, BLANK_ID);
    expect(page.prose).toBe('');
    expect(page.searched).toContain('Only a headline and this standfirst.');
  });

  it('shows an edit that changes only the body after a rebuild into the same folder', async () => {
    const [, middle] = ARTICLES;
    const edited = 'Only the lighthouse keeper had noticed a crimson tugboat moored sideways.';
    writeFiles(contentDir, { [`articles/${middle!.id}.md`]: markdown(middle!, edited) });
    const rebuilt = await astroBuildInto(contentDir, outDir);
    expect(rebuilt.code, rebuilt.output).toBe(0);
    const page = articlePage(outDir, middle!.id);
    expect(page.prose).toContain(edited);
    expect(page.searched).toContain(edited);
    expect(page.prose).not.toContain('saffron');
    for (const feed of FEEDS) {
      const content = textOf(feedContent(outDir, feed, middle!.id));
      expect(content, feed).toContain(edited);
      expect(content, feed).not.toContain('saffron');
    }
  });

  it('fails the build, naming the file, when a body reaches the pages without its HTML', async () => {
    const [first, middle] = ARTICLES;
    // Empty the body file of the newest article (V8's serialisation, as article-bodies.ts writes it), keeping its name
    // so that the loader takes it for the article's body; only the store's excerpt still says the body had text.
    const bodies = bodyFolder(join(projectRoot, cacheDirFor(projectRoot, contentDir)));
    const name = readdirSync(bodies).find((file) => readBody(bodies, file).html.includes('Cormorants'));
    expect(name).toBeDefined();
    writeFileSync(join(bodies, name!), serialize({ html: '', metadata: { imagePaths: [], headings: [] } }));
    // A new headline for its older neighbour: the newest article's page and the feeds are rendered again, while the
    // newest article's file, unchanged, is not.
    writeFiles(contentDir, {
      [`articles/${middle!.id}.md`]: markdown(middle!, middle!.later, 'Tide tables put right'),
    });
    const rebuilt = await astroBuildInto(contentDir, outDir);
    expect(rebuilt.code).not.toBe(0);
    expect(rebuilt.output).toContain(
      `articles/${first!.id}.md: the rendered body is empty, but the Markdown body is not (the content store holds its first paragraph).`,
    );
  });
});

// renderArticle and articleHtml on entries made by hand, for each sign of a lost body and for a body that is empty.

const articleSchema = createArticleSchema({ image: plainImage, reference: plainReference });
const source = {
  id: 'harbour-gazette',
  collection: 'sources',
  data: sourceSchema.parse({ name: 'Harbour Gazette', url: 'https://harbour.example/' }),
} as CollectionEntry<'sources'>;

/** The plugin front matter the Markdown pipeline stores with a rendered body. */
const text = (excerpt: string, searchLead?: string) => ({
  frontmatter: { [ARTICLE_TEXT_KEY]: searchLead === undefined ? { excerpt } : { excerpt, searchLead } },
});

/** The only article of a site made from one entry, whose rendered entry the content store holds as `rendered`. */
function siteArticle(rendered: { html: string; metadata: Record<string, unknown> }) {
  const entry = {
    id: '2024/05/by-hand',
    collection: 'articles',
    filePath: 'content/articles/2024/05/by-hand.md',
    digest: 'd1',
    data: articleSchema.parse({ title: 'Made by hand', date: '2024-05-02', source: 'harbour-gazette' }),
    rendered,
  } as unknown as CollectionEntry<'articles'>;
  const [article] = buildSiteContent([entry], [source], { includeDrafts: false, timeZone: 'UTC' }).articles;
  return article!;
}

/** A store entry's rendered part for a body kept in a file holding `body`, as the articles loader leaves it. */
function keptInFile(folder: string, body: { html: string; metadata: Record<string, unknown> }, excerpt: string) {
  return { html: '', metadata: { imagePaths: [], ...text(excerpt), broadsheetBody: writeBody(folder, body) } };
}

describe('renderArticle and articleHtml', () => {
  const folder = temporaryFolder('bodies');
  useBodyFolder(folder);
  const lost = /^content\/articles\/2024\/05\/by-hand\.md: the rendered body is empty, but the Markdown body is not/;

  it('read the body back from its file, as HTML and as a component with the search lead', async () => {
    const body = {
      html: '<p>A kept sentence.</p>',
      metadata: { imagePaths: [], ...text('A kept sentence.', 'Kept.') },
    };
    const article = siteArticle(keptInFile(folder, body, 'A kept sentence.'));
    expect(articleHtml(article)).toBe('<p>A kept sentence.</p>');
    const rendered = await renderArticle(article);
    expect(rendered.searchLead).toBe('Kept.');
    expect(rendered.standfirst).toBeUndefined();
    expect(await (await AstroContainer.create()).renderToString(rendered.Content)).toContain('<p>A kept sentence.</p>');
  });

  it('give an empty body when nothing computed from the Markdown says it had text', async () => {
    const empty = { html: '', metadata: { imagePaths: [], headings: [], ...text('', '') } };
    const article = siteArticle(keptInFile(folder, empty, ''));
    expect(articleHtml(article)).toBe('');
    expect((await renderArticle(article)).searchLead).toBe('');
    // An entry that carries its HTML itself (the loader did not move it to a file) is judged the same way.
    expect(articleHtml(siteArticle({ html: '', metadata: { imagePaths: [], ...text('') } }))).toBe('');
  });

  it('throw, naming the file, when the store holds a first paragraph the body file has lost', async () => {
    const emptied = { html: '', metadata: { imagePaths: [], headings: [] } };
    const article = siteArticle(keptInFile(folder, emptied, 'A first paragraph.'));
    expect(() => articleHtml(article)).toThrow(lost);
    expect(() => articleHtml(article)).toThrow(/\(the content store holds its first paragraph\)/);
    await expect(renderArticle(article)).rejects.toThrow(lost);
  });

  it('throw when the body had no paragraph but its search lead, headings or images say it had text', () => {
    const signs: [Record<string, unknown>, RegExp][] = [
      [{ imagePaths: [], ...text('', 'One item. Another item.') }, /the first words of its text/],
      [{ imagePaths: [], headings: [{ depth: 2, slug: 'a', text: 'A' }], ...text('', '') }, /it has headings/],
      [{ imagePaths: ['./ferry.png'], ...text('', '') }, /it has images/],
    ];
    for (const [metadata, sign] of signs) {
      const article = siteArticle(keptInFile(folder, { html: '', metadata }, ''));
      expect(() => articleHtml(article)).toThrow(lost);
      expect(() => articleHtml(article)).toThrow(sign);
    }
  });

  it('throw when what comes back is still the store’s copy, which never holds the HTML', () => {
    const storeCopy = { html: '', metadata: { imagePaths: [], ...text(''), broadsheetBody: 'another.body' } };
    const article = siteArticle(keptInFile(folder, storeCopy, ''));
    expect(() => articleHtml(article)).toThrow(/\(it is still the content store's copy, which holds no HTML\)/);
  });

  it('refuse an article that getSiteContent did not make, which has no entry to render', async () => {
    expect(() => articleHtml(makeArticle())).toThrow(/did not come from getSiteContent\(\)/);
    await expect(renderArticle(makeArticle())).rejects.toThrow(/did not come from getSiteContent\(\)/);
  });
});
