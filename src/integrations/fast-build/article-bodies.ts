import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { listingFrontmatter } from '@/lib/article-text';
import type { RenderedEntry } from '@/lib/content-loader';

// The `bodies` piece. Astro keeps each Markdown entry's rendered HTML and metadata in its content store, and writes
// the whole store as one string whenever an entry changes; on a large archive the HTML is most of the store, and
// serialising it is the build's memory peak. So the articles loader keeps each rendered entry whole in its own file,
// named by a hash of its bytes, in a folder beside the store, and the store keeps only what listings use (the
// excerpt), what Astro needs for images, and that name. Article pages and feed items read the file when they render
// the article, which incremental builds do only for the articles that changed (docs/fast-build.md#bodies).
//
// The folder sits beside the store it belongs to (`astro dev` keeps its store in `.astro/`, builds in the cache
// folder), so that a build's pruning never removes a body the dev server's store still names.

/** What the store keeps in an article's rendered metadata instead of its HTML: the name of its body file. */
export const BODY_KEY_FIELD = 'broadsheetBody';

/** The folder name, inside the folder that holds Astro's content store. */
const BODY_FOLDER_NAME = 'broadsheet-bodies';

// The loaders and the pages are loaded by different module graphs in one process (see shared-content-store.ts), so
// the folder in use is handed over on globalThis.
const REGISTRY_KEY = Symbol.for('broadsheet.article-bodies-folder');

/** Where a store's bodies are kept: a folder inside the folder that holds the store file. */
export function bodyFolder(storeFolder: string): string {
  return join(storeFolder, BODY_FOLDER_NAME);
}

/** Records the folder the loaders keep bodies in, for the pages rendered in this process. */
export function useBodyFolder(folder: string): void {
  (globalThis as Record<symbol, unknown>)[REGISTRY_KEY] = folder;
}

/** The folder recorded by `useBodyFolder`, if a loader has run in this process. */
export function bodyFolderInUse(): string | undefined {
  const folder = (globalThis as Record<symbol, unknown>)[REGISTRY_KEY];
  return typeof folder === 'string' ? folder : undefined;
}

/** The file name of a kept entry: a SHA-256 of its bytes, so the same entry is one file and a name never changes meaning. */
export function bodyKey(bytes: Uint8Array): string {
  return `${createHash('sha256').update(bytes).digest('base64url')}.body`;
}

/** What writeBodyFile did: the body's key, and whether its file had to be written (false when it was already there). */
export interface WrittenBody {
  /** The file name, as bodyKey gives it. */
  readonly key: string;
  /** Whether this call wrote the file. */
  readonly written: boolean;
}

/**
 * Keeps the whole rendered entry in `folder` (V8's serialisation, which keeps any value Astro puts in the metadata)
 * under its key, and says whether the file had to be written. The file is written under a temporary name and renamed,
 * so a build that stops halfway never leaves a partial file under a key.
 */
export function writeBodyFile(folder: string, rendered: RenderedEntry): WrittenBody {
  const bytes = serialize(rendered);
  const key = bodyKey(bytes);
  const path = join(folder, key);
  if (existsSync(path)) return { key, written: false };
  mkdirSync(folder, { recursive: true });
  const partial = `${path}.${process.pid}.partial`;
  writeFileSync(partial, bytes);
  renameSync(partial, path);
  return { key, written: true };
}

/** Keeps the whole rendered entry in `folder`, as writeBodyFile does, and returns its key. */
export function writeBody(folder: string, rendered: RenderedEntry): string {
  return writeBodyFile(folder, rendered).key;
}

/**
 * What the store keeps of a rendered entry once the whole of it is in the file named `key`: no HTML, no headings,
 * the plugin front matter cut to what listings read, the rest of the metadata (image paths, which Astro resolves
 * from the store) as it was.
 */
export function storedRendered(rendered: RenderedEntry, key: string): RenderedEntry {
  const { headings: _headings, frontmatter, ...metadata } = rendered.metadata ?? {};
  return { html: '', metadata: { ...metadata, frontmatter: listingFrontmatter(frontmatter), [BODY_KEY_FIELD]: key } };
}

/** Reads the rendered entry named `key` from `folder`; throws (ENOENT) when it is not there. */
export function readBody(folder: string, key: string): RenderedEntry {
  return deserialize(readFileSync(join(folder, key))) as RenderedEntry;
}

/** The names of the files in `folder` (the kept bodies), read at once: one listing instead of a check per entry. */
export function bodyNames(folder: string): Set<string> {
  try {
    return new Set(readdirSync(folder));
  } catch {
    return new Set();
  }
}

/**
 * Removes every file in `folder` whose name is not in `keep` (old bodies, partial writes); returns how many. `names`
 * is what the folder holds when the caller knows it (bodyNames, plus what it wrote since); by default it is listed.
 */
export function pruneBodies(
  folder: string,
  keep: ReadonlySet<string>,
  names: Iterable<string> = bodyNames(folder),
): number {
  let removed = 0;
  for (const name of names) {
    if (keep.has(name)) continue;
    rmSync(join(folder, name), { force: true, recursive: true });
    removed += 1;
  }
  return removed;
}

/** The body key a rendered entry carries, if it was moved out of the store. */
export function storedBodyKey(rendered: { metadata?: Record<string, unknown> } | undefined): string | undefined {
  const key = rendered?.metadata?.[BODY_KEY_FIELD];
  return typeof key === 'string' ? key : undefined;
}

/** The part of a collection entry that `withBody` reads and fills in. */
interface EntryWithBody {
  readonly id: string;
  readonly filePath?: string;
  readonly rendered?: RenderedEntry;
}

/**
 * The entry with its whole rendered entry (HTML, headings, search lead) read back from its file, for Astro's
 * `render()`, the search data and the feeds. An entry that carries its HTML itself (no body key) is returned as it is.
 *
 * @throws when the body file is missing: the cache folder was changed while the site was built or served.
 */
export function withBody<T extends EntryWithBody>(entry: T, folder = bodyFolderInUse()): T {
  const key = storedBodyKey(entry.rendered);
  if (!key || !entry.rendered) return entry;
  const file = entry.filePath ?? entry.id;
  if (!folder) {
    throw new Error(
      `${file}: its rendered body is kept outside the content store, but no articles loader ran in this process to say where.`,
    );
  }
  let rendered: RenderedEntry;
  try {
    rendered = readBody(folder, key);
  } catch {
    throw new Error(
      `${file}: its rendered body ${key} is missing from ${folder}. Something removed it during the build; build again (the loader renders missing bodies anew).`,
    );
  }
  return { ...entry, rendered };
}
