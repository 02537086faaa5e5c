// The `unchanged` piece. On a rebuild the glob loader keeps an entry whose file has the digest it was made from, but
// it asks getEntryInfo about every file first, and Broadsheet's getEntryInfo reads and checks the whole front matter.
// For a file whose text is exactly what its stored entry was made from, every check has passed already, so the loader
// gives the glob loader a stand-in instead: the glob loader takes only the id from it (from the path, by the loader's
// generateId) and then keeps the stored entry (docs/fast-build.md#unchanged).
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import type { ArticleEntryInfo, ArticleFile } from '@/lib/content-loader';

/** What the glob loader is given for a file it will skip: no data, no body. */
export const UNCHANGED_ARTICLE: ArticleEntryInfo = Object.freeze({ data: {}, body: '', slug: undefined });

/**
 * Whether `file.contents` is exactly what the stored entry for this file was made from, so every check on it has
 * passed and the glob loader will keep the entry without reading it. Files with U+FFFD are always read again (it also
 * stands for invalid bytes, which only the raw check tells apart), and so are articles with a lead image, whose check
 * follows its path through the file system (a symbolic link there may now lead out of the content folder).
 */
export function isUnchangedArticle(context: LoaderContext, file: ArticleFile): boolean {
  const stored = context.store.get(file.id);
  if (!stored?.digest || !stored.filePath || !stored.rendered || file.contents.includes('\uFFFD')) return false;
  if ((stored.data as { image?: unknown }).image !== undefined) return false;
  return (
    resolve(fileURLToPath(context.config.root), stored.filePath) === file.filePath &&
    stored.digest === context.generateDigest(file.contents)
  );
}
