// The article index: what `npm run fetch` and `npm run import` need to know about the articles already in a content
// folder (each one's cleaned sourceUrl, the importer's duplicate key, its id and its topics), kept in one committed
// file so that a run does not read every article file. Every article file is still listed each run, with a stamp that
// changes when the file does (git's object id, or size and times outside git), and any file whose stamp differs from
// the index is read again: the index can be stale or damaged without a duplicate slipping through or an article being
// forgotten. docs/intake.md#the-article-index says why this design.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseContentDate, writtenDay } from '../../src/lib/content-date';
import { FrontmatterError, splitMarkdown } from '../../src/lib/frontmatter';
import { articleIdFromPath } from '../../src/lib/slug';
import type { ExistingArticle } from './content-snapshot';
import { cleanSourceUrl } from './web-url';

/** The index file, at the root of the content folder beside `intake-state.json`. */
export const ARTICLE_INDEX_FILE = 'article-index.jsonl';

// The first line names the format. A change to what an entry holds, or to how URLs are cleaned or keys made, needs a
// new version: an index of another version is rebuilt.
const HEADER =
  '# Broadsheet article index, version 1. Written by npm run fetch and npm run import; delete it to rebuild.';

/** One article as the index keeps it. */
export interface IndexedArticle {
  /** Its path under `articles/`, with `/` separators. */
  readonly path: string;
  /** What the file was when it was read (`git:<object id>` or `stat:<size>:<mtime>:<ctime>`); absent until written. */
  readonly stamp?: string | undefined;
  /** Its sourceUrl, cleaned (`cleanSourceUrl`). */
  readonly url?: string | undefined;
  /** Its duplicate key (`duplicateKey`): the same source, title and day. */
  readonly key?: string | undefined;
  /** Its topics. */
  readonly tags: readonly string[];
}

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

const byPathOrder = (a: IndexedArticle, b: IndexedArticle) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/**
 * What is known about a content folder's articles, looked up by address, duplicate key and id without a scan. It does
 * not change: `with` returns a new index with one more article (the files a run plans before writing them), which
 * looks at its own few articles first and then at the index it was made from, so adding costs nothing per article
 * already there.
 */
export class ArticleIndex {
  readonly #base: ArticleIndex | undefined;
  readonly #own: ReadonlyMap<string, IndexedArticle>;
  readonly #byUrl = new Map<string, string>();
  readonly #byKey = new Map<string, string>();
  readonly #byId = new Map<string, string>();
  readonly #tags = new Set<string>();
  #sortedTags: readonly string[] | undefined;

