import { type CollectionEntry, getCollection, type RenderResult, render } from 'astro:content';
import type { ImageMetadata } from 'astro';
import { storedBodyKey, withBody } from '@/integrations/fast-build/article-bodies';
import { storyCacheInUse } from '@/integrations/fast-build/story-cache';
import { articleText } from '@/lib/article-text';
import { isPublished, type Neighbours, neighboursById, sortNewestFirst } from '@/lib/articles';
import type { ContentDate } from '@/lib/content-date';
import type { IndexingPolicy } from '@/lib/schemas';
import type { StoryArticle } from '@/lib/stories';
import { groupStoriesCached } from '@/lib/stories/cache';
import { type StoryRef, type StoryView, storyRefs } from '@/lib/story-coverage';
import { type NormalizedTag, normalizeTag } from '@/lib/tags';
import { siteConfig } from '@/site.config';

// The one module that queries the collections. Pages get plain, sorted, resolved data from here and never call
// getCollection themselves, so sorting, draft filtering and reference resolution happen once, in one place.

/** An outlet, as pages show it. */
export interface Source {
  /** The source id: its file name in `content/sources/`. */
  readonly id: string;
  /** The outlet's name. */
  readonly name: string;
  /** Its home page. */
  readonly url: string;
  /** One line about it. */
  readonly description: string | undefined;
  /** The default language of its articles. */
  readonly language: string | undefined;
  /** Its ISO 3166-1 alpha-2 country code. */
  readonly country: string | undefined;
  /** How search engines should treat our copies of its articles. */
  readonly indexing: IndexingPolicy;
}

/** An article's lead image. */
export interface LeadImage {
  /** An https: URL, or image metadata for a file in the content folder. */
  readonly src: string | ImageMetadata;
  /** The image's text alternative. */
  readonly alt: string;
  /** Who made it. */
  readonly credit: string | undefined;
}

/** An article with its references resolved, as pages show it. */
export interface Article {
  /** The id (path under `content/articles/`, slugified); the page is `/articles/<id>/`. */
  readonly id: string;
  /** The headline. */
  readonly title: string;
  /** When the source published it. */
  readonly date: ContentDate;
  /** When the source last updated it. */
  readonly updated: ContentDate | undefined;
  /** The outlet that first published it. */
  readonly source: Source;
  /** Outlets the source credits. */
  readonly via: readonly Source[];
  /** The original article's address. */
  readonly sourceUrl: string | undefined;
  /** The original byline, possibly empty. */
  readonly authors: readonly string[];
  /** The standfirst, or the first paragraph shortened when the article has none. */
  readonly summary: string;
  /** Its topics. */
  readonly tags: readonly NormalizedTag[];
  /** Its lead image. */
  readonly image: LeadImage | undefined;
  /** Its language: its own, else its source's, else the site's. */
  readonly lang: string;
  /** Whether it is a draft (only ever true in `astro dev`). */
  readonly draft: boolean;
  /** The story it is in, when other articles report the same event (src/lib/stories). */
  readonly story: StoryRef | undefined;
  /**
   * Astro's digest of its file, which changes with any byte of the front matter or the body. Page cache keys hold
   * it, so that an edit only the body shows still renders the article's pages again.
   */
  readonly digest: string | undefined;
}

/** What an article page shows of an article's body. */
export interface RenderedArticle {
  /** The body, as Astro's component. */
  readonly Content: RenderResult['Content'];
  /** The standfirst as the front matter gives it (`summary` falls back to the first paragraph, which is body text). */
  readonly standfirst: string | undefined;
  /** The first words of the body as plain text, for the search index. */
  readonly searchLead: string;
}

/** A source with how many articles it has. */
export interface SourceSummary {
  /** The source. */
  readonly source: Source;
  /** How many published articles credit it as their source. */
  readonly count: number;
}

/** A topic with its articles. */
export interface Topic {
  /** The URL segment, `/tags/<slug>/`. */
  readonly slug: string;
  /** The spelling shown: the one most articles use (ties go to the first in alphabetical order). */
  readonly label: string;
  /** Its articles, newest first. */
  readonly articles: readonly Article[];
}

