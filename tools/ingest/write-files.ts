import { linkSync, mkdirSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ImportError } from './errors';
import type { PlannedAsset, PlannedFile } from './plan';

/** The folders `mkdirSync` made for `folder`, outermost first: from the first one it created down to `folder`. */
function madeFolders(firstCreated: string | undefined, folder: string): string[] {
  if (firstCreated === undefined) return [];
  const made: string[] = [];
  for (let current = folder; current.length > firstCreated.length; current = dirname(current)) made.unshift(current);
  return [firstCreated, ...made];
}

/** Removes what a failed run created, newest first, so the content folder is as it was. */
function undo(written: readonly string[], folders: readonly string[]): void {
  for (const file of [...written].reverse()) rmSync(file, { force: true });
  for (const folder of [...folders].reverse()) {
    try {
      rmdirSync(folder);
    } catch {
      // Not empty: a file that someone else put there since is theirs to keep.
    }
  }
}

function problem(path: string, error: unknown): string {
  // Only the file's own open says that it exists; a folder's mkdir fails with the same code when a file has its name.
  const { code, syscall } = error as NodeJS.ErrnoException;
  if (code === 'EEXIST' && syscall === 'open') {
    return `${path} already exists: an import never overwrites a file.`;
  }
  return `could not write ${path} (${error instanceof Error ? error.message : String(error)}).`;
}

/** Where files are written before they get their names: one folder, so a killed run's leftovers are easy to find. */
export const PARTIAL_FOLDER = '.partial';

/**
 * Writes one file whole: the bytes go to a temporary file in the content folder's `.partial/`, which is then linked
 * under its name. A run killed half-way leaves at most a temporary file there (outside what the build reads), never a
 * partial article; and the link, unlike a rename, refuses a name that is taken, so nothing is overwritten.
 */
function writeWhole(contentDir: string, target: string, contents: string | Uint8Array): void {
  const folder = join(contentDir, PARTIAL_FOLDER);
  mkdirSync(folder, { recursive: true });
  const temporary = join(folder, `${process.pid}-${basename(target)}`);
  writeFileSync(temporary, contents);
  try {
    linkSync(temporary, target);
  } catch (error) {
    // A taken name fails the link with EEXIST; it is reported like the exclusive open this write replaces.
    const failure = error as NodeJS.ErrnoException;
    if (failure.code === 'EEXIST') failure.syscall = 'open';
    throw failure;
  } finally {
    rmSync(temporary, { force: true });
  }
}

/** Removes what a killed run left in the content folder's `.partial/` (never a finished file: those have names). */
export function removePartialFiles(contentDir: string): void {
  rmSync(join(contentDir, PARTIAL_FOLDER), { recursive: true, force: true });
}

/**
 * Writes planned files into the content folder, all or none. A file that already exists is never overwritten, even
 * one that appeared after the plan was made; when any file cannot be written, the files and folders this call made
 * are removed again and an ImportError names the file. Returns the absolute paths written, in order.
 */
export function writePlannedFiles(contentDir: string, files: readonly (PlannedFile | PlannedAsset)[]): string[] {
  const written: string[] = [];
  const folders: string[] = [];
  try {
    for (const file of files) {
      const target = join(contentDir, file.path);
      try {
        const folder = dirname(target);
        folders.push(...madeFolders(mkdirSync(folder, { recursive: true }), folder));
        writeWhole(contentDir, target, file.contents);
      } catch (error) {
        undo(written, folders);
        throw new ImportError(problem(file.path, error));
      }
      written.push(target);
    }
  } finally {
    undo([], [join(contentDir, PARTIAL_FOLDER)]);
  }
  return written;
}
