import { lstatSync } from 'node:fs';
import { sep } from 'node:path';

/**
 * The identity of a regular file: size, modification time in nanoseconds and inode. Any write to the file changes its
 * modification time; a file put in its place (a copy, a restore that keeps times) has another inode. Undefined when
 * there is no regular file at `path`. The output folder and the sitemap use it to tell a page left in place by the
 * last build from one written since.
 */
export function fileStamp(path: string): string | undefined {
  const remember = remembered !== undefined && !path.startsWith(notRemembered);
  if (remember && remembered?.has(path)) return remembered.get(path);
  let stamp: string | undefined;
  try {
    const stats = lstatSync(path, { bigint: true });
    stamp = stats.isFile() ? `${stats.size}:${stats.mtimeNs}:${stats.ino}` : undefined;
  } catch {
    stamp = undefined;
  }
  if (remember) remembered?.set(path, stamp);
  return stamp;
}

// After page generation the output record and the sitemap each stamp every page; nothing writes a page in between,
// so the second reads the first's stamps instead of a stat of every page again.
let remembered: Map<string, string | undefined> | undefined;
let notRemembered = '\0';

/**
 * Makes fileStamp remember each answer until forgetFileStamps(), except for paths under `except` (a folder someone
 * still writes: a bare `astro build` indexes search into the output folder at its end). Only for a stretch in which
 * no other file it is asked about changes: in `astro build`, from the end of page generation until the next build.
 */
export function rememberFileStamps(except: string): void {
  remembered = new Map();
  notRemembered = `${except.replace(/[\\/]+$/, '')}${sep}`;
}

/** Ends what rememberFileStamps started: every later fileStamp reads the file system again. */
export function forgetFileStamps(): void {
  remembered = undefined;
}

/** A folder's stamp and its modification time (nanoseconds since the epoch), as folderStamp reads them. */
export interface FolderStamp {
  /** Modification time in nanoseconds and inode, as one string. */
  readonly stamp: string;
  /** The modification time alone, in nanoseconds. */
  readonly mtimeNs: bigint;
}

/**
 * The identity of a folder: its modification time in nanoseconds and its inode. Adding, removing or renaming an entry
 * in the folder changes its modification time (a write inside one of its files does not: files have their own
 * stamps). Undefined when there is no folder at `path` (a symbolic link to one does not count).
 */
export function folderStamp(path: string): FolderStamp | undefined {
  try {
    const stats = lstatSync(path, { bigint: true });
    return stats.isDirectory() ? { stamp: `${stats.mtimeNs}:${stats.ino}`, mtimeNs: stats.mtimeNs } : undefined;
  } catch {
    return undefined;
  }
}
