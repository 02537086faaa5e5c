import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseYaml } from '../../src/lib/frontmatter';
import { sourceSchema } from '../../src/lib/schemas';
import { ImportError } from './errors';
import {
  type ArticleIndex,
  type LoadedArticleIndex,
  loadArticleIndex,
  loadArticleIndexLater,
  writeArticleIndex,
} from './seen-index';
import type { KnownSource } from './sources';

/** What the importer needs to know about an article that is already in the content folder. */
export interface ExistingArticle {
  /** Its path under `articles/`, with `/` separators. */
  readonly path: string;
  /** Its id (the URL segment), when the path makes one. */
  readonly id: string | undefined;
  /** Front-matter fields used to spot duplicates; absent when the file could not be read. */
  readonly title?: string | undefined;
  readonly date?: string | undefined;
  readonly source?: string | undefined;
  readonly sourceUrl?: string | undefined;
  readonly tags: readonly string[];
}

/** The parts of a content folder that an import depends on. */
export interface ContentSnapshot {
  /** The absolute path of the content folder. */
  readonly contentDir: string;
  /** Every source, validated with the build's schema. */
  readonly sources: readonly KnownSource[];
  /**
   * The article files (names starting with `_` left out) and the articles planned in this run, looked up by address,
   * duplicate key and id without a scan (seen-index.ts).
   */
  readonly articles: ArticleIndex;
  /** How the article index was loaded, when it was (`readContentSnapshot`): to write it back (`saveArticleIndex`). */
  readonly index?: LoadedArticleIndex | undefined;
}

/** Reads every source file, validated with the build's schema; an invalid one is an error naming the file. */
export function readSources(contentDir: string): KnownSource[] {
  if (!existsSync(join(contentDir, 'sources'))) {
    throw new ImportError(
      `${contentDir} has no sources/ folder: is it a Broadsheet content folder? Pass --content <dir>.`,
    );
  }
  const sources: KnownSource[] = [];
  for (const file of readdirSync(join(contentDir, 'sources')).sort()) {
    if (!/\.ya?ml$/.test(file) || file.startsWith('_')) continue;
    const path = join(contentDir, 'sources', file);
    let parsed;
    try {
      parsed = sourceSchema.safeParse(parseYaml(readFileSync(path, 'utf8').replace(/^\uFEFF/, '')));
    } catch (error) {
      throw new ImportError(
        `sources/${file} is not valid YAML (${error instanceof Error ? error.message.split('\n')[0] : String(error)}). Fix it first.`,
      );
    }
    if (!parsed.success) {
      throw new ImportError(
        `sources/${file} is not a valid source: ${parsed.error.issues.map((issue) => issue.message).join(' ')} Fix it first.`,
      );
    }
    const { name, url, language, description, feed, fullText, feedTags, feedLimit } = parsed.data;
    const intake = feed ? { feed, fullText, tags: feedTags, limit: feedLimit } : undefined;
    sources.push({ id: file.replace(/\.ya?ml$/, ''), name, url, language, description, intake });
  }
  return sources;
}

/**
 * Reads every source file (an invalid one is an error) and the article index, brought up to date with the article
 * files (`loadArticleIndex`; `notice` hears when it had to be rebuilt).
 */
export function readContentSnapshot(
  contentDir: string,
  notice: (line: string) => void = (line) => console.error(line),
): ContentSnapshot {
  const sources = readSources(contentDir);
  const loaded = loadArticleIndex(contentDir, notice);
  return { contentDir, sources, articles: loaded.index, index: loaded };
}

/**
 * `readContentSnapshot` for a run that has other work to do meanwhile: the sources (already read with `readSources`)
 * and the article index, whose check of the work tree runs in the background (`loadArticleIndexLater`) until it is
 * done or `signal` is aborted.
 */
export async function readContentSnapshotLater(
  contentDir: string,
  sources: readonly KnownSource[],
  notice: (line: string) => void = (line) => console.error(line),
  signal?: AbortSignal,
): Promise<ContentSnapshot> {
  const loaded = await loadArticleIndexLater(contentDir, notice, signal);
  return { contentDir, sources, articles: loaded.index, index: loaded };
}

/**
 * Writes the article index back to its file when it changed: files read again when it was loaded (`before`), or
 * articles planned since (`after`, once they are written). A snapshot not read from a folder is left alone.
 */
export function saveArticleIndex(before: ContentSnapshot, after: ContentSnapshot = before): void {
  if (!before.index) return;
  if (!before.index.changed && !after.articles.needsWriting()) return;
  writeArticleIndex(before.contentDir, before.index, after.articles);
}