  /**
   * An index of these articles (over `base`, when given); of several with one address, key or id, the first by path
   * is the one named.
   */
  constructor(articles: Iterable<IndexedArticle>, base?: ArticleIndex) {
    this.#base = base;
    const own = new Map<string, IndexedArticle>();
    for (const article of articles) own.set(article.path, article);
    this.#own = own;
    for (const article of [...own.values()].sort(byPathOrder)) {
      if (article.url !== undefined && !this.#byUrl.has(article.url)) this.#byUrl.set(article.url, article.path);
      if (article.key !== undefined && !this.#byKey.has(article.key)) this.#byKey.set(article.key, article.path);
      const id = articleIdFromPath(article.path);
      if (id !== undefined && !this.#byId.has(id)) this.#byId.set(id, article.path);
      for (const tag of article.tags) this.#tags.add(tag);
    }
  }

  /** Every article, sorted by path (one added at a path replaces the one there). */
  articles(): IndexedArticle[] {
    const base = this.#base?.articles().filter((article) => !this.#own.has(article.path)) ?? [];
    return [...base, ...this.#own.values()].sort(byPathOrder);
  }

  /** The path of the article with this cleaned sourceUrl. */
  pathWithUrl(url: string): string | undefined {
    return this.#byUrl.get(url) ?? this.#base?.pathWithUrl(url);
  }

  /** The path of the article with this duplicate key (`duplicateKey`). */
  pathWithKey(key: string): string | undefined {
    return this.#byKey.get(key) ?? this.#base?.pathWithKey(key);
  }

  /** The path of the article with this id (its URL segment). */
  pathWithId(id: string): string | undefined {
    return this.#byId.get(id) ?? this.#base?.pathWithId(id);
  }

  /** The topics the articles use, sorted. */
  tags(): readonly string[] {
    this.#sortedTags ??= [...new Set([...(this.#base?.tags() ?? []), ...this.#tags])].sort();
    return this.#sortedTags;
  }

  /** A new index with one more article. */
  with(article: IndexedArticle): ArticleIndex {
    return this.#base
      ? new ArticleIndex([...this.#own.values(), article], this.#base)
      : new ArticleIndex([article], this);
  }
}

/** An index of articles as the importer describes them (tests, and folders read in full). */
export function articleIndexOf(articles: readonly ExistingArticle[]): ArticleIndex {
  return new ArticleIndex(articles.map((article) => indexedArticle(article)));
}

/** How the files were listed: git's object ids, or file sizes and times. */
export type StampMode = 'git' | 'stat';

/** The index of a content folder, brought up to date with its files. */
export interface LoadedArticleIndex {
  readonly index: ArticleIndex;
  /** Whether it differs from the file (articles read again, added or gone): then it is worth writing back. */
  readonly changed: boolean;
  /** How files were stamped; new files get stamps the same way when the index is written. */
  readonly mode: StampMode;
  /** Article files read this time (those the index did not know as they are). */
  readonly read: number;
}

/**
 * Reads the index and brings it up to date with the article files: every file is listed with its stamp, and only files
 * the index does not have with that stamp are read. A missing index is built from all the files; a damaged one, or one
 * of another version, too, with one line to `notice` saying so.
 */
export function loadArticleIndex(
  contentDir: string,
  notice: (line: string) => void = (line) => console.error(line),
): LoadedArticleIndex {
  const stored = readIndexFile(contentDir);
  const { mode, stamps } = listArticleStamps(contentDir);
  const known = 'entries' in stored ? stored.entries : new Map<string, IndexedArticle>();
  const articles: IndexedArticle[] = [];
  let read = 0;
  let changed = !('entries' in stored);
  for (const [path, stamp] of stamps) {
    const entry = known.get(path);
    if (stamp !== undefined && entry?.stamp === stamp) {
      articles.push(entry);
      continue;
    }
    const fresh = readArticleEntry(contentDir, path, mode, stamp);
    if (!fresh) continue;
    read += 1;
    if (!entry || !sameEntry(entry, fresh)) changed = true;
    articles.push(fresh);
  }
  if (known.size !== articles.length || articles.some((article) => !known.has(article.path))) changed = true;
  // A first run builds the index quietly; an index that cannot be trusted is worth a line.
  if ('problem' in stored && stored.problem !== NO_INDEX) {
    notice(`${ARTICLE_INDEX_FILE}: ${stored.problem}; rebuilt it from the ${read} article file(s).`);
  }
  return { index: new ArticleIndex(articles), changed, mode, read };
}

/**
 * Writes the index whole (a temporary file in `<content>/.partial/`, renamed into place), so a killed run leaves the old
 * index or the new one. Articles without a stamp (planned in this run) are read from their files now; one whose file
 * is not there (a failed write) is left out, so the index only describes files as they are.
 */
export function writeArticleIndex(contentDir: string, index: ArticleIndex, mode: StampMode): void {
  const lines = [HEADER];
  for (const planned of index.articles()) {
    // A planned article is read from its file, not taken from the plan: the write may have failed, or found another
    // article under that name.
    const article = planned.stamp === undefined ? readArticleEntry(contentDir, planned.path, mode, undefined) : planned;
    if (article?.stamp === undefined) continue;
    lines.push(JSON.stringify([article.path, article.stamp, article.url ?? null, article.key ?? null, article.tags]));
  }
  const folder = join(contentDir, '.partial');
  mkdirSync(folder, { recursive: true });
  const temporary = join(folder, `${process.pid}-${ARTICLE_INDEX_FILE}`);
  writeFileSync(temporary, `${lines.join('\n')}\n`);
  try {
    renameSync(temporary, join(contentDir, ARTICLE_INDEX_FILE));
  } finally {
    rmSync(temporary, { force: true });
  }
}

function sameEntry(a: IndexedArticle, b: IndexedArticle): boolean {
  return a.stamp === b.stamp && a.url === b.url && a.key === b.key && a.tags.join('\n') === b.tags.join('\n');
}

const NO_INDEX = 'there was no index yet';

type StoredIndex = { readonly entries: Map<string, IndexedArticle> } | { readonly problem: string };

/** The index file's entries, or why they cannot be trusted (missing, another version, a line that is not an entry). */
function readIndexFile(contentDir: string): StoredIndex {
  const path = join(contentDir, ARTICLE_INDEX_FILE);
  if (!existsSync(path)) return { problem: NO_INDEX };
  const lines = readFileSync(path, 'utf8').split('\n');
  if (lines[0] !== HEADER) return { problem: 'the file is of another version or damaged (its first line)' };
  const entries = new Map<string, IndexedArticle>();
  let previous = '';
  for (let index = 1; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    if (line === '' && index === lines.length - 1) break;
    const entry = parseEntry(line);
    // Sorted and unique, as written: anything else is a hand edit or a bad merge.
    if (!entry || entry.path <= previous) return { problem: `the file was damaged (line ${index + 1})` };
    previous = entry.path;
    entries.set(entry.path, entry);
  }
  return { entries };
}

function parseEntry(line: string): IndexedArticle | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (!Array.isArray(value) || value.length !== 5) return undefined;
  const [path, stamp, url, key, tags] = value as unknown[];
  const text = (item: unknown) => typeof item === 'string' && item.length > 0;
  if (!text(path) || !(url === null || text(url)) || !(key === null || text(key))) return undefined;
  if (typeof stamp !== 'string' || !/^(?:git:[0-9a-f]{40,64}|stat:\d+:[\d.]+:[\d.]+)$/.test(stamp)) return undefined;
  if (!Array.isArray(tags) || !tags.every((tag) => typeof tag === 'string')) return undefined;
  return {
    path: path as string,
    stamp: stamp as string,
    url: (url as string | null) ?? undefined,
    key: (key as string | null) ?? undefined,
    tags: tags as string[],
  };
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
  const fileStamp = stamp ?? (mode === 'git' ? gitStamp(bytes) : stampOf(filePath, 'stat'));
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

function stampOf(filePath: string, mode: StampMode): string | undefined {
  try {
    if (mode === 'git') return gitStamp(readFileSync(filePath));
    const stats = statSync(filePath);
    return stats.isFile() ? `stat:${stats.size}:${stats.mtimeMs}:${stats.ctimeMs}` : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a path under `articles/` is an article the importer counts: a `.md` file, no part of it starting with `_`. */
function isArticlePath(path: string): boolean {
  return path.endsWith('.md') && !path.split('/').some((part) => part.startsWith('_'));
}

/**
 * Every article file with its stamp. In a git work tree, git's object ids (no file is read): committed files have the
 * id git lists, and files git says differ from it (modified, new, in a conflict) have no stamp, so they are read.
 * Elsewhere, size and times from the file system.
 */
function listArticleStamps(contentDir: string): { mode: StampMode; stamps: Map<string, string | undefined> } {
  const fromGit = listWithGit(contentDir);
  if (fromGit) return { mode: 'git', stamps: fromGit };
  const stamps = new Map<string, string | undefined>();
  const walk = (folder: string, prefix: string) => {
    let names: string[];
    try {
      names = readdirSync(folder).sort();
    } catch {
      return;
    }
    for (const name of names) {
      if (name.startsWith('_')) continue;
      const path = join(folder, name);
      let stats;
      try {
        stats = statSync(path);
      } catch {
        continue;
      }
      if (stats.isDirectory()) walk(path, `${prefix}${name}/`);
      else if (stats.isFile() && name.endsWith('.md')) {
        stamps.set(`${prefix}${name}`, `stat:${stats.size}:${stats.mtimeMs}:${stats.ctimeMs}`);
      }
    }
  };
  walk(join(contentDir, 'articles'), '');
  return { mode: 'stat', stamps };
}

function git(contentDir: string, args: readonly string[]): string | undefined {
  const result = spawnSync('git', ['-C', contentDir, ...args], { encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 });
  return result.status === 0 ? result.stdout : undefined;
}

function listWithGit(contentDir: string): Map<string, string | undefined> | undefined {
  if (git(contentDir, ['rev-parse', '--is-inside-work-tree'])?.trim() !== 'true') return undefined;
  const staged = git(contentDir, ['ls-files', '-s', '-z', '--', 'articles']);
  const changed = git(contentDir, ['ls-files', '-m', '-o', '-z', '--', 'articles']);
  if (staged === undefined || changed === undefined) return undefined;
  const stamps = new Map<string, string | undefined>();
  for (const record of staged.split('\0')) {
    // `<mode> <object> <stage>\t<path>`; a link (120000) or a conflict (stage > 0) is read, not trusted.
    const match = /^(\d+) ([0-9a-f]+) (\d)\tarticles\/(.+)$/.exec(record);
    if (!match?.[4] || !isArticlePath(match[4])) continue;
    const trusted = match[1] === '100644' || match[1] === '100755';
    stamps.set(match[4], trusted && match[3] === '0' ? `git:${match[2]}` : undefined);
  }
  // A folder whose articles git does not track (ignored, or not added yet) is listed from the file system instead.
  if (stamps.size === 0) return undefined;
  for (const path of changed.split('\0')) {
    const relative = path.startsWith('articles/') ? path.slice('articles/'.length) : undefined;
    if (relative && isArticlePath(relative)) stamps.set(relative, undefined);
  }
  return stamps;
}