/** Everything the pages need, resolved once per build. */
export interface SiteContent {
  /** Published articles, newest first. */
  readonly articles: readonly Article[];
  /** Sources by name, then id, with their article counts. */
  readonly sources: readonly SourceSummary[];
  /** Topics by label, then slug. */
  readonly topics: readonly Topic[];
  /** Each source's articles, newest first, by source id. */
  readonly articlesBySource: ReadonlyMap<string, readonly Article[]>;
  /** Each article's newer and older neighbours on the front page, by article id. */
  readonly neighbours: ReadonlyMap<string, Neighbours<Article>>;
  /** Stories of two or more articles, by id. */
  readonly stories: readonly StoryView[];
}

function toSource(entry: CollectionEntry<'sources'>): Source {
  const { name, url, description, language, country, indexing } = entry.data;
  return { id: entry.id, name, url, description, language, country, indexing };
}

// Each article's collection entry, kept out of the Article itself. The content store's entry has no body HTML (the
// articles loader keeps it in a file beside the store), so a page that rendered the entry directly would ship an empty
// article without any error. Only renderArticle and articleHtml reach the entry, and both read its body back first.
const entries = new WeakMap<Article, CollectionEntry<'articles'>>();

function toArticle(entry: CollectionEntry<'articles'>, sourcesById: ReadonlyMap<string, Source>): Article {
  const { data } = entry;
  const resolve = (field: string, id: string): Source => {
    const source = sourcesById.get(id);
    // The loader already rejects unknown ids; this guards the pages if that check is ever bypassed.
    if (!source) throw new Error(`${entry.filePath ?? entry.id}: ${field} "${id}" is not a known source.`);
    return source;
  };
  const source = resolve('source', data.source.id);
  const article: Article = {
    id: entry.id,
    title: data.title,
    date: data.date,
    updated: data.updated,
    source,
    via: data.via.map((reference) => resolve('via', reference.id)),
    sourceUrl: data.sourceUrl,
    authors: data.author ?? [],
    summary: data.summary ?? articleText(entry.rendered).excerpt,
    tags: data.tags.map(normalizeTag),
    image: data.image && { src: data.image.src, alt: data.image.alt, credit: data.image.credit },
    lang: data.lang ?? source.language ?? siteConfig.locale,
    draft: data.draft,
    story: undefined,
    digest: entry.digest === undefined ? undefined : String(entry.digest),
  };
  entries.set(article, entry);
  return article;
}

function byNameThenId(a: SourceSummary, b: SourceSummary): number {
  return (
    a.source.name.localeCompare(b.source.name, 'en') ||
    (a.source.id < b.source.id ? -1 : a.source.id > b.source.id ? 1 : 0)
  );
}

/** Builds the site's content from collection entries: pure, so tests can call it with entries they parsed. */
export function buildSiteContent(
  articleEntries: readonly CollectionEntry<'articles'>[],
  sourceEntries: readonly CollectionEntry<'sources'>[],
  options: { readonly includeDrafts: boolean; readonly timeZone: string },
): SiteContent {
  const sourcesById = new Map(sourceEntries.map((entry) => [entry.id, toSource(entry)]));
  const { articles, stories } = withStories(
    sortNewestFirst(
      articleEntries.filter((entry) => isPublished(entry.data, options)).map((entry) => toArticle(entry, sourcesById)),
      options.timeZone,
    ),
  );

  const articlesBySource = new Map<string, Article[]>(
    [...sourcesById.keys()].map((id): [string, Article[]] => [id, []]),
  );
  const topicArticles = new Map<string, { articles: Article[]; spellings: Map<string, number> }>();
  for (const article of articles) {
    articlesBySource.get(article.source.id)?.push(article);
    for (const tag of article.tags) {
      const topic = topicArticles.get(tag.slug) ?? { articles: [], spellings: new Map<string, number>() };
      topic.articles.push(article);
      topic.spellings.set(tag.label, (topic.spellings.get(tag.label) ?? 0) + 1);
      topicArticles.set(tag.slug, topic);
    }
  }

  const sources = [...sourcesById.values()]
    .map((source) => ({ source, count: articlesBySource.get(source.id)?.length ?? 0 }))
    .sort(byNameThenId);
  const topics = [...topicArticles.entries()]
    .map(([slug, { articles: tagged, spellings }]) => ({ slug, label: preferredSpelling(spellings), articles: tagged }))
    .sort((a, b) => a.label.localeCompare(b.label, 'en') || (a.slug < b.slug ? -1 : 1));

  return { articles, sources, topics, articlesBySource, neighbours: neighboursById(articles), stories };
}

