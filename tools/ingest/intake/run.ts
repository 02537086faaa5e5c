// One intake run: every source with a feed is fetched (sources in parallel, the HTTP client keeping one request at a
// time per host), each new item becomes an article through the importer's stages, and what happened to each source
// is reported. One source's failure never stops the others.
import type { ContentDate } from '../../../src/lib/content-date';
import { type ContentSnapshot, readContentSnapshotLater, readSources, saveArticleIndex } from '../content-snapshot';
import { ImportError } from '../errors';
import { parseFeed } from '../feeds/parse-feed';
import { FeedError, type FeedItem, type ParsedFeed } from '../feeds/types';
import { type HttpClient, HttpError } from '../http/types';
import { httpImageDownloader } from '../images/http-downloader';
import { localiseImages } from '../images/localise';
import { type ArticlePlan, DuplicateArticleError, planArticle, withPlan } from '../plan';
import type { KnownSource } from '../sources';
import { cleanSourceUrl } from '../web-url';
import { removePartialFiles, writePlannedFiles } from '../write-files';
import { draftFromItem, draftFromPage } from './item-draft';
import { type FeedState, feedState, type IntakeState, readState, withSeen, writeState } from './state';

/** New articles one run takes from a source that sets no `feedLimit`: a first run on a long feed stays reviewable. */
export const DEFAULT_FEED_LIMIT = 50;

/** What the feed request asks for: the four formats, then anything (some servers send feeds as text/xml or text/html). */
const FEED_ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, application/json;q=0.7, */*;q=0.1';

/** How one run behaves. */
export interface IntakeOptions {
  /** The content folder. */
  readonly contentDir: string;
  /** `--source`: only these source ids (each must have a `feed`); all sources with a feed when absent. */
  readonly sourceIds?: readonly string[] | undefined;
  /** `--dry-run`: fetch and plan, write nothing (not even the state file). */
  readonly dryRun: boolean;
  /** `--draft`: new articles get `draft: true`. */
  readonly draft: boolean;
  /** `--max`: at most this many new articles per source, newest first (over the source's `feedLimit`). */
  readonly max?: number | undefined;
  /** `--remote-images`: keep images' `https:` addresses instead of downloading them. */
  readonly remoteImages: boolean;
  /** The HTTP client every request goes through. */
  readonly client: HttpClient;
  /** The run's clock, as an instant (state) and as a content date (an undated item's date). */
  readonly now: Date;
  /** Receives one line per article written or planned, as the run goes. */
  readonly log?: ((line: string) => void) | undefined;
}

/** What happened to one source. */
export interface SourceReport {
  readonly id: string;
  readonly name: string;
  readonly feed: string;
  /** `fetched`: the feed was read (new articles or not); `unchanged`: 304; `skipped`: a Retry-After in force. */
  readonly status: 'fetched' | 'unchanged' | 'skipped' | 'failed';
  /** Paths (relative to the content folder) of the articles written, or planned in a dry run. */
  readonly articles: readonly string[];
  /** Images downloaded beside those articles. */
  readonly images: number;
  /** Items already in the content folder or taken before. */
  readonly seen: number;
  /** New items left for the next run by the limit. */
  readonly deferred: number;
  /** Items that could not become articles, each with its reason. */
  readonly problems: readonly string[];
  /** Things worth reading about the articles written (a teaser-only feed, a kept remote image). */
  readonly notes: readonly string[];
  /** Why the source failed or was skipped. */
  readonly reason?: string | undefined;
}

/** The whole run. */
export interface IntakeReport {
  readonly sources: readonly SourceReport[];
  /** HTTP requests sent. */
  readonly requests: number;
  readonly dryRun: boolean;
}

/** A source the user named that cannot be fetched: a usage problem, found before any request. */
export class IntakeUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IntakeUsageError';
  }
}

/** An instant as a contract date-time in UTC, to the second. */
function contentDateOf(instant: Date): ContentDate {
  return { iso: `${instant.toISOString().slice(0, 19)}+00:00`, dateOnly: false };
}

function itemLabel(item: FeedItem): string {
  return item.title ? `"${item.title.replace(/\s+/g, ' ').trim().slice(0, 80)}"` : (item.url ?? item.id ?? 'an item');
}

