import { mkdirSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ImportError } from './errors';
import type { PlannedFile } from './plan';

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
 * Writes planned files into the content folder, all or none. A file that already exists is never overwritten, even
 * one that appeared after the plan was made; when any file cannot be written, the files and folders this call made
 * are removed again and an ImportError names the file. Returns the absolute paths written, in order.
 */
export function writePlannedFiles(contentDir: string, files: readonly PlannedFile[]): string[] {
  const written: string[] = [];
  const folders: string[] = [];
  for (const file of files) {
    const target = join(contentDir, file.path);
    try {
      const folder = dirname(target);
      folders.push(...madeFolders(mkdirSync(folder, { recursive: true }), folder));
      // 'wx' refuses to open a file that exists: the plan's duplicate check and this write are not one step.
      writeFileSync(target, file.contents, { flag: 'wx' });
    } catch (error) {
      undo(written, folders);
      throw new ImportError(problem(file.path, error));
    }
    written.push(target);
  }
  return written;
}