/** What story grouping reads of an article: its headline, its summary, and its front matter's `story`. */
function toStoryArticle(article: Article): StoryArticle {
  return {
    id: article.id,
    title: article.title,
    lead: article.summary,
    date: article.date,
    lang: article.lang,
    source: article.source.id,
    story: entries.get(article)?.data.story,
  };
}

/** The articles (in the same order) with their stories attached, and the stories with their articles. */
function withStories(sorted: readonly Article[]): { articles: Article[]; stories: StoryView[] } {
  // Reused from the last build when no article's grouping fields changed (src/lib/stories/cache.ts).
  const index = groupStoriesCached(sorted.map(toStoryArticle), storyCacheInUse());
  const refs = storyRefs(index, new Map(sorted.map((article) => [article.id, article])));
  const articles = sorted.map((article) => {
    const story = index.storyOf.get(article.id);
    if (!story) return article;
    const withStory: Article = { ...article, story: refs.get(story.id) };
    const entry = entries.get(article);
    if (entry) entries.set(withStory, entry);
    return withStory;
  });
  for (const article of articles) freezeArticle(article);
  const byId = new Map(articles.map((article) => [article.id, article]));
  const stories = index.stories.map((story) => ({
    id: story.id,
    articles: story.articleIds.flatMap((id) => byId.get(id) ?? []),
  }));
  return { articles, stories };
}

// Frozen all the way down, an article's page cache key text is computed once a build, not on each of the eight or so
// pages that show it (src/lib/cache-key.ts). A lead image's metadata object is Astro's and stays as it is.
function freezeArticle(article: Article): void {
  const frozen = <T extends object>(value: T): T => Object.freeze(value);
  frozen(article.date);
  if (article.updated) frozen(article.updated);
  frozen(article.source);
  for (const via of article.via) frozen(via);
  frozen(article.via);
  frozen(article.authors);
  for (const tag of article.tags) frozen(tag);
  frozen(article.tags);
  if (article.image) frozen(article.image);
  if (article.story) {
    for (const outlet of article.story.outlets) frozen(outlet);
    frozen(article.story.outlets);
    frozen(article.story);
  }
  frozen(article);
}

function preferredSpelling(spellings: ReadonlyMap<string, number>): string {
  return (
    [...spellings.entries()].sort(
      ([a, countA], [b, countB]) => countB - countA || (a < b ? -1 : a > b ? 1 : 0),
    )[0]?.[0] ?? ''
  );
}

let cached: Promise<SiteContent> | undefined;

/**
 * The site's content, queried once per build. In `astro dev` it is queried afresh on every request so that edits
 * show up, and drafts are included.
 */
export function getSiteContent(): Promise<SiteContent> {
  const isDevServer = import.meta.env.BROADSHEET_SHOW_DRAFTS === true;
  const load = async () =>
    buildSiteContent(await getCollection('articles'), await getCollection('sources'), {
      includeDrafts: isDevServer,
      timeZone: siteConfig.timeZone,
    });
  if (isDevServer) return load();
  cached ??= load();
  return cached;
}

/**
 * What a page shows of an article it only links to (its neighbours, "More from"): its address, headline, date and
 * language. Cache keys take this rather than the whole article, so a change the link does not show (a summary, the
 * article's story) re-renders only the pages that show it.
 */
