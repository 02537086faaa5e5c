import { lstatSync } from 'node:fs';

/**
 * The identity of a regular file: size, modification time in nanoseconds and inode. Any write to the file changes its
 * modification time; a file put in its place (a copy, a restore that keeps times) has another inode. Undefined when
 * there is no regular file at `path`. The output folder and the sitemap use it to tell a page left in place by the
 * last build from one written since.
 */
export function fileStamp(path: string): string | undefined {
  try {
    const stats = lstatSync(path, { bigint: true });
    return stats.isFile() ? `${stats.size}:${stats.mtimeNs}:${stats.ino}` : undefined;
  } catch {
    return undefined;
  }
}
