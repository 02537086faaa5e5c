import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { pageCacheKey } from '@/lib/cache-key';
import { type Article, articleHtml, getSiteContent, renderArticle, type SiteContent } from '@/lib/content';
import { renderAtom } from '@/lib/feeds/atom';
import {
  buildFeed,
  buildFeedItem,
  FEED_LENGTH,
  type Feed,
  type FeedContext,
  type FeedHead,
  type FeedItem,
} from '@/lib/feeds/feed';
import { FEED_MEDIA_TYPES } from '@/lib/feeds/feed-links';
import { renderJsonFeed } from '@/lib/feeds/json-feed';
import { renderOpml } from '@/lib/feeds/opml';
import { renderRss } from '@/lib/feeds/rss';
import { ui } from '@/lib/i18n/site';
import { fillTemplate } from '@/lib/i18n/template';
import { leadImageUrl } from '@/lib/lead-image-url';
import { absoluteUrl, type FeedFormat, type FeedScope, feedPath, frontPagePath, sourcePath, tagPath } from '@/lib/urls';
import { siteConfig } from '@/site.config';

// The feed routes' one entry point: finds a scope's newest articles in the site's content and turns them into a
// feed. The pure work is in feed.ts and the format modules; this module only gathers data.

function feedContext(): FeedContext {
  return {
    siteUrl: siteConfig.url,
    base: import.meta.env.BASE_URL,
    siteTitle: siteConfig.title,
    timeZone: siteConfig.timeZone,
    locale: ui.locale,
    formats: ui.text.dates,
    attribution: ui.text.attribution,
    lang: ui.lang,
  };
}

// The rendered HTML of an entry holds placeholders for images in the content folder (Astro resolves them only when
// the body is rendered as a component), so bodies with such images are rendered through the Container API.
const LOCAL_IMAGE_PLACEHOLDER = /__ASTRO_IMAGE_/i;
let container: Promise<AstroContainer> | undefined;

async function bodyHtml(article: Article): Promise<string> {
  const html = articleHtml(article);
  if (!LOCAL_IMAGE_PLACEHOLDER.test(html)) return html;
  const { Content } = await renderArticle(article);
  container ??= AstroContainer.create();
  return (await container).renderToString(Content);
}

// An article appears in the site feed, its source's feed and each topic's feed, in three formats; build its item once.
// Keyed by the article object, so `astro dev` (which queries afresh on each request) never serves a stale item.
const itemCache = new WeakMap<Article, Promise<FeedItem>>();

function feedItem(article: Article, context: FeedContext): Promise<FeedItem> {
  let item = itemCache.get(article);
  if (!item) {
    item = (async () => {
      const image = article.image ? await leadImageUrl(article.image, context.siteUrl) : undefined;
      return buildFeedItem({ ...article, html: await bodyHtml(article), imageUrl: image }, context);
    })();
    itemCache.set(article, item);
  }
  return item;
}

function scopeHead(
  content: SiteContent,
  scope: FeedScope,
  context: FeedContext,
): { head: FeedHead; articles: readonly Article[] } {
  const urls = {
    rss: absoluteUrl(context.siteUrl, feedPath(context.base, scope, 'rss')),
    atom: absoluteUrl(context.siteUrl, feedPath(context.base, scope, 'atom')),
    json: absoluteUrl(context.siteUrl, feedPath(context.base, scope, 'json')),
  };
  const common = { language: ui.lang, urls };
  if (scope.kind === 'source') {
    const summary = content.sources.find((candidate) => candidate.source.id === scope.id);
    if (!summary) throw new Error(`No source "${scope.id}" for a feed.`);
    const { source } = summary;
    return {
      head: {
        ...common,
        title: `${source.name} · ${context.siteTitle}`,
        description: source.description
          ? fillTemplate(ui.text.feeds.sourceFeedDescriptionWith, {
              source: source.name,
              description: source.description,
            })
          : fillTemplate(ui.text.feeds.sourceFeedDescription, { source: source.name }),
        homePageUrl: absoluteUrl(context.siteUrl, sourcePath(context.base, source.id)),
      },
      articles: content.articlesBySource.get(source.id) ?? [],
    };
  }
  if (scope.kind === 'tag') {
    const topic = content.topics.find((candidate) => candidate.slug === scope.slug);
    if (!topic) throw new Error(`No topic "${scope.slug}" for a feed.`);
    return {
      head: {
        ...common,
        title: `${topic.label} · ${context.siteTitle}`,
        description: fillTemplate(ui.text.feeds.topicFeedDescription, { topic: topic.label }),
        homePageUrl: absoluteUrl(context.siteUrl, tagPath(context.base, topic.slug)),
      },
      articles: topic.articles,
    };
  }
  return {
    head: {
      ...common,
      title: context.siteTitle,
      description: siteConfig.description,
      homePageUrl: absoluteUrl(context.siteUrl, frontPagePath(context.base)),
    },
    articles: content.articles,
  };
}

