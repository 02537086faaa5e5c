// Measures how big a feed gets as the site grows: the newest 50 articles go into each feed, so /rss.xml should stay
// the same size at 1,000 and 20,000 articles. Generates content, reads it through the real schemas, sorts it as the
// site does, renders the newest 50 bodies with the site's Markdown pipeline, and writes each feed format with the
// same pure builders the feed routes use.
//
//   npm run measure:feeds -- --articles 1000,20000
//
// Runs through tsx; it never starts Astro, so it cannot import astro:content.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { sortNewestFirst } from '@/lib/articles';
import { excerptFromHtml } from '@/lib/excerpt';
import { renderAtom } from '@/lib/feeds/atom';
import { buildFeed, buildFeedItem, FEED_LENGTH, type FeedArticle, type FeedContext } from '@/lib/feeds/feed';
import { renderJsonFeed } from '@/lib/feeds/json-feed';
import { renderRss } from '@/lib/feeds/rss';
import { parseYaml, splitMarkdown } from '@/lib/frontmatter';
import { createMarkdownOptions } from '@/lib/markdown/pipeline';
import { createArticleSchema, plainImage, plainReference, sourceSchema } from '@/lib/schemas';
import { articleIdFromPath } from '@/lib/slug';
import { normalizeTag } from '@/lib/tags';
import { absoluteUrl, feedPath, frontPagePath } from '@/lib/urls';
import { siteConfig } from '@/site.config';
import { generateContent } from '../tools/generate-content';

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? markdownFiles(path) : name.endsWith('.md') ? [path] : [];
  });
}

async function measure(count: number): Promise<void> {
  const contentDir = join(tmpdir(), `broadsheet-measure-feeds-${count}`);
  const started = performance.now();
  generateContent(contentDir, { articles: count });
  const articleSchema = createArticleSchema({ image: plainImage, reference: plainReference });
  const sources = new Map(
    readdirSync(join(contentDir, 'sources')).map((name) => {
      const data = sourceSchema.parse(parseYaml(readFileSync(join(contentDir, 'sources', name), 'utf8')));
      return [name.replace(/\.yaml$/, ''), { id: name.replace(/\.yaml$/, ''), ...data }] as const;
    }),
  );
  const articlesDir = join(contentDir, 'articles');
  const parsed = markdownFiles(articlesDir).map((file) => {
    const { data, body } = splitMarkdown(readFileSync(file, 'utf8'));
    const id = articleIdFromPath(relative(articlesDir, file).split('\\').join('/')) ?? file;
    return { id, file, body, data: articleSchema.parse(data) };
  });
  const newest = sortNewestFirst(
    parsed.map((article) => ({ ...article, date: article.data.date })),
    siteConfig.timeZone,
  ).slice(0, FEED_LENGTH);

  const { render } = await createMarkdownProcessor({
    ...createMarkdownOptions({ contentDir, base: siteConfig.base }),
    syntaxHighlight: false,
  });
  const context: FeedContext = {
    siteUrl: siteConfig.url,
    base: siteConfig.base,
    siteTitle: siteConfig.title,
    timeZone: siteConfig.timeZone,
    locale: siteConfig.locale,
  };
  const items = await Promise.all(
    newest.map(async ({ id, file, body, data }) => {
      const source = sources.get(data.source.id);
      if (!source) throw new Error(`${file}: unknown source ${data.source.id}`);
      const html = (await render(body, { fileURL: pathToFileURL(file) })).code;
      const article: FeedArticle = {
        id,
        title: data.title,
        date: data.date,
        updated: data.updated,
        source,
        via: data.via.map((reference) => sources.get(reference.id) ?? { id: reference.id, name: reference.id }),
        sourceUrl: data.sourceUrl,
        authors: data.author ?? [],
        summary: data.summary ?? excerptFromHtml(html),
        tags: data.tags.map(normalizeTag),
        lang: data.lang ?? source.language ?? siteConfig.locale,
        html,
        imageUrl: undefined,
      };
      return buildFeedItem(article, context);
    }),
  );
  const urls = {
    rss: absoluteUrl(siteConfig.url, feedPath(siteConfig.base, { kind: 'site' }, 'rss')),
    atom: absoluteUrl(siteConfig.url, feedPath(siteConfig.base, { kind: 'site' }, 'atom')),
    json: absoluteUrl(siteConfig.url, feedPath(siteConfig.base, { kind: 'site' }, 'json')),
  };
  const feed = buildFeed(
    {
      title: siteConfig.title,
      description: siteConfig.description,
      language: siteConfig.locale,
      homePageUrl: absoluteUrl(siteConfig.url, frontPagePath(siteConfig.base)),
      urls,
    },
    items,
  );
  const bytes = (text: string) => Buffer.byteLength(text, 'utf8');
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `${count} articles: /rss.xml ${bytes(await renderRss(feed))} bytes, /atom.xml ${bytes(renderAtom(feed))} bytes, ` +
      `/feed.json ${bytes(renderJsonFeed(feed))} bytes (${feed.items.length} items; ${seconds} s)`,
  );
}

const { values } = parseArgs({ options: { articles: { type: 'string', default: '1000,20000' } } });
for (const count of (values.articles ?? '').split(',').map(Number)) {
  if (!Number.isInteger(count) || count < 1) {
    console.error('Usage: npm run measure:feeds -- --articles 1000,20000');
    process.exit(2);
  }
  await measure(count);
}
