// The article index on disk, `<content>/article-index/`, and its in-memory twin. The folder holds:
//
//   folders.jsonl        the format line, then [folder, git tree id or null] for every article folder, sorted
//   paths/<folder>.jsonl one file per article folder: [file name, stamp, cleaned sourceUrl, duplicate key, topics]
//   urls/<0-f>.jsonl     [cleaned sourceUrl, path], sorted, in 16 files by the address's hash
//   keys/<0-f>.jsonl     [duplicate key, path], the same way
//   tags.jsonl           [topic, number of articles], sorted
//
// A run reads only what it asks about: the folder list, the folder files of the folders that changed, the address and
// key files its lookups fall in (searched by bisection, not parsed whole) and the topics. A run that writes rewrites
// only those files. docs/intake.md#the-article-index says why this layout.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { articleIdFromPath } from '../../src/lib/slug';
import { folderOf } from './article-listing';

/** The index folder, at the root of the content folder beside `intake-state.json`. */
export const ARTICLE_INDEX_DIR = 'article-index';

// The first line of folders.jsonl names the format. A change to what an entry holds, or to how URLs are cleaned or
// keys made, needs a new version: an index of another version is rebuilt.
const HEADER =
  '# Broadsheet article index, version 2. Written by npm run fetch and npm run import; delete the folder to rebuild.';
// What folders.jsonl says while a run is writing the other files: an index found like this is rebuilt.
const WRITING = '# Broadsheet article index: a run was stopped while writing it.';

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

/** A field the index finds articles by. */
export type LookupField = 'url' | 'key' | 'id';

/** What the index knows, however it is kept: articles by path, paths by field, topics with their counts. */
export interface IndexBase {
  /** The article at this path. */
  entry(path: string): IndexedArticle | undefined;
  /** Every path whose field has this value, in no particular order. */
  paths(field: LookupField, value: string): readonly string[];
  /** Every topic in use, with the number of articles that have it. */
  tagCounts(): ReadonlyMap<string, number>;
}

/** Raised when a file of the index is not as written (a hand edit, a bad merge): the index is then rebuilt. */
export class DamagedIndexError extends Error {}

