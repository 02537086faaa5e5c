// The article index: what `npm run fetch` and `npm run import` need to know about the articles already in a content
// folder (each one's cleaned sourceUrl, the importer's duplicate key, its id and its topics), kept in committed files
// (seen-index-store.ts) so that a run reads neither every article file nor every entry. What changed since the index
// was written is found from git (article-listing.ts): folders whose tree id moved are compared file by file, and files
// git reports as uncommitted are always read. So a stale index never lets a duplicate through or forgets an article.
// docs/intake.md#the-article-index says why this design.
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseContentDate, writtenDay } from '../../src/lib/content-date';
import { FrontmatterError, splitMarkdown } from '../../src/lib/frontmatter';
import { articleIdFromPath } from '../../src/lib/slug';
import {
  type ArticleListing,
  folderOf,
  listArticles,
  listArticlesLater,
  type StampMode,
  walkArticles,
} from './article-listing';
import type { ExistingArticle } from './content-snapshot';
import {
  ARTICLE_INDEX_DIR,
  byText,
  DamagedIndexError,
  type IndexBase,
  type IndexedArticle,
  type LookupField,
  MemoryIndex,
  readStoredFolders,
  StoredIndex,
  writeIndexChanges,
  writeWholeIndex,
} from './seen-index-store';
import { cleanSourceUrl } from './web-url';

export { ARTICLE_INDEX_DIR, type IndexedArticle, type StampMode };

/**
 * The importer's duplicate rule as a key: the same source, the same title (case and spacing aside) and the same
 * written day (`writtenDay`, YYYY-MM-DD).
 */
export function duplicateKey(source: string, day: string, title: string): string | undefined {
  const text = title.replace(/\s+/g, ' ').trim().toLowerCase();
  return source && day && text ? `${source}\t${day}\t${text}` : undefined;
}

function keyOf(article: ExistingArticle): string | undefined {
  if (!article.source || !article.date || !article.title) return undefined;
  const parsed = parseContentDate(article.date);
  return typeof parsed === 'string' ? undefined : duplicateKey(article.source, writtenDay(parsed), article.title);
}

/** An article as the index keeps it: the fields the importer knows, reduced to what duplicates and topics need. */
export function indexedArticle(article: ExistingArticle, stamp?: string): IndexedArticle {
  return {
    path: article.path,
    stamp,
    url: article.sourceUrl ? (cleanSourceUrl(article.sourceUrl) ?? undefined) : undefined,
    key: keyOf(article),
    tags: article.tags,
  };
}

/**
 * A stored index that turns itself into one rebuilt from the article files the first time a file of it proves
 * damaged, whenever that is (files are read when first asked about), saying so once.
 */
class RecoveringIndex implements IndexBase {
  #memory: MemoryIndex | undefined;

  constructor(
    readonly stored: StoredIndex,
    private readonly rebuild: (problem: string) => MemoryIndex,
  ) {}

  /** The index rebuilt from the files, once a stored file proved damaged. */
  get memory(): MemoryIndex | undefined {
    return this.#memory;
  }

  /** Gives up the stored index for one rebuilt from the files. */
  recover(error: DamagedIndexError): MemoryIndex {
    this.#memory ??= this.rebuild(`${error.message} was damaged`);
    return this.#memory;
  }

  #ask<T>(question: (base: IndexBase) => T): T {
    if (this.#memory) return question(this.#memory);
    try {
      return question(this.stored);
    } catch (error) {
      if (!(error instanceof DamagedIndexError)) throw error;
      return question(this.recover(error));
    }
  }

  entry(path: string): IndexedArticle | undefined {
    return this.#ask((base) => base.entry(path));
  }

  paths(field: LookupField, value: string): readonly string[] {
    return this.#ask((base) => base.paths(field, value));
  }

  tagCounts(): ReadonlyMap<string, number> {
    return this.#ask((base) => base.tagCounts());
  }
}

/**
 * What is known about a content folder's articles, looked up by address, duplicate key and id without a scan: the
 * index as stored (or built), with the articles found changed since it was written and the ones a run plans laid over
 * it. It does not change: `with` returns a new index with one more article.
 */
