import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { FrontmatterError, parseYaml, splitMarkdown } from '../../src/lib/frontmatter';
import { sourceSchema } from '../../src/lib/schemas';
import { articleIdFromPath } from '../../src/lib/slug';
import { ImportError } from './errors';
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
  /** Every article file (names starting with `_` left out, as the build does). */
  readonly articles: readonly ExistingArticle[];
}

function listFiles(folder: string, accept: (name: string) => boolean): string[] {
  if (!existsSync(folder)) return [];
  const found: string[] = [];
  const walk = (current: string) => {
    for (const name of readdirSync(current).sort()) {
      if (name.startsWith('_')) continue;
      const path = join(current, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (accept(name)) found.push(path);
    }
  };
  walk(folder);
  return found;
}

function asText(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Reads the sources and the articles' front matter from a content folder; an invalid source file is an error. */
export function readContentSnapshot(contentDir: string): ContentSnapshot {
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
  const articlesDir = join(contentDir, 'articles');
  const articles = listFiles(articlesDir, (name) => name.endsWith('.md')).map((path): ExistingArticle => {
    const relativePath = relative(articlesDir, path).split('\\').join('/');
    const id = articleIdFromPath(relativePath);
    try {
      const { data } = splitMarkdown(readFileSync(path, 'utf8'));
      const tags = Array.isArray(data['tags'])
        ? data['tags'].filter((tag): tag is string => typeof tag === 'string')
        : [];
      return {
        path: relativePath,
        id,
        title: asText(data['title']),
        date: asText(data['date']),
        source: asText(data['source']),
        sourceUrl: asText(data['sourceUrl']),
        tags,
      };
    } catch (error) {
      if (error instanceof FrontmatterError) return { path: relativePath, id, tags: [] };
      throw error;
    }
  });
  return { contentDir, sources, articles };
}
