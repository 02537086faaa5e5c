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

/**
 * How long (ns) a file or folder must have been left alone before its stamp stands for what it holds: file times
 * advance in the kernel's clock ticks, so a change within the same tick as the one before would not show.
 */
export const SETTLED_NS = 2_000_000_000n;

/** The current time in nanoseconds since the epoch, on the clock file times are taken from. */
export function nowNs(): bigint {
  return BigInt(Date.now()) * 1_000_000n;
}

/** Whether every one of a file's or folder's times is at least SETTLED_NS before `now` (a time ahead never is). */
export function isSettled(times: readonly bigint[], now: bigint): boolean {
  return times.every((time) => now - time >= SETTLED_NS);
}

/** A source file's stamp and the times it was made from, as sourceFileStamp reads them. */
export interface SourceFileStamp {
  /** Size, modification time, change time (ns), device and inode, as one string. */
  readonly stamp: string;
  /** The modification and change times, in nanoseconds. */
  readonly times: readonly [mtimeNs: bigint, ctimeNs: bigint];
}

/**
 * The identity of a source file someone edits (an article): fileStamp's, with the change time and the device. Only
 * the system sets the change time, so a file rewritten with its old size and modification time put back still shows.
 * Undefined when there is no regular file at `path` (a symbolic link does not count).
 */
export function sourceFileStamp(path: string): SourceFileStamp | undefined {
  try {
    const stats = lstatSync(path, { bigint: true });
    if (!stats.isFile()) return undefined;
    const { size, mtimeNs, ctimeNs, dev, ino } = stats;
    return { stamp: `${size}:${mtimeNs}:${ctimeNs}:${dev}:${ino}`, times: [mtimeNs, ctimeNs] };
  } catch {
    return undefined;
  }
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