export function linkShown(article: Article | undefined) {
  return article && { id: article.id, title: article.title, date: article.date, lang: article.lang };
}

// Each article's place in its source's list, found once per build rather than searched for on every page.
const placesInSource = new WeakMap<SiteContent, Map<string, number>>();

function placeInSource(content: SiteContent, article: Article): number | undefined {
  let places = placesInSource.get(content);
  if (!places) {
    places = new Map();
    for (const list of content.articlesBySource.values()) {
      for (const [index, other] of list.entries()) places.set(other.id, index);
    }
    placesInSource.set(content, places);
  }
  return places.get(article.id);
}

/**
 * "More from" the article's source: the `limit` articles the source published just before it, newest first, topped
 * up with the ones just after it when fewer came before. Not the source's newest: those change with every article
 * the source adds, which would re-render every article page of that source (2,000 pages at 100,000 articles from 50
 * outlets) instead of none.
 */
export function moreFromSource(content: SiteContent, article: Article, limit: number): Article[] {
  const list = content.articlesBySource.get(article.source.id) ?? [];
  const at = placeInSource(content, article);
  if (at === undefined || list[at]?.id !== article.id) return list.slice(0, limit);
  const before = list.slice(at + 1, at + 1 + limit);
  const after = list.slice(Math.max(0, at - (limit - before.length)), at);
  return [...after, ...before];
}

/** Why an empty rendered body cannot be the article's whole body, if anything says so. */
function signOfLostBody(stored: CollectionEntry<'articles'>, read: CollectionEntry<'articles'>): string | undefined {
  // Astro keeps no Markdown source (the loader passes retainBody: false), so an empty body is told from a lost one by
  // what was computed from the body when it was rendered. The store's copy keeps the excerpt whatever happens to the
  // body file; the body file keeps the search lead and headings; both keep the image paths.
  if (storedBodyKey(read.rendered) !== undefined) return "it is still the content store's copy, which holds no HTML";
  if (articleText(stored.rendered).excerpt !== '') return 'the content store holds its first paragraph';
  if (articleText(read.rendered).searchLead !== '') return 'its rendered entry holds the first words of its text';
  const metadata: Readonly<Record<string, unknown>> = read.rendered?.metadata ?? {};
  if (Array.isArray(metadata['headings']) && metadata['headings'].length > 0) return 'it has headings';
  if (Array.isArray(metadata['imagePaths']) && metadata['imagePaths'].length > 0) return 'it has images';
  return undefined;
}

/**
 * The article's entry with its whole rendered body read back from its file, checked to hold the HTML its Markdown
 * gave.
 */
function entryWithBody(article: Article): CollectionEntry<'articles'> {
  const stored = entries.get(article);
  if (!stored) {
    throw new Error(
      `Article "${article.id}" did not come from getSiteContent(), so there is no body to render for it.`,
    );
  }
  const read = withBody(stored);
  if ((read.rendered?.html ?? '').trim() === '') {
    const sign = signOfLostBody(stored, read);
    if (sign) {
      throw new Error(
        `${stored.filePath ?? stored.id}: the rendered body is empty, but the Markdown body is not (${sign}). ` +
          'Its HTML was lost after the articles loader rendered it, and the page would ship without its text.',
      );
    }
  }
  return read;
}

/**
 * Renders an article's body for its page, read back from where the articles loader keeps it.
 *
 * @throws naming the article's file when the rendered HTML is empty although the Markdown body is not.
 */
export async function renderArticle(article: Article): Promise<RenderedArticle> {
  const entry = entryWithBody(article);
  const { Content } = await render(entry);
  return { Content, standfirst: entry.data.summary, searchLead: articleText(entry.rendered).searchLead };
}

/**
 * An article's body as HTML, for the feeds. Images in the content folder are still Astro's placeholders in it: they
 * are resolved only when the body is rendered as a component (`renderArticle`).
 *
 * @throws naming the article's file when the rendered HTML is empty although the Markdown body is not.
 */
export function articleHtml(article: Article): string {
  return entryWithBody(article).rendered?.html ?? '';
}