/** Sorts strings the way the index files are sorted (UTF-16 code units, as `<` compares). */
export const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function addTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** An index held in memory: built from every article file, or given by a test. */
export class MemoryIndex implements IndexBase {
  readonly #entries = new Map<string, IndexedArticle>();
  readonly #lookups = {
    url: new Map<string, string[]>(),
    key: new Map<string, string[]>(),
    id: new Map<string, string[]>(),
  };
  readonly #tags = new Map<string, number>();

  constructor(articles: Iterable<IndexedArticle>) {
    for (const article of articles) this.#entries.set(article.path, article);
    for (const article of this.#entries.values()) {
      if (article.url !== undefined) addTo(this.#lookups.url, article.url, article.path);
      if (article.key !== undefined) addTo(this.#lookups.key, article.key, article.path);
      const id = articleIdFromPath(article.path);
      if (id !== undefined) addTo(this.#lookups.id, id, article.path);
      for (const tag of article.tags) this.#tags.set(tag, (this.#tags.get(tag) ?? 0) + 1);
    }
  }

  /** Every article. */
  entries(): IterableIterator<IndexedArticle> {
    return this.#entries.values();
  }

  entry(path: string): IndexedArticle | undefined {
    return this.#entries.get(path);
  }

  paths(field: LookupField, value: string): readonly string[] {
    return this.#lookups[field].get(value) ?? [];
  }

  tagCounts(): ReadonlyMap<string, number> {
    return this.#tags;
  }
}

// --- File names and lines ---------------------------------------------------------------------------------------------

const FOLDERS_FILE = 'folders.jsonl';
const TAGS_FILE = 'tags.jsonl';
const TABLES = { url: 'urls', key: 'keys' } as const;

// Folder names go into one flat folder, `/` and all escaped; `_` marks `articles/` itself (a folder whose name starts
// with `_` holds no articles, so no other folder gets that name).
function shardFile(folder: string): string {
  return join('paths', `${folder === '' ? '_' : encodeURIComponent(folder)}.jsonl`);
}

function bucketFile(field: 'url' | 'key', value: string): string {
  return join(TABLES[field], `${createHash('sha1').update(value).digest('hex')[0]}.jsonl`);
}

const lookupLine = (value: string, path: string) => JSON.stringify([value, path]);

function shardLine(name: string, article: IndexedArticle): string {
  return JSON.stringify([name, article.stamp, article.url ?? null, article.key ?? null, article.tags]);
}

const isText = (item: unknown): item is string => typeof item === 'string' && item.length > 0;

function parseShardLine(folder: string, line: string): IndexedArticle | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (!Array.isArray(value) || value.length !== 5) return undefined;
  const [name, stamp, url, key, tags] = value as unknown[];
  if (!isText(name) || name.includes('/') || !(url === null || isText(url)) || !(key === null || isText(key))) {
    return undefined;
  }
  if (typeof stamp !== 'string' || !/^(?:git:[0-9a-f]{40,64}|stat:\d+:[\d.]+:[\d.]+)$/.test(stamp)) return undefined;
  if (!Array.isArray(tags) || !tags.every((tag) => typeof tag === 'string')) return undefined;
  return {
    path: folder === '' ? name : `${folder}/${name}`,
    stamp,
    url: url ?? undefined,
    key: key ?? undefined,
    tags: tags as string[],
  };
}

/** The lines of one index file (none when it is not there), checked to be sorted and unique. */
function readLines(indexDir: string, file: string): string[] {
  const path = join(indexDir, file);
  if (!existsSync(path)) return [];
  const lines = readFileSync(path, 'utf8').split('\n');
  if (lines.at(-1) !== '') throw new DamagedIndexError(`${file} does not end with a line break`);
  lines.pop();
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] as string;
    // Sorted and unique, as written, and every line a JSON array: a conflict marker or a hand edit is not.
    if (!line.startsWith('[') || (index > 0 && !((lines[index - 1] as string) < line))) {
      throw new DamagedIndexError(`${file}, line ${index + 1}`);
    }
  }
  return lines;
}

/** The first index in sorted `lines` whose line is not before `prefix`. */
function lowerBound(lines: readonly string[], prefix: string): number {
  let low = 0;
  let high = lines.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((lines[middle] as string) < prefix) low = middle + 1;
    else high = middle;
  }
  return low;
}

// --- Reading --------------------------------------------------------------------------------------------------------

/** The folder list of a stored index, or why there is none to trust. */
export type StoredFolders =
  | { readonly folders: ReadonlyMap<string, string | null> }
  | { readonly problem: string; readonly quiet: boolean };

/** Reads `folders.jsonl`: each folder with the git tree id its folder file describes (null when none). */
export function readStoredFolders(contentDir: string): StoredFolders {
  const path = join(contentDir, ARTICLE_INDEX_DIR, FOLDERS_FILE);
  if (!existsSync(path)) return { problem: 'there was no index yet', quiet: true };
  const lines = readFileSync(path, 'utf8').split('\n');
  if (lines[0] === WRITING) return { problem: 'a run was stopped while writing it', quiet: false };
  if (lines[0] !== HEADER) return { problem: `${FOLDERS_FILE} is of another version or damaged`, quiet: false };
  const folders = new Map<string, string | null>();
  let previous: string | undefined;
  for (let index = 1; index < lines.length; index += 1) {
    const line = lines[index] as string;
    if (line === '' && index === lines.length - 1) break;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      value = undefined;
    }
    const [folder, tree] = Array.isArray(value) && value.length === 2 ? (value as unknown[]) : [];
    const valid =
      typeof folder === 'string' && (tree === null || (typeof tree === 'string' && /^[0-9a-f]{40,64}$/.test(tree)));
    if (!valid || (previous !== undefined && !(previous < folder))) {
      return { problem: `${FOLDERS_FILE} was damaged (line ${index + 1})`, quiet: false };
    }
    previous = folder;
    folders.set(folder, tree as string | null);
  }
  return { folders };
}

