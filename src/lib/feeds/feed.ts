import type { ContentDate } from '@/lib/content-date';
import { type DateContext, formatArticleDate, isoDateTime, toInstant } from '@/lib/dates';
import { absolutizeHtml } from '@/lib/feeds/absolute-html';
import { escapeHtml } from '@/lib/feeds/xml';
import { textDirection } from '@/lib/i18n/direction';
import { type Dictionary, en } from '@/lib/i18n/en';
import { fillTemplate } from '@/lib/i18n/template';
import { formatNameList } from '@/lib/locale-text';
import type { NormalizedTag } from '@/lib/tags';
import { absoluteUrl, articlePath, displayHost, sourcePath, tagPath } from '@/lib/urls';

// One format-neutral model of a feed; rss.ts, atom.ts and json-feed.ts each write it out. Everything here is pure:
// the route-facing module (site-feeds.ts) gathers the articles and rendered HTML and passes them in.

/** How many articles a feed carries: the newest ones, so a feed's size does not grow with the site. */
export const FEED_LENGTH = 50;

/** Where the site lives and how it shows dates: what every feed function needs to know about the site. */
export interface FeedContext extends DateContext {
  /** The public origin, such as `https://example.org`. */
  readonly siteUrl: string;
  /** The base path, such as `/` or `/news/`. */
  readonly base: string;
  /** The site's name. */
  readonly siteTitle: string;
  /** The words of the attribution line, in the interface language; English when left out. */
  readonly attribution?: Dictionary['attribution'] | undefined;
  /** The interface language's `lang` value (`ar`, not `ar-u-nu-latn`); `locale` when left out. */
  readonly lang?: string | undefined;
}

/** What a feed item is made from: an article, its rendered body, and its lead image's public address. */
export interface FeedArticle {
  /** The article id; its page is `/articles/<id>/`. */
  readonly id: string;
  /** The headline. */
  readonly title: string;
  /** When the source published it. */
  readonly date: ContentDate;
  /** When the source last updated it. */
  readonly updated: ContentDate | undefined;
  /** The outlet that first published it. */
  readonly source: { readonly id: string; readonly name: string; readonly url: string };
  /** Outlets the source credits. */
  readonly via: readonly { readonly id: string; readonly name: string }[];
  /** The original article's address. */
  readonly sourceUrl: string | undefined;
  /** The original byline. */
  readonly authors: readonly string[];
  /** The standfirst. */
  readonly summary: string;
  /** Its topics. */
  readonly tags: readonly NormalizedTag[];
  /** Its language. */
  readonly lang: string;
  /** The rendered, sanitized body HTML. */
  readonly html: string;
  /** The lead image's absolute address, when it has one. */
  readonly imageUrl: string | undefined;
}

/** A topic as a feed names it. */
export interface FeedTag {
  /** The spelling shown. */
  readonly label: string;
  /** The absolute address of the topic's page. */
  readonly url: string;
}

/** One item of a feed, in no particular format. */
export interface FeedItem {
  /** The stable id: the article's absolute address. */
  readonly id: string;
  /** The article's absolute address on this site. */
  readonly url: string;
  /** The original article (or the outlet's home page when the original's address is unknown). */
  readonly externalUrl: string;
  /** The headline. */
  readonly title: string;
  /** The standfirst. */
  readonly summary: string;
  /** The attribution line, then the full body, with every URL absolute. */
  readonly contentHtml: string;
  /** When the source published it: RFC 3339 with an offset. */
  readonly published: string;
  /** When the source last updated it, or `published`: RFC 3339 with an offset. */
  readonly modified: string;
  /** The instant of `published`, for formats that want one (RSS). */
  readonly publishedInstant: Date;
  /** The instant of `modified`. */
  readonly modifiedInstant: Date;
  /** The original byline, possibly empty. */
  readonly authors: readonly string[];
  /** The outlet that first published it. */
  readonly sourceName: string;
  /** Its topics. */
  readonly tags: readonly FeedTag[];
  /** The lead image's absolute address. */
  readonly imageUrl: string | undefined;
  /** Its language. */
  readonly language: string;
}

/** The absolute addresses of one feed in each format. */
export interface FeedUrls {
  /** RSS 2.0. */
  readonly rss: string;
  /** Atom 1.0. */
  readonly atom: string;
  /** JSON Feed 1.1. */
  readonly json: string;
}

