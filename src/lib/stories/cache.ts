// Story grouping reads every article on every build (3.3 s of an edit rebuild at 20,000 articles), though most builds
// change none of what it reads. Its result is a pure function of the articles' grouping fields, the options and the
// grouping code, so it is kept in one file, named by a digest of exactly those, and reused while the digest matches.
// Only the last result is kept: a build either matches it or computes and replaces it.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { groupStories } from './index';
import { type GroupingOptions, resolveOptions } from './options';
import type { Story, StoryArticle, StoryIndex } from './types';

/** Where a build keeps the last grouping, and the revision of the code that grouped it. */
export interface StoryCache {
  /** The cache file, such as `node_modules/.astro/<content>/broadsheet-stories.json`. */
  readonly file: string;
  /** A digest of the grouping code (src/lib/stories and what it imports): a change of code never reuses a result. */
  readonly codeRevision: string;
}

/** What the cache file holds. */
interface CachedGrouping {
  readonly digest: string;
  readonly stories: readonly Story[];
}

// Raised when the file format changes, so an older file is never read as the new one.
const FORMAT = 'broadsheet-stories/1';

/**
 * A digest of everything grouping reads: each article's id, title, lead, date (text and kind), language, source and
 * story override, in the order given, the options (defaults resolved) and the code revision.
 */
export function storyInputDigest(
  articles: readonly StoryArticle[],
  options: Partial<GroupingOptions>,
  codeRevision: string,
): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify([FORMAT, codeRevision, resolveOptions(options), articles.length]));
  for (const article of articles) {
    // One JSON array per article: its text cannot run into the next article's.
    hash.update(
      JSON.stringify([
        article.id,
        article.title,
        article.lead,
        article.date.iso,
        article.date.dateOnly,
        article.lang,
        article.source,
        article.story ?? null,
      ]),
    );
  }
  return hash.digest('base64url');
}

function readCached(file: string, digest: string): StoryIndex | undefined {
  let cached: CachedGrouping;
  try {
    cached = JSON.parse(readFileSync(file, 'utf8')) as CachedGrouping;
  } catch {
    return undefined; // none yet, or unreadable: group again and replace it
  }
  if (cached.digest !== digest || !Array.isArray(cached.stories)) return undefined;
  const storyOf = new Map<string, Story>();
  for (const story of cached.stories) for (const id of story.articleIds) storyOf.set(id, story);
  return { stories: cached.stories, storyOf };
}

function writeCached(file: string, grouping: CachedGrouping): void {
  // Written aside and renamed, so a build killed half-way leaves the old file or the new one, never a part.
  const partial = `${file}.${process.pid}.partial`;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(partial, JSON.stringify(grouping));
  renameSync(partial, file);
}

/**
 * Groups articles into stories as `groupStories` does, reusing the result kept in `cache.file` when the articles'
 * grouping fields, the options and the code revision are exactly those it was computed from. Without a cache it
 * simply groups. `group` is for tests.
 */
export function groupStoriesCached(
  articles: readonly StoryArticle[],
  cache: StoryCache | undefined,
  options: Partial<GroupingOptions> = {},
  group: typeof groupStories = groupStories,
): StoryIndex {
  if (!cache) return group(articles, options);
  const digest = storyInputDigest(articles, options, cache.codeRevision);
  const cached = readCached(cache.file, digest);
  if (cached) return cached;
  const index = group(articles, options);
  writeCached(cache.file, { digest, stories: index.stories });
  return index;
}