export class ArticleIndex {
  readonly #base: IndexBase;
  readonly #changes: ReadonlyMap<string, IndexedArticle | null>;
  readonly #changed = {
    url: new Map<string, string[]>(),
    key: new Map<string, string[]>(),
    id: new Map<string, string[]>(),
  };
  #sortedTags: readonly string[] | undefined;

  /** An index of `base` with `changes` laid over it: an article by path, or null for one that is gone. */
  constructor(base: IndexBase, changes: ReadonlyMap<string, IndexedArticle | null> = new Map()) {
    this.#base = base;
    this.#changes = changes;
    const add = (map: Map<string, string[]>, value: string | undefined, path: string) => {
      if (value !== undefined) map.set(value, [...(map.get(value) ?? []), path]);
    };
    for (const [path, article] of changes) {
      if (!article) continue;
      add(this.#changed.url, article.url, path);
      add(this.#changed.key, article.key, path);
      add(this.#changed.id, articleIdFromPath(path), path);
    }
  }

  // Of several articles with one value, the first by path is the one named.
  #pathWith(field: LookupField, value: string): string | undefined {
    let first: string | undefined;
    for (const path of this.#base.paths(field, value)) {
      if (!this.#changes.has(path) && (first === undefined || path < first)) first = path;
    }
    for (const path of this.#changed[field].get(value) ?? []) if (first === undefined || path < first) first = path;
    return first;
  }

  /** The path of the article with this cleaned sourceUrl. */
  pathWithUrl(url: string): string | undefined {
    return this.#pathWith('url', url);
  }

  /** The path of the article with this duplicate key (`duplicateKey`). */
  pathWithKey(key: string): string | undefined {
    return this.#pathWith('key', key);
  }

  /** The path of the article with this id (its URL segment). */
  pathWithId(id: string): string | undefined {
    return this.#pathWith('id', id);
  }

  /** The topics the articles use, sorted. */
  tags(): readonly string[] {
    if (!this.#sortedTags) {
      const counts = new Map(this.#base.tagCounts());
      for (const [path, article] of this.#changes) {
        for (const tag of this.#base.entry(path)?.tags ?? []) counts.set(tag, (counts.get(tag) ?? 0) - 1);
        for (const tag of article?.tags ?? []) counts.set(tag, (counts.get(tag) ?? 0) + 1);
      }
      this.#sortedTags = [...counts.keys()].filter((tag) => (counts.get(tag) ?? 0) > 0).sort(byText);
    }
    return this.#sortedTags;
  }

  /** A new index with one more article (one at a path already there replaces it). */
  with(article: IndexedArticle): ArticleIndex {
    return new ArticleIndex(this.#base, new Map(this.#changes).set(article.path, article));
  }

  /** Whether it differs from what is stored: articles changed or planned, or the stored index had to be rebuilt. */
  needsWriting(): boolean {
    return this.#changes.size > 0 || (this.#base instanceof RecoveringIndex && this.#base.memory !== undefined);
  }

  /** For `writeArticleIndex`: the index underneath and what is laid over it. */
  parts(): { readonly base: IndexBase; readonly changes: ReadonlyMap<string, IndexedArticle | null> } {
    return { base: this.#base, changes: this.#changes };
  }
}

/** An index of articles as the importer describes them (tests, and folders read in full). */
export function articleIndexOf(articles: readonly ExistingArticle[]): ArticleIndex {
  return new ArticleIndex(new MemoryIndex(articles.map((article) => indexedArticle(article))));
}

/** The index of a content folder, brought up to date with its files. */
export interface LoadedArticleIndex {
  readonly index: ArticleIndex;
  /** Whether it differs from the stored index (articles read again, added or gone, or rebuilt): worth writing back. */
  readonly changed: boolean;
  /** How files were stamped; new files get stamps the same way when the index is written. */
  readonly mode: StampMode;
  /** Article files read this time (those the index did not know as they are). */
  readonly read: number;
  /** Each article folder with the git tree id its entries are known to match (null: compare it next time). */
  readonly records: ReadonlyMap<string, string | null>;
}

const articlePath = (folder: string, name: string) => (folder === '' ? name : `${folder}/${name}`);

function sameEntry(a: IndexedArticle, b: IndexedArticle): boolean {
  return a.stamp === b.stamp && a.url === b.url && a.key === b.key && a.tags.join('\n') === b.tags.join('\n');
}

/** Each listed folder with its tree id, null for those holding uncommitted articles. */
function folderRecords(listing: ArticleListing): Map<string, string | null> {
  const records = new Map<string, string | null>();
  for (const [folder, tree] of listing.folders) records.set(folder, tree ?? null);
  for (const path of listing.uncommitted) records.set(folderOf(path), null);
  return records;
}

/** Every article file read, as the folder is now. */
function readEveryArticle(contentDir: string, mode: StampMode): IndexedArticle[] {
  const walked = walkArticles(contentDir);
  const articles: IndexedArticle[] = [];
  for (const folder of walked.folders.keys()) {
    for (const [name, stamp] of walked.files(folder)) {
      const article = readArticleEntry(
        contentDir,
        articlePath(folder, name),
        mode,
        mode === 'stat' ? stamp : undefined,
      );
      if (article) articles.push(article);
    }
  }
  return articles;
}

function rebuildIndex(
  contentDir: string,
  listing: ArticleListing,
  problem: string | undefined,
  notice: (line: string) => void,
): LoadedArticleIndex {
  const articles = readEveryArticle(contentDir, listing.mode);
  // A first run builds the index quietly; an index that cannot be trusted is worth a line.
  if (problem) notice(`${ARTICLE_INDEX_DIR}: ${problem}; rebuilt it from the ${articles.length} article file(s).`);
  const index = new ArticleIndex(new MemoryIndex(articles));
  return { index, changed: true, mode: listing.mode, read: articles.length, records: folderRecords(listing) };
}

/**
 * Reads the index and brings it up to date with the article files. In a git work tree, a folder whose tree id is the
 * one recorded is trusted as a whole; any other folder is compared file by file with what git has, and only files
 * whose object id differs are read; files git reports as uncommitted are always read. Elsewhere every folder is
 * compared, by file sizes and times. A missing index is built from all the files; a damaged one, or one of another
 * version, too, with one line to `notice` saying so.
 */
export function loadArticleIndex(
  contentDir: string,
  notice: (line: string) => void = (line) => console.error(line),
): LoadedArticleIndex {
  return loadWithListing(contentDir, listArticles(contentDir), notice);
}

/**
 * `loadArticleIndex`, with git's check of the work tree run in the background (`listArticlesLater`); aborting `signal`
 * stops it.
 */
export async function loadArticleIndexLater(
  contentDir: string,
  notice: (line: string) => void = (line) => console.error(line),
  signal?: AbortSignal,
): Promise<LoadedArticleIndex> {
  return loadWithListing(contentDir, await listArticlesLater(contentDir, signal), notice);
}

function loadWithListing(
  contentDir: string,
  listing: ArticleListing,
  notice: (line: string) => void,
): LoadedArticleIndex {
  const stored = readStoredFolders(contentDir);
  if ('problem' in stored) return rebuildIndex(contentDir, listing, stored.quiet ? undefined : stored.problem, notice);
  try {
    return refreshIndex(contentDir, listing, new StoredIndex(contentDir, stored.folders), notice);
  } catch (error) {
    if (!(error instanceof DamagedIndexError)) throw error;
    return rebuildIndex(contentDir, listing, `${error.message} was damaged`, notice);
  }
}

function refreshIndex(
  contentDir: string,
  listing: ArticleListing,
  stored: StoredIndex,
  notice: (line: string) => void,
): LoadedArticleIndex {
  const changes = new Map<string, IndexedArticle | null>();
  const records = folderRecords(listing);
  let read = 0;
  const compare = (path: string, known: IndexedArticle | undefined, stamp: string | undefined) => {
    const fresh = readArticleEntry(contentDir, path, listing.mode, stamp);
    read += 1;
    if (fresh ? !known || !sameEntry(known, fresh) : known) changes.set(path, fresh ?? null);
  };
  for (const folder of new Set([...stored.folders.keys(), ...listing.folders.keys()])) {
    const now = listing.folders.get(folder);
    if (now !== undefined && stored.folders.get(folder) === now) continue;
    const shard = stored.shard(folder);
    const files = listing.folders.has(folder) ? listing.files(folder) : new Map<string, string | undefined>();
    for (const [name, stamp] of files) {
      const path = articlePath(folder, name);
      const known = shard.get(name);
      if (listing.uncommitted.has(path) || (stamp !== undefined && known?.stamp === stamp)) continue;
      compare(path, known, stamp);
    }
    for (const name of shard.keys()) {
      const path = articlePath(folder, name);
      if (!files.has(name) && !listing.uncommitted.has(path)) changes.set(path, null);
    }
  }
  for (const path of listing.uncommitted) compare(path, stored.entry(path), undefined);
  const base = new RecoveringIndex(stored, (problem) => {
    const articles = readEveryArticle(contentDir, listing.mode);
    notice(`${ARTICLE_INDEX_DIR}: ${problem}; rebuilt it from the ${articles.length} article file(s).`);
    return new MemoryIndex(articles);
  });
  return { index: new ArticleIndex(base, changes), changed: changes.size > 0, mode: listing.mode, read, records };
}

/**
 * Writes the index back: only the files that changed when the stored index can be kept, else the whole index. Planned
 * articles (no stamp yet) are read from their files now, and one whose file is not there (a failed write) is left out,
 * so the index only describes files as they are. `index` is `loaded.index` with the run's planned articles.
 */
export function writeArticleIndex(
  contentDir: string,
  loaded: LoadedArticleIndex,
  index: ArticleIndex = loaded.index,
): void {
  const { base, changes: laid } = index.parts();
  const records = new Map(loaded.records);
  const changes = new Map<string, IndexedArticle | null>();
  for (const [path, article] of laid) {
    if (article?.stamp !== undefined || article === null) {
      changes.set(path, article);
      continue;
    }
    // A planned article is read from its file, not taken from the plan: the write may have failed, or found another
    // article under that name. Its folder is not as git has it until the file is committed.
    changes.set(path, readArticleEntry(contentDir, path, loaded.mode, undefined) ?? null);
    records.set(folderOf(path), null);
  }
  if (base instanceof RecoveringIndex && !base.memory) {
    try {
      writeIndexChanges(contentDir, base.stored, changes, records);
      return;
    } catch (error) {
      if (!(error instanceof DamagedIndexError)) throw error;
      base.recover(error);
    }
  }
  const memory = base instanceof RecoveringIndex ? (base.memory as MemoryIndex) : (base as MemoryIndex);
  const articles = [...memory.entries()].filter((article) => !changes.has(article.path));
  for (const article of changes.values()) if (article) articles.push(article);
  writeWholeIndex(contentDir, articles, records);
}

/** Reads one article file into an entry; undefined when it is gone. */
function readArticleEntry(
  contentDir: string,
  path: string,
  mode: StampMode,
  stamp: string | undefined,
): IndexedArticle | undefined {
  const filePath = join(contentDir, 'articles', path);
  let bytes: Buffer;
  try {
    bytes = readFileSync(filePath);
  } catch {
    return undefined;
  }
  const fileStamp = stamp ?? (mode === 'git' ? gitStamp(bytes) : statStamp(filePath));
  return indexedArticle(existingArticle(path, bytes.toString('utf8')), fileStamp);
}

/** What the importer needs from one article file's text (its front matter; nothing when it cannot be read). */
export function existingArticle(path: string, text: string): ExistingArticle {
  const id = articleIdFromPath(path);
  try {
    const { data } = splitMarkdown(text);
    const asText = (value: unknown) => (typeof value === 'string' ? value : undefined);
    const tags = Array.isArray(data['tags'])
      ? data['tags'].filter((tag): tag is string => typeof tag === 'string')
      : [];
    return {
      path,
      id,
      title: asText(data['title']),
      date: asText(data['date']),
      source: asText(data['source']),
      sourceUrl: asText(data['sourceUrl']),
      tags,
    };
  } catch (error) {
    if (error instanceof FrontmatterError) return { path, id, tags: [] };
    throw error;
  }
}

// git's object id for a file's bytes: what `git ls-files -s` shows for it once it is committed as it is.
function gitStamp(bytes: Uint8Array): string {
  const hash = createHash('sha1');
  hash.update(`blob ${bytes.byteLength}\0`);
  hash.update(bytes);
  return `git:${hash.digest('hex')}`;
}

function statStamp(filePath: string): string | undefined {
  try {
    const stats = statSync(filePath);
    return stats.isFile() ? `stat:${stats.size}:${stats.mtimeMs}:${stats.ctimeMs}` : undefined;
  } catch {
    return undefined;
  }
}