/** A feed, in no particular format. */
export interface Feed {
  /** Its title, such as `Athens News · Broadsheet`. */
  readonly title: string;
  /** One line about it. */
  readonly description: string;
  /** The language of the site. */
  readonly language: string;
  /** The absolute address of the page it follows (the front page, a source's page, a topic's page). */
  readonly homePageUrl: string;
  /** Its own addresses. */
  readonly urls: FeedUrls;
  /** When its newest item last changed (RFC 3339); the Unix epoch when it has no items, so output stays stable. */
  readonly updated: string;
  /** Its items, newest first, at most FEED_LENGTH. */
  readonly items: readonly FeedItem[];
}

/** The attribution line that opens each item: who published it, when, who wrote it, whom it credits, the original. */
export function attributionHtml(article: FeedArticle, context: FeedContext): string {
  const sourcePage = absoluteUrl(context.siteUrl, sourcePath(context.base, article.source.id));
  const original = article.sourceUrl ?? article.source.url;
  const text = context.attribution ?? en.attribution;
  // The template is escaped first and the values after, so a name can never become markup.
  const sentence = (template: string, values: Record<string, string>) =>
    fillTemplate(text.sentence, { text: fillTemplate(escapeHtml(template), values) });
  const parts = [
    sentence(text.publishedBy, {
      source: `<a href="${escapeHtml(sourcePage)}">${escapeHtml(article.source.name)}</a>`,
      date: escapeHtml(formatArticleDate(article.date, context)),
    }),
  ];
  if (article.authors.length > 0) {
    parts.push(sentence(text.by, { names: escapeHtml(formatNameList(article.authors, context.locale)) }));
  }
  if (article.updated) {
    parts.push(sentence(text.updated, { date: escapeHtml(formatArticleDate(article.updated, context)) }));
  }
  if (article.via.length > 0) {
    const names = article.via.map((outlet) => outlet.name);
    parts.push(sentence(text.via, { names: escapeHtml(formatNameList(names, context.locale)) }));
  }
  const readOriginal = fillTemplate(escapeHtml(text.readOriginal), { host: escapeHtml(displayHost(original)) });
  parts.push(`<a href="${escapeHtml(original)}">${readOriginal}</a>`);
  // Site text, in the site's language and direction even when the article is in another.
  const lang = context.lang ?? context.locale;
  return `<p lang="${escapeHtml(lang)}" dir="${textDirection(lang)}"><em>${parts.join(' ')}</em></p>`;
}

/** One article as a feed item: absolute URLs, the attribution line before the body, dates with offsets. */
export function buildFeedItem(article: FeedArticle, context: FeedContext): FeedItem {
  const url = absoluteUrl(context.siteUrl, articlePath(context.base, article.id));
  const modifiedDate = article.updated ?? article.date;
  return {
    id: url,
    url,
    externalUrl: article.sourceUrl ?? article.source.url,
    title: article.title,
    summary: article.summary,
    contentHtml: `${attributionHtml(article, context)}\n${absolutizeHtml(article.html, url)}`,
    published: isoDateTime(article.date, context.timeZone),
    modified: isoDateTime(modifiedDate, context.timeZone),
    publishedInstant: toInstant(article.date, context.timeZone),
    modifiedInstant: toInstant(modifiedDate, context.timeZone),
    authors: article.authors,
    sourceName: article.source.name,
    tags: article.tags.map((tag) => ({
      label: tag.label,
      url: absoluteUrl(context.siteUrl, tagPath(context.base, tag.slug)),
    })),
    imageUrl: article.imageUrl,
    language: article.lang,
  };
}

/** What describes a feed apart from its items. */
export interface FeedHead {
  /** Its title. */
  readonly title: string;
  /** One line about it. */
  readonly description: string;
  /** The site's language. */
  readonly language: string;
  /** The absolute address of the page it follows. */
  readonly homePageUrl: string;
  /** Its own addresses. */
  readonly urls: FeedUrls;
}

/** A feed of the newest `FEED_LENGTH` items of `items` (which are newest first). */
export function buildFeed(head: FeedHead, items: readonly FeedItem[], length = FEED_LENGTH): Feed {
  const kept = items.slice(0, length);
  const newest = kept.reduce<FeedItem | undefined>(
    (latest, item) => (!latest || item.modifiedInstant.getTime() > latest.modifiedInstant.getTime() ? item : latest),
    undefined,
  );
  return { ...head, updated: newest?.modified ?? '1970-01-01T00:00:00+00:00', items: kept };
}