/** The key under which an item is remembered: its feed id, else its address. */
function seenKey(item: FeedItem): string | undefined {
  return item.id?.trim() || (item.url ? (cleanSourceUrl(item.url) ?? item.url) : undefined);
}

function itemTime(item: FeedItem): number {
  const date = item.published ?? item.updated;
  return date ? Date.parse(date.iso) : Number.NEGATIVE_INFINITY;
}

/** Items newest first; undated items keep the feed's order, after the dated ones. */
function newestFirst(items: readonly FeedItem[]): FeedItem[] {
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => itemTime(b.item) - itemTime(a.item) || a.index - b.index)
    .map(({ item }) => item);
}

/** The sources to fetch: the named ones (each must exist and have a feed) or every source with a feed. */
export function selectSources(
  snapshot: Pick<ContentSnapshot, 'sources'>,
  sourceIds: readonly string[] | undefined,
): KnownSource[] {
  if (!sourceIds || sourceIds.length === 0) return snapshot.sources.filter((source) => source.intake);
  return [...new Set(sourceIds)].map((id) => {
    const source = snapshot.sources.find((known) => known.id === id);
    if (!source) {
      const known = snapshot.sources.map((candidate) => candidate.id).join(', ') || 'none';
      throw new IntakeUsageError(`--source "${id}" is not a known source (known: ${known}).`);
    }
    if (!source.intake) {
      throw new IntakeUsageError(
        `--source "${id}" has no feed: add feed: 'https://…' to sources/${id}.yaml to fetch it.`,
      );
    }
    return source;
  });
}

/**
 * Runs intake over a content folder. Never throws for a source's own problem (it is in the report); throws an
 * ImportError when the content folder or the state file cannot be read, and an IntakeUsageError for a bad `--source`.
 */
