import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';

// Pagefind's own writeFiles() rewrites every file of the search bundle (one fragment per article page, so thousands
// on a large site) after the last build's bundle has been removed, in every rebuild. Getting the same files from
// Pagefind in memory and writing only those that differ from the last bundle takes much less of a rebuild
// (docs/performance.md#how-it-stays-fast). Pagefind names most files by their contents, so after an edit all but a
// few are already there.

/** One file of the search bundle, as Pagefind's getFiles() gives it. */
export interface BundleFile {
  /** The path inside the bundle folder, with `/` separators. */
  readonly path: string;
  /** The file's bytes. */
  readonly content: Uint8Array;
}

/** What bringing a folder up to date did. */
export interface BundleWriteResult {
  /** Files written because they were new or different. */
  readonly written: number;
  /** Files already there with the same bytes. */
  readonly unchanged: number;
  /** Files removed because the bundle no longer has them. */
  readonly removed: number;
}

function sameBytes(path: string, content: Uint8Array): boolean {
  try {
    return Buffer.from(content.buffer, content.byteOffset, content.byteLength).equals(readFileSync(path));
  } catch {
    return false;
  }
}

/** Every file under `folder`, as sorted paths relative to it with `/` separators; none when it does not exist. */
export function filesUnder(folder: string): string[] {
  const root = resolve(folder);
  try {
    return (
      readdirSync(root, { recursive: true, withFileTypes: true })
        .filter((entry) => !entry.isDirectory())
        // Every entry's folder is the root or below it, so its relative path is a slice; path.relative for each of
        // the 100,000 pages and fragments of a large site took seconds.
        .map((entry) => {
          const below = entry.parentPath.length > root.length ? entry.parentPath.slice(root.length + 1) : '';
          return (below === '' ? entry.name : `${below}${sep}${entry.name}`).split(sep).join('/');
        })
        .sort()
    );
  } catch {
    return [];
  }
}

/**
 * Makes `folder` hold exactly `files`: writes each file whose bytes differ from what is there (every file's bytes are
 * compared, never only its name, so a file cut short by an interrupted build is written again) and removes every
 * other file.
 */
export function writeBundle(folder: string, files: readonly BundleFile[]): BundleWriteResult {
  let written = 0;
  let unchanged = 0;
  const wanted = new Set<string>();
  for (const file of files) {
    wanted.add(file.path);
    const path = join(folder, file.path);
    if (sameBytes(path, file.content)) {
      unchanged += 1;
      continue;
    }
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.content);
    written += 1;
  }
  let removed = 0;
  for (const path of filesUnder(folder)) {
    if (wanted.has(path)) continue;
    rmSync(join(folder, path), { force: true, recursive: true });
    removed += 1;
  }
  return { written, unchanged, removed };
}
