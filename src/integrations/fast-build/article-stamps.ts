// The `unchanged` piece, second half. Astro's glob loader reads every article file on every build to compare its
// digest with the stored entry's: at 100,000 articles that reading was most of an edit rebuild's content sync (19 s
// with the files in the page cache, 40 s without). So each build records, beside the store, every article file's
// stamp (size, modification and change times in ns, device and inode) with the digest of the text its stored entry was
// made from, and the next build does not open a file whose stamp and stored entry still match the record: only the
// other files go through the glob loader (docs/fast-build.md#unchanged).
//
// A stamp is trusted only with the digest it was recorded with, so a record and a store from different builds (one
// killed half-way) never pair a file with another text's entry. A file changed within two seconds of the listing is
// not recorded: file times advance in clock ticks, and a second write within the tick would keep the stamp (Git's
// "racily clean" entries). A change time cannot be set back by hand, so a file rewritten with its old modification
// time still shows.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { isSettled, nowNs, type SourceFileStamp, sourceFileStamp } from '@/lib/build/file-stamp';
import type { ListedArticle } from '@/lib/content-loader';

/** The record's file name, in the folder that holds Astro's content store. */
export const STAMPS_FILE = 'broadsheet-article-stamps.json';

/** The record's format; a file of another format is ignored, so every file is read once and recorded anew. */
const STAMPS_FORMAT = 1;

/** A recorded file: its stamp and the digest of the text its stored entry was made from. */
export interface StampRecord {
  /** The file's stamp when it was listed (sourceFileStamp). */
  readonly stamp: string;
  /** The stored entry's digest (Astro's `generateDigest` of the text). */
  readonly digest: string;
}

/**
 * The records in `folder`, by file path relative to the project root (as the store's entries name them). A missing,
 * damaged or other-format file gives none: every article is then read, as without the record.
 */
export function readStamps(folder: string): Map<string, StampRecord> {
  const records = new Map<string, StampRecord>();
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(join(folder, STAMPS_FILE), 'utf8'));
  } catch {
    return records;
  }
  const { format, files } = (parsed ?? {}) as { format?: unknown; files?: unknown };
  if (format !== STAMPS_FORMAT || !Array.isArray(files)) return records;
  for (const row of files) {
    if (!Array.isArray(row) || row.length !== 3 || !row.every((field) => typeof field === 'string')) return new Map();
    const [path, stamp, digest] = row as [string, string, string];
    records.set(path, { stamp, digest });
  }
  return records;
}

/** Writes the records to `folder` (under a temporary name, then renamed, so a killed build leaves the old file whole). */
export function writeStamps(folder: string, records: ReadonlyMap<string, StampRecord>): void {
  mkdirSync(folder, { recursive: true });
  const files = [...records]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([path, { stamp, digest }]) => [path, stamp, digest]);
  const target = join(folder, STAMPS_FILE);
  const temporary = `${target}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify({ format: STAMPS_FORMAT, files })}\n`);
  renameSync(temporary, target);
}

/**
 * The path of a file relative to the project root, with forward slashes: how the store's entries name their files
 * (`..` segments included for a content folder outside the project, as Astro writes them).
 */
export function storePath(projectRoot: string, filePath: string): string {
  return relative(projectRoot, filePath).split(sep).join('/');
}

/** What the store entry of a listed file must be for the file to be left unread. */
interface StoredEntry {
  readonly filePath?: string | undefined;
  readonly digest?: string | number | undefined;
  readonly rendered?: unknown;
  readonly deferredRender?: boolean | undefined;
  readonly assetImports?: readonly string[] | undefined;
  readonly data: Record<string, unknown>;
}

/**
 * Whether a stored entry can stand for its file without the file being read: made from that file, rendered, with
 * nothing the glob loader would have to register again for a kept entry (asset or module imports), and no lead image
 * (whose path check follows the file system, as unchanged-articles.ts says).
 */
export function canStandUnread(entry: StoredEntry | undefined, path: string): entry is StoredEntry {
  return (
    entry !== undefined &&
    entry.filePath === path &&
    typeof entry.digest === 'string' &&
    Boolean(entry.rendered) &&
    !entry.deferredRender &&
    !entry.assetImports?.length &&
    entry.data.image === undefined
  );
}

/** One listed file as the record saw it at the start of the load. */
interface SeenFile {
  readonly id: string;
  readonly path: string;
  readonly stamp: SourceFileStamp | undefined;
}

/**
 * The stamps half of the `unchanged` piece: `keptArticles` says which listed files stand unread, and `record` writes
 * the stamps of every file whose stored entry is now made from it. `folder` is the one that holds the content store.
 */
export function articleStamps(folderOf: (context: LoaderContext) => string, clock: () => bigint = nowNs) {
  let seen: SeenFile[] | undefined;
  let listedAt = 0n;
  return {
    keptArticles(context: LoaderContext, files: readonly ListedArticle[]): Set<string> {
      const records = readStamps(folderOf(context));
      listedAt = clock();
      seen = [];
      const kept = new Set<string>();
      const projectRoot = fileURLToPath(context.config.root);
      for (const file of files) {
        if (file.id === undefined) continue;
        const path = storePath(projectRoot, file.filePath);
        const stamp = sourceFileStamp(file.filePath);
        seen.push({ id: file.id, path, stamp });
        const record = records.get(path);
        if (!stamp || !record || record.stamp !== stamp.stamp) continue;
        const entry = context.store.get(file.id);
        if (canStandUnread(entry, path) && entry.digest === record.digest) kept.add(file.entry);
      }
      return kept;
    },
    record(context: LoaderContext): number {
      // Nothing was listed (`astro dev`, which reads every file): the last record stays as it is.
      if (!seen) return 0;
      const records = new Map<string, StampRecord>();
      for (const { id, path, stamp } of seen) {
        if (!stamp || !isSettled(stamp.times, listedAt)) continue;
        const entry = context.store.get(id);
        if (canStandUnread(entry, path)) records.set(path, { stamp: stamp.stamp, digest: entry.digest as string });
      }
      seen = undefined;
      writeStamps(folderOf(context), records);
      return records.size;
    },
  };
}