/** The feed of one scope: its newest FEED_LENGTH articles. */
export async function loadFeed(scope: FeedScope): Promise<Feed> {
  const context = feedContext();
  const { head, articles } = scopeHead(await getSiteContent(), scope, context);
  const items = await Promise.all(articles.slice(0, FEED_LENGTH).map((article) => feedItem(article, context)));
  return buildFeed(head, items);
}

const RENDERERS: Readonly<Record<FeedFormat, (feed: Feed) => string | Promise<string>>> = {
  rss: renderRss,
  atom: renderAtom,
  json: renderJsonFeed,
};

/** The response of a feed route: the scope's feed in one format. */
export async function feedResponse(scope: FeedScope, format: FeedFormat): Promise<Response> {
  const body = await RENDERERS[format](await loadFeed(scope));
  return new Response(body, { headers: { 'Content-Type': `${FEED_MEDIA_TYPES[format]}; charset=utf-8` } });
}

/** A getStaticPaths entry of a per-source or per-topic feed route. */
export interface FeedPath<Params> {
  /** The route params. */
  params: Params;
  /** The feed's scope. */
  props: { scope: FeedScope };
  /** Its key for incremental builds: the feed's head and its newest articles, which is all it shows. */
  cacheKey: string;
}

function scopeFeedPath<Params>(content: SiteContent, params: Params, scope: FeedScope): FeedPath<Params> {
  const { head, articles } = scopeHead(content, scope, feedContext());
  return { params, props: { scope }, cacheKey: pageCacheKey({ head, items: articles.slice(0, FEED_LENGTH) }) };
}

/** getStaticPaths entries for a per-source feed route: one per source, empty sources included (their pages link it). */
export async function sourceFeedPaths(): Promise<FeedPath<{ id: string }>[]> {
  const content = await getSiteContent();
  return content.sources.map(({ source }) =>
    scopeFeedPath(content, { id: source.id }, { kind: 'source', id: source.id }),
  );
}

/** getStaticPaths entries for a per-topic feed route: one per topic. */
export async function tagFeedPaths(): Promise<FeedPath<{ slug: string }>[]> {
  const content = await getSiteContent();
  return content.topics.map((topic) => scopeFeedPath(content, { slug: topic.slug }, { kind: 'tag', slug: topic.slug }));
}

/** The OPML list of every source's RSS feed, sources by name. */
export async function sourcesOpml(): Promise<string> {
  const { sources } = await getSiteContent();
  const context = feedContext();
  return renderOpml(
    fillTemplate(ui.text.feeds.opmlTitle, { site: context.siteTitle }),
    sources.map(({ source }) => ({
      title: source.name,
      description: source.description,
      language: source.language,
      xmlUrl: absoluteUrl(context.siteUrl, feedPath(context.base, { kind: 'source', id: source.id }, 'rss')),
      htmlUrl: absoluteUrl(context.siteUrl, sourcePath(context.base, source.id)),
    })),
  );
}
