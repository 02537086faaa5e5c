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
//
// Finding that "everything else" meant listing every folder of the output, one per page: at 20,000 articles that walk
// was the largest part of a rebuild's own work (bench/JOURNAL.md). So the record also names each folder that held
// nothing but recorded pages and folders leading to them, with its stamp (modification time and inode: adding or
// removing an entry changes the time). A folder that still has its stamp still holds exactly that, and is not listed
// again; any other folder is.
import { readdirSync, readFileSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { nowNs as currentNs, fileStamp, folderStamp, isSettled } from '@/lib/build/file-stamp';

/** The file, in the build's cache folder, that holds what the last successful build left in its output folder. */
export const OUTPUT_STATE_FILE = 'broadsheet-output.json';

const STATE_VERSION = 2;

/** What a successful build left in its output folder: its pages, each with the identity of its file. */
export interface OutputState {
  /** The format of this record; another one is never trusted. */
  readonly version: number;
  /** The output folder, absolute. */
  readonly outDir: string;
  /** Each page's path relative to `outDir` (with `/`), mapped to its file's stamp (see fileStamp). */
  readonly files: Readonly<Record<string, string>>;
  /**
   * Folders below `outDir` (relative, with `/`) that held only recorded pages and folders leading to recorded pages,
   * each mapped to its stamp then (folderStamp). The next build does not list a folder that still has its stamp.
   */
  readonly folders: Readonly<Record<string, string>>;
}

/** The folders below `outDir` (relative paths) that lead to the given pages, each with the names of its subfolders. */
function folderTree(pages: Iterable<string>): Map<string, Set<string>> {
  const tree = new Map<string, Set<string>>();
  for (const page of pages) {
    let folder = page.includes('/') ? page.slice(0, page.lastIndexOf('/')) : '';
    let child: string | undefined;
    while (folder !== '') {
      const known = tree.get(folder);
      if (known && child !== undefined) known.add(child);
      if (known) break;
      tree.set(folder, new Set(child === undefined ? [] : [child]));
      child = folder.slice(folder.lastIndexOf('/') + 1);
      folder = folder.includes('/') ? folder.slice(0, folder.lastIndexOf('/')) : '';
    }
  }
  return tree;
}

/** Relative paths, always with `/`, so a record reads the same on every system. */
function toKey(outDir: string, path: string): string {
  return relative(outDir, path).split(sep).join('/');
}

/**
 * The record of `pages` (absolute paths of files inside `outDir`), stamped as they are now, with the folders that hold
 * nothing else. `swept` gives the stamps folders had once this build had prepared the output folder (removeAllBut):
 * a folder that still has that stamp holds only kept pages, and is not listed again; any other folder is. Folders
 * changed in the last two seconds are left out of the record.
 */
export function recordOutputState(
  outDir: string,
  pages: Iterable<string>,
  swept: ReadonlyMap<string, string> = new Map(),
  nowNs: bigint = currentNs(),
): OutputState {
  const files: Record<string, string> = {};
  for (const page of pages) {
    const stamp = fileStamp(page);
    if (stamp !== undefined) files[toKey(outDir, page)] = stamp;
  }
  const tree = folderTree(Object.keys(files));
  const folders: Record<string, string> = {};
  for (const folder of tree.keys()) {
    const current = folderStamp(join(outDir, folder));
    if (!current || !isSettled([current.mtimeNs], nowNs)) continue;
    const onlyPages =
      swept.get(folder) === current.stamp ||
      readdirSync(join(outDir, folder), { withFileTypes: true }).every((entry) => {
        const path = `${folder}/${entry.name}`;
        return entry.isDirectory() ? tree.has(path) : entry.isFile() && files[path] !== undefined;
      });
    if (onlyPages) folders[folder] = current.stamp;
  }
  return { version: STATE_VERSION, outDir, files, folders };
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
    if (typeof parsed.folders !== 'object' || parsed.folders === null) return undefined;
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

/** What removeAllBut did. */
export interface SweptOutput {
  /** The relative paths of the files removed. */
  readonly removed: string[];
  /** The stamp of each folder left below `outDir` (relative paths), once the sweep was done, for recordOutputState. */
  readonly folders: Map<string, string>;
}

/**
 * Removes every file and folder under `outDir` except the pages in `keep` (relative paths) and the top-level entries
 * named in `spare`. A folder that `unchanged` (a record's `folders`) names with its current stamp is not listed: it
 * holds only pages of that record, all of which must be in `keep` (as pagesToKeep gives them).
 */
export function removeAllBut(
  outDir: string,
  keep: ReadonlySet<string>,
  spare: ReadonlySet<string>,
  unchanged: Readonly<Record<string, string>> = {},
): SweptOutput {
  const removed: string[] = [];
  const folders = new Map<string, string>();
  const tree = Object.keys(unchanged).length > 0 ? folderTree(keep) : new Map<string, Set<string>>();
  // Returns whether the folder still holds something.
  const sweep = (dir: string, key: string): boolean => {
    const recorded = unchanged[key];
    const subfolders = tree.get(key);
    if (recorded !== undefined && subfolders && folderStamp(dir)?.stamp === recorded) {
      for (const name of subfolders) sweep(join(dir, name), `${key}/${name}`);
      folders.set(key, recorded);
      return true;
    }
    let kept = false;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      const entryKey = key === '' ? entry.name : `${key}/${entry.name}`;
      if (key === '' && spare.has(entry.name)) {
        kept = true;
      } else if (entry.isDirectory()) {
        if (sweep(path, entryKey)) kept = true;
        else rmSync(path, { recursive: true, force: true });
      } else if (entry.isFile() && keep.has(entryKey)) {
        kept = true;
      } else {
        rmSync(path, { force: true });
        removed.push(entryKey);
      }
    }
    const stamp = key === '' ? undefined : folderStamp(dir);
    if (kept && stamp) folders.set(key, stamp.stamp);
    return kept;
  };
  sweep(outDir, '');
  return { removed, folders };
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
