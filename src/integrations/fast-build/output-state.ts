// Part of the `output` piece: the pages of the last build may stay in the output folder for the next one, when nothing
// else has touched them.
//
// Astro's incremental build reuses a page by copying it from its cache folder into the output folder, unless the file
// is already there; starting every build from an empty folder meant copying every reused page back while the old folder
// was being deleted beside the build (docs/fast-build.md#output). A page left in place must be exactly the one Astro's
// cache holds for it, or Astro would publish whatever the file happens to contain. So each build records its pages'
// file identity (size, modification time in nanoseconds, inode) next to Astro's cache, and the next build keeps the
// folder's pages only when every recorded page is still there, unchanged, in the same folder; otherwise it starts from
// an empty folder. Everything else in the folder (bundled assets, public files, the sitemap) is written again by every
// build, so it is removed first.
import { readdirSync, readFileSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileStamp } from '@/lib/build/file-stamp';

/** The file, in the build's cache folder, that holds what the last successful build left in its output folder. */
export const OUTPUT_STATE_FILE = 'broadsheet-output.json';

const STATE_VERSION = 1;

/** What a successful build left in its output folder: its pages, each with the identity of its file. */
export interface OutputState {
  /** The format of this record; another one is never trusted. */
  readonly version: number;
  /** The output folder, absolute. */
  readonly outDir: string;
  /** Each page's path relative to `outDir` (with `/`), mapped to its file's stamp (see fileStamp). */
  readonly files: Readonly<Record<string, string>>;
}

/** Relative paths, always with `/`, so a record reads the same on every system. */
function toKey(outDir: string, path: string): string {
  return relative(outDir, path).split(sep).join('/');
}

/** The record of `pages` (absolute paths of files inside `outDir`), stamped as they are now. */
export function recordOutputState(outDir: string, pages: Iterable<string>): OutputState {
  const files: Record<string, string> = {};
  for (const page of pages) {
    const stamp = fileStamp(page);
    if (stamp !== undefined) files[toKey(outDir, page)] = stamp;
  }
  return { version: STATE_VERSION, outDir, files };
}

/** Writes a record where readOutputState finds it. */
export function writeOutputState(file: string, state: OutputState): void {
  writeFileSync(file, JSON.stringify(state));
}

/** The record in `file`, or undefined when there is none or it cannot be read as one. */
export function readOutputState(file: string): OutputState | undefined {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<OutputState>;
    if (parsed.version !== STATE_VERSION || typeof parsed.outDir !== 'string') return undefined;
    if (typeof parsed.files !== 'object' || parsed.files === null) return undefined;
    return parsed as OutputState;
  } catch {
    return undefined;
  }
}

/**
 * The pages (relative paths) that may stay in `outDir` for this build: every page `state` records, when the record
 * is for this folder and each of those files still has its recorded stamp. Undefined when any of them does not, so
 * the build starts from an empty folder.
 */
export function pagesToKeep(state: OutputState | undefined, outDir: string): Set<string> | undefined {
  if (!state || state.outDir !== outDir || Object.keys(state.files).length === 0) return undefined;
  const keep = new Set<string>();
  for (const [page, stamp] of Object.entries(state.files)) {
    if (page.startsWith('../') || fileStamp(join(outDir, page)) !== stamp) return undefined;
    keep.add(page);
  }
  return keep;
}

/**
 * Removes every file and folder under `outDir` except the pages in `keep` (relative paths) and the top-level entries
 * named in `spare`. Returns the relative paths of the files removed.
 */
export function removeAllBut(outDir: string, keep: ReadonlySet<string>, spare: ReadonlySet<string>): string[] {
  const removed: string[] = [];
  // Returns whether the folder still holds something.
  const sweep = (dir: string, top: boolean): boolean => {
    let kept = false;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (top && spare.has(entry.name)) {
        kept = true;
      } else if (entry.isDirectory()) {
        if (sweep(path, false)) kept = true;
        else rmSync(path, { recursive: true, force: true });
      } else if (entry.isFile() && keep.has(toKey(outDir, path))) {
        kept = true;
      } else {
        rmSync(path, { force: true });
        removed.push(toKey(outDir, path));
      }
    }
    return kept;
  };
  sweep(outDir, true);
  return removed;
}

/** Removes `pages` (relative paths under `outDir`), and each folder they leave empty, up to `outDir` itself. */
export function removePages(outDir: string, pages: Iterable<string>): void {
  for (const page of pages) {
    rmSync(join(outDir, page), { force: true });
    let dir = dirname(join(outDir, page));
    while (dir !== outDir && dir.startsWith(outDir + sep)) {
      if (readdirSync(dir).length > 0) break;
      rmdirSync(dir);
      dir = dirname(dir);
    }
  }
}
