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

/**
 * Writes one file whole: the bytes go to a temporary file beside it, which is then linked under its name. A run killed
 * half-way leaves at most a temporary file (which the build ignores, its name starting with `_`), never a partial
 * article; and the link, unlike a rename, refuses a name that is taken, so nothing is overwritten.
 */
function writeWhole(target: string, contents: string | Uint8Array): void {
  const temporary = join(dirname(target), `_partial-${process.pid}-${basename(target)}`);
  writeFileSync(temporary, contents);
  try {
    linkSync(temporary, target);
  } catch (error) {
    // linkSync reports a taken name as EEXIST from 'link'; the message below treats it as the open it replaces.
    const failure = error as NodeJS.ErrnoException;
    if (failure.code === 'EEXIST') failure.syscall = 'open';
    throw failure;
  } finally {
    rmSync(temporary, { force: true });
  }
}

/**
 * Writes planned files into the content folder, all or none. A file that already exists is never overwritten, even
 * one that appeared after the plan was made; when any file cannot be written, the files and folders this call made
 * are removed again and an ImportError names the file. Returns the absolute paths written, in order.
 */
export function writePlannedFiles(contentDir: string, files: readonly (PlannedFile | PlannedAsset)[]): string[] {
  const written: string[] = [];
  const folders: string[] = [];
  for (const file of files) {
    const target = join(contentDir, file.path);
    try {
      const folder = dirname(target);
      folders.push(...madeFolders(mkdirSync(folder, { recursive: true }), folder));
      writeWhole(target, file.contents);
    } catch (error) {
      undo(written, folders);
      throw new ImportError(problem(file.path, error));
    }
    written.push(target);
  }
  return written;
}