export async function runIntake(options: IntakeOptions): Promise<IntakeReport> {
  const known = readSources(options.contentDir);
  const sources = selectSources({ sources: known }, options.sourceIds);
  const state: IntakeState = readState(options.contentDir);
  if (!options.dryRun) removePartialFiles(options.contentDir);
  // The article index answers "is this address known?" without reading the articles (seen-index.ts). It loads while
  // the first feeds are fetched; each source waits for it before its first question, and writes nothing until then.
  const unasked = new AbortController();
  const loading = readContentSnapshotLater(options.contentDir, known, (line) => options.log?.(line), unasked.signal);
  let asked = false;
  let planned: ContentSnapshot | undefined;
  const ready = loading.then((loaded) => {
    planned ??= loaded;
  });
  // A failure to load is raised where the run waits for the index (below, or at the end when no feed changed).
  ready.catch(() => undefined);
  /** The snapshot with every plan reserved so far; read without a pause between a question and the reservation. */
  const latest = (): ContentSnapshot => {
    if (!planned) throw new Error('the article index is not loaded yet');
    return planned;
  };
  const now = contentDateOf(options.now);
  const today = now.iso.slice(0, 10);
  const download = httpImageDownloader(options.client);

  const saveState = (id: string, next: FeedState) => {
    state.sources[id] = next;
    if (!options.dryRun) writeState(options.contentDir, state);
  };

  /** Plans an item against the snapshot and reserves its place at once, so parallel sources cannot both take it. */
  const reserve = (plan: ArticlePlan) => {
    planned = withPlan(latest(), plan);
  };

  const fetchSource = async (source: KnownSource): Promise<SourceReport> => {
    const intake = source.intake;
    if (!intake) throw new Error(`${source.id} has no feed`);
    const base = { id: source.id, name: source.name, feed: intake.feed };
    const empty = { articles: [], images: 0, seen: 0, deferred: 0, problems: [], notes: [] };
    let current = feedState(state, source.id, intake.feed);
    if (current.retryAfter && new Date(current.retryAfter) > options.now) {
      return { ...base, ...empty, status: 'skipped', reason: `the server asked to wait until ${current.retryAfter}.` };
    }

    let feed: ParsedFeed;
    let validators: { etag: string | undefined; lastModified: string | undefined };
    try {
      const result = await options.client.get({
        url: intake.feed,
        accept: FEED_ACCEPT,
        etag: current.etag,
        lastModified: current.lastModified,
      });
      if (result.kind === 'not-modified') {
        if (current.retryAfter) saveState(source.id, { ...current, retryAfter: undefined });
        return { ...base, ...empty, status: 'unchanged' };
      }
      if (result.kind === 'retry-later') {
        const until = result.until.toISOString();
        saveState(source.id, { ...current, retryAfter: until });
        return {
          ...base,
          ...empty,
          status: 'skipped',
          reason: `the server answered ${result.status} and asked to wait until ${until}.`,
        };
      }
      feed = parseFeed(result.body, { contentType: result.contentType, url: result.url });
      validators = { etag: result.etag, lastModified: result.lastModified };
    } catch (error) {
      if (error instanceof HttpError || error instanceof FeedError || error instanceof ImportError) {
        return { ...base, ...empty, status: 'failed', reason: error.message };
      }
      throw error;
    }

    asked = true;
    await ready;
    const articles: string[] = [];
    const problems: string[] = [];
    const notes: string[] = [];
    let images = 0;
    let seen = 0;
    let deferred = 0;
    const taken: string[] = [];
    const limit = Math.min(options.max ?? Number.POSITIVE_INFINITY, intake.limit ?? DEFAULT_FEED_LIMIT);
    const thisRun = new Set<string>();
    for (const item of newestFirst(feed.items)) {
      const key = seenKey(item);
      const url = item.url ? cleanSourceUrl(item.url) : undefined;
      if (key && (current.seen[key] !== undefined || thisRun.has(key))) {
        seen += 1;
        continue;
      }
      if (key) thisRun.add(key);
      if (url && latest().articles.pathWithUrl(url) !== undefined) {
        seen += 1;
        if (key) taken.push(key);
        continue;
      }
      if (articles.length >= limit) {
        deferred += 1;
        continue;
      }
      const label = itemLabel(item);
      try {
        let draft = draftFromItem(item, { feed, source, now });
        if (intake.fullText) {
          try {
            draft = await draftFromPage(item, draft, options.client);
          } catch (error) {
            if (!(error instanceof ImportError || error instanceof HttpError)) throw error;
            notes.push(`${label}: kept the feed's text; the whole story could not be read: ${error.message}`);
          }
        }
        let plan: ArticlePlan;
        try {
          plan = planArticle(draft, latest(), { source: source.id, extraTags: intake.tags, draft: options.draft });
        } catch (error) {
          if (!(error instanceof DuplicateArticleError)) throw error;
          seen += 1;
          if (key) taken.push(key);
          continue;
        }
        reserve(plan);
        const localised = await localiseImages(plan, { remote: options.remoteImages, download });
        const path = localised.files.find((file) => file.path.startsWith('articles/'))?.path ?? '';
        if (!options.dryRun) writePlannedFiles(options.contentDir, [...localised.assets, ...localised.files]);
        articles.push(path);
        images += localised.assets.length;
        if (key) taken.push(key);
        notes.push(...localised.notes.map((note) => `${path}: ${note}`));
        options.log?.(`${options.dryRun ? 'Would write' : 'Wrote'} ${path} (${source.id})`);
      } catch (error) {
        if (!(error instanceof ImportError || error instanceof HttpError)) throw error;
        problems.push(`${label}: ${error.message}`);
      }
    }
    if (deferred > 0) notes.push(`${deferred} more new item(s) left for the next run (limit ${limit}).`);
    current = withSeen(current, taken, today);
    // A feed whose items all went in is remembered by its validators; after a problem, the next run asks again in full.
    saveState(
      source.id,
      problems.length === 0
        ? { ...current, etag: validators.etag, lastModified: validators.lastModified, retryAfter: undefined }
        : { ...current, retryAfter: undefined },
    );
    return { ...base, status: 'fetched', articles, images, seen, deferred, problems, notes };
  };

  const reports = await Promise.all(sources.map(fetchSource));
  if (!asked) {
    // No feed had anything to read (unchanged, skipped or failed): the index was not needed, and is left as it is.
    unasked.abort();
    await loading.catch((error: unknown) => {
      if (!unasked.signal.aborted || error !== unasked.signal.reason) throw error;
    });
    return { sources: reports, requests: options.client.requestCount, dryRun: options.dryRun };
  }
  const loaded = await loading;
  if (!options.dryRun) saveArticleIndex(loaded, planned ?? loaded);
  return { sources: reports, requests: options.client.requestCount, dryRun: options.dryRun };
}