/** The index as stored: files read when first asked about, and kept. Throws DamagedIndexError on a file not as written. */
export class StoredIndex implements IndexBase {
  readonly #dir: string;
  readonly #shards = new Map<string, ReadonlyMap<string, IndexedArticle>>();
  readonly #buckets = new Map<string, readonly string[]>();
  readonly #idFolders = new Map<string, string[]>();
  readonly #idNames = new Map<string, ReadonlyMap<string, string[]>>();
  #tags: ReadonlyMap<string, number> | undefined;

  /** The stored index of this content folder, whose `folders.jsonl` was read as `folders`. */
  constructor(
    contentDir: string,
    readonly folders: ReadonlyMap<string, string | null>,
  ) {
    this.#dir = join(contentDir, ARTICLE_INDEX_DIR);
    // An id's folder part is its folder's name, slugified: which folders could hold an id is known from the list.
    for (const folder of folders.keys()) {
      const slug = folder === '' ? '' : (articleIdFromPath(`${folder}/x.md`)?.slice(0, -2) ?? undefined);
      if (slug !== undefined) addTo(this.#idFolders, slug, folder);
    }
  }

  /** The articles directly in one folder, by file name. */
  shard(folder: string): ReadonlyMap<string, IndexedArticle> {
    let shard = this.#shards.get(folder);
    if (!shard) {
      const entries = new Map<string, IndexedArticle>();
      const file = shardFile(folder);
      for (const [index, line] of readLines(this.#dir, file).entries()) {
        const article = parseShardLine(folder, line);
        if (!article) throw new DamagedIndexError(`${file}, line ${index + 1}`);
        entries.set(nameOf(article.path), article);
      }
      shard = entries;
      this.#shards.set(folder, shard);
    }
    return shard;
  }

  entry(path: string): IndexedArticle | undefined {
    const folder = folderOf(path);
    return this.shard(folder).get(folder === '' ? path : path.slice(folder.length + 1));
  }

  /** The sorted lines of one address or key file. */
  bucket(file: string): readonly string[] {
    let lines = this.#buckets.get(file);
    if (!lines) {
      lines = readLines(this.#dir, file);
      this.#buckets.set(file, lines);
    }
    return lines;
  }

  paths(field: LookupField, value: string): readonly string[] {
    if (field === 'id') return this.#idPaths(value);
    const file = bucketFile(field, value);
    const lines = this.bucket(file);
    const prefix = `[${JSON.stringify(value)},`;
    const found: string[] = [];
    for (let index = lowerBound(lines, prefix); index < lines.length; index += 1) {
      const line = lines[index] as string;
      if (!line.startsWith(prefix)) break;
      const parsed: unknown = JSON.parse(line);
      const [text, path] = Array.isArray(parsed) ? (parsed as unknown[]) : [];
      if (text !== value || !isText(path)) throw new DamagedIndexError(`${file}, line ${index + 1}`);
      found.push(path);
    }
    return found;
  }

  #idPaths(id: string): readonly string[] {
    const slash = id.lastIndexOf('/');
    const name = id.slice(slash + 1);
    const found: string[] = [];
    for (const folder of this.#idFolders.get(slash === -1 ? '' : id.slice(0, slash)) ?? []) {
      let names = this.#idNames.get(folder);
      if (!names) {
        const byId = new Map<string, string[]>();
        for (const fileName of this.shard(folder).keys()) {
          const fileId = articleIdFromPath(fileName);
          if (fileId !== undefined) addTo(byId, fileId, fileName);
        }
        names = byId;
        this.#idNames.set(folder, names);
      }
      for (const fileName of names.get(name) ?? []) found.push(folder === '' ? fileName : `${folder}/${fileName}`);
    }
    return found;
  }

  tagCounts(): ReadonlyMap<string, number> {
    if (!this.#tags) {
      const tags = new Map<string, number>();
      for (const [index, line] of readLines(this.#dir, TAGS_FILE).entries()) {
        const parsed: unknown = JSON.parse(line);
        const [tag, count] = Array.isArray(parsed) && parsed.length === 2 ? (parsed as unknown[]) : [];
        if (typeof tag !== 'string' || !Number.isInteger(count) || (count as number) < 1) {
          throw new DamagedIndexError(`${TAGS_FILE}, line ${index + 1}`);
        }
        tags.set(tag, count as number);
      }
      this.#tags = tags;
    }
    return this.#tags;
  }
}

// --- Writing --------------------------------------------------------------------------------------------------------

let written = 0;

// Each file is written whole under a temporary name in `<content>/.partial/` (which git ignores and a run clears), then
// renamed into place: a killed run leaves no half-written file in the index, and no stray file to commit.
function writeFileAtomically(contentDir: string, path: string, text: string): void {
  const partial = join(contentDir, '.partial');
  mkdirSync(partial, { recursive: true });
  mkdirSync(dirname(path), { recursive: true });
  written += 1;
  const temporary = join(partial, `${process.pid}-${written}-${ARTICLE_INDEX_DIR}.tmp`);
  writeFileSync(temporary, text);
  renameSync(temporary, path);
}

// Lines are sorted as written text, which is what reading checks and bisects: JSON's quotes and escapes can order two
// lines differently from the values in them ("a.md" and "a.md b.md", for one).
function writeLines(contentDir: string, indexDir: string, file: string, lines: readonly string[]): void {
  const path = join(indexDir, file);
  if (lines.length === 0) rmSync(path, { force: true });
  else writeFileAtomically(contentDir, path, `${[...lines].sort(byText).join('\n')}\n`);
}

function foldersText(records: ReadonlyMap<string, string | null>): string {
  const lines = [...records.keys()].sort(byText).map((folder) => JSON.stringify([folder, records.get(folder)]));
  return `${[HEADER, ...lines].join('\n')}\n`;
}

function tagLines(counts: ReadonlyMap<string, number>): string[] {
  return [...counts.keys()]
    .filter((tag) => (counts.get(tag) ?? 0) > 0)
    .map((tag) => JSON.stringify([tag, counts.get(tag)]));
}

function nameOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/**
 * Writes a whole index (a new folder in `<content>/.partial/`, then swapped in), so a killed run leaves the old index
 * or the new one. `records` gives each folder's tree id (null when its files are not all as git has them).
 */
export function writeWholeIndex(
  contentDir: string,
  articles: Iterable<IndexedArticle>,
  records: ReadonlyMap<string, string | null>,
): void {
  const partial = join(contentDir, '.partial');
  const fresh = join(partial, `${process.pid}-${ARTICLE_INDEX_DIR}`);
  const old = join(partial, `${process.pid}-${ARTICLE_INDEX_DIR}-old`);
  rmSync(fresh, { recursive: true, force: true });
  const shards = new Map<string, IndexedArticle[]>();
  const buckets = new Map<string, string[]>();
  const tags = new Map<string, number>();
  for (const article of articles) {
    if (article.stamp === undefined) continue;
    addTo(shards, folderOf(article.path), article);
    if (article.url !== undefined)
      addTo(buckets, bucketFile('url', article.url), lookupLine(article.url, article.path));
    if (article.key !== undefined)
      addTo(buckets, bucketFile('key', article.key), lookupLine(article.key, article.path));
    for (const tag of article.tags) tags.set(tag, (tags.get(tag) ?? 0) + 1);
  }
  const folders = new Map(records);
  for (const [folder, entries] of shards) {
    if (!folders.has(folder)) folders.set(folder, null);
    const named = entries.map((article) => [nameOf(article.path), article] as const);
    writeLines(
      contentDir,
      fresh,
      shardFile(folder),
      named.map(([name, article]) => shardLine(name, article)),
    );
  }
  for (const [file, lines] of buckets) writeLines(contentDir, fresh, file, lines);
  writeLines(contentDir, fresh, TAGS_FILE, tagLines(tags));
  writeFileAtomically(contentDir, join(fresh, FOLDERS_FILE), foldersText(folders));
  const target = join(contentDir, ARTICLE_INDEX_DIR);
  rmSync(old, { recursive: true, force: true });
  if (existsSync(target)) renameSync(target, old);
  renameSync(fresh, target);
  rmSync(old, { recursive: true, force: true });
}

/**
 * Writes what changed into a stored index: the folder files of the articles that changed, the address and key files
 * their old and new values fall in, the topics, and the folder list last. Until the folder list is written it says a
 * run is writing, so a run killed half-way leaves an index the next run rebuilds rather than trusts.
 */
export function writeIndexChanges(
  contentDir: string,
  stored: StoredIndex,
  changes: ReadonlyMap<string, IndexedArticle | null>,
  records: ReadonlyMap<string, string | null>,
): void {
  const dir = join(contentDir, ARTICLE_INDEX_DIR);
  const bucketEdits = new Map<string, { remove: Set<string>; add: Set<string> }>();
  const edit = (field: 'url' | 'key', value: string | undefined, path: string, kind: 'remove' | 'add') => {
    if (value === undefined) return;
    const file = bucketFile(field, value);
    let edits = bucketEdits.get(file);
    if (!edits) {
      edits = { remove: new Set(), add: new Set() };
      bucketEdits.set(file, edits);
    }
    edits[kind].add(lookupLine(value, path));
  };
  const tags = new Map(stored.tagCounts());
  const byFolder = new Map<string, [string, IndexedArticle | null][]>();
  for (const [path, article] of changes) {
    const old = stored.entry(path);
    edit('url', old?.url, path, 'remove');
    edit('key', old?.key, path, 'remove');
    for (const tag of old?.tags ?? []) tags.set(tag, (tags.get(tag) ?? 0) - 1);
    edit('url', article?.url, path, 'add');
    edit('key', article?.key, path, 'add');
    for (const tag of article?.tags ?? []) tags.set(tag, (tags.get(tag) ?? 0) + 1);
    addTo(byFolder, folderOf(path), [nameOf(path), article]);
  }
  // Everything below is read before the folder list says a run is writing.
  const shards = [...byFolder].map(([folder, edits]) => {
    const entries = new Map(stored.shard(folder));
    for (const [name, article] of edits) {
      if (article) entries.set(name, article);
      else entries.delete(name);
    }
    return [folder, entries] as const;
  });
  const buckets = [...bucketEdits].map(([file, edits]) => {
    const lines = new Set(stored.bucket(file));
    for (const line of edits.remove) lines.delete(line);
    for (const line of edits.add) lines.add(line);
    return [file, [...lines]] as const;
  });
  writeFileAtomically(contentDir, join(dir, FOLDERS_FILE), `${WRITING}\n`);
  for (const [folder, entries] of shards) {
    const names = [...entries.keys()];
    writeLines(
      contentDir,
      dir,
      shardFile(folder),
      names.map((name) => shardLine(name, entries.get(name) as IndexedArticle)),
    );
  }
  for (const [file, lines] of buckets) writeLines(contentDir, dir, file, lines);
  writeLines(contentDir, dir, TAGS_FILE, tagLines(tags));
  writeFileAtomically(contentDir, join(dir, FOLDERS_FILE), foldersText(records));
}
