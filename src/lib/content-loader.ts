import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { glob, type Loader, type LoaderContext } from 'astro/loaders';
import {
  bodyFolder,
  hasBody,
  pruneBodies,
  type RenderedEntry,
  storedBodyKey,
  storedRendered,
  useBodyFolder,
  writeBody,
} from '@/lib/build/article-bodies';
import { decodeContentFile, findFrontmatterSizeProblem } from '@/lib/content-rules/limits';
import { findNestingProblem } from '@/lib/content-rules/nesting-depth';
import { FrontmatterError, parseYamlFile, splitMarkdown } from '@/lib/frontmatter';
import { findImageSourceProblem } from '@/lib/markdown/image-source';
import { articleIdFromPath, isSlug } from '@/lib/slug';

// Astro's glob() loader is the base, wrapped to close the gaps measured in Astro 7 (docs/architecture.md):
// - it reads YAML with timestamps, so a date-time's offset is lost and a missing offset cannot be told apart;
// - two files with one id overwrite each other silently, and a front-matter `slug` replaces the id;
// - a Markdown render error is only logged and the page ships empty (and a cached rebuild does not even log it);
// - an unknown source id in a reference does not fail the build.

/** What Astro passes to a loader for each file type; part of the context it does not type publicly. */
interface EntryType {
  extensions: string[];
  getEntryInfo(params: { fileUrl: URL; contents: string }): unknown;
  getRenderFunction?(config: LoaderContext['config']): Promise<(entry: RenderEntry) => Promise<unknown>>;
  [key: string]: unknown;
}

interface RenderEntry {
  id: string;
  filePath?: string;
  [key: string]: unknown;
}

type FullLoaderContext = LoaderContext & { entryTypes: Map<string, EntryType> };

function isRenderedEntry(value: unknown): value is RenderedEntry {
  return typeof value === 'object' && value !== null && typeof (value as RenderedEntry).html === 'string';
}

/**
 * The folder that holds this mode's content store: `astro dev` (the only caller that passes a file watcher) keeps its
 * store in `.astro/`, builds and `astro sync` in the cache folder. Article bodies are kept beside it.
 */
function storeFolder(context: LoaderContext): string {
  return fileURLToPath(context.watcher ? new URL('.astro/', context.config.root) : context.config.cacheDir);
}

/** A content problem found while loading, reported with the file it is in. */
export class ContentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ContentError';
  }
}

/** Shows a path relative to the project (`content/articles/x.md`), the way an author sees it in their editor. */
function displayPath(filePath: string, projectRoot: string): string {
  const shown = relative(projectRoot, filePath);
  return shown.startsWith('..') ? filePath : shown.split('\\').join('/');
}

/** Wraps the schema check so that its error starts with the file's path, as every Broadsheet content error does. */
function parseDataNamingFile(context: LoaderContext, projectRoot: string, what: string): LoaderContext['parseData'] {
  return async (props) => {
    try {
      return await context.parseData(props);
    } catch (error) {
      const file = props.filePath ? displayPath(props.filePath, projectRoot) : props.id;
      // Astro's message bolds field names with Markdown asterisks; a terminal shows them literally.
      const reason = (error instanceof Error ? error.message : String(error)).replace(/\*\*/g, '');
      throw new ContentError(`${file}: ${what}.\n${reason}`);
    }
  };
}

/** Lists the source ids that exist: file names in `content/sources/` without `.yaml`. */
function listSourceIds(contentDir: string): Set<string> {
  try {
    return new Set(
      readdirSync(join(contentDir, 'sources'))
        .filter((name) => /\.ya?ml$/.test(name) && !name.startsWith('_'))
        .map((name) => name.replace(/\.ya?ml$/, '')),
    );
  } catch {
    return new Set();
  }
}

/**
 * Checks a file's raw bytes against the size limit and UTF-8: Astro has already read it with bad bytes replaced by
 * U+FFFD, which would publish the damage silently.
 */
function checkRawFile(filePath: string, shown: string): void {
  const decoded = decodeContentFile(readFileSync(filePath));
  if ('problem' in decoded) {
    const { line, reason, fix } = decoded.problem;
    throw new ContentError(`${shown}${line ? `:${line}` : ''}: ${reason} ${fix}`);
  }
}

/** Reads a Markdown file's front matter with Broadsheet's YAML rules and checks what needs the file's location. */
function readArticle(contents: string, fileUrl: URL, contentDir: string, projectRoot: string) {
  const filePath = fileURLToPath(fileUrl);
  const shown = displayPath(filePath, projectRoot);
  checkRawFile(filePath, shown);
  let split;
  try {
    split = splitMarkdown(contents);
  } catch (error) {
    if (error instanceof FrontmatterError) {
      throw new ContentError(`${shown}${error.line ? `:${error.line}` : ''}: ${error.message}`);
    }
    throw error;
  }
  const frontmatterSize = findFrontmatterSizeProblem(split.rawData);
  if (frontmatterSize) throw new ContentError(`${shown}: ${frontmatterSize.reason} ${frontmatterSize.fix}`);
  const image = split.data['image'];
  if (image && typeof image === 'object' && 'src' in image && typeof image.src === 'string') {
    const src = image.src.trim();
    // Schemes and absolute paths get the schema's messages; here only where a relative path leads is checked.
    if (!/^[a-z][a-z0-9+.-]*:/i.test(src) && !src.startsWith('/')) {
      const problem = findImageSourceProblem(src, filePath, contentDir);
      if (problem) throw new ContentError(`${shown}: image.src "${src}" ${problem.reason}`);
    }
  }
  const nesting = findNestingProblem(split.body, split.bodyLine);
  if (nesting) throw new ContentError(`${shown}:${nesting.line}: ${nesting.reason} ${nesting.fix}`);
  return { data: split.data, body: split.body, rawData: split.rawData, slug: undefined };
}

// What the glob loader is given for a file it will skip: it only needs the id (from the path, see generateId) and
// then finds the stored entry with the same digest. Reading such a file's front matter again cost 0.7 s of every
// rebuild at 5,000 articles.
const UNCHANGED_ARTICLE = Object.freeze({ data: {}, body: '', slug: undefined });

/**
 * Whether `contents` is exactly what the stored entry for this file was made from, so every check on it has passed
 * and the glob loader will keep the entry without reading it. Files with U+FFFD are always read again (it also stands
 * for invalid bytes, which only the raw check tells apart), and so are articles with a lead image, whose check follows
 * its path through the file system (a symbolic link there may now lead out of the content folder).
 */
function isUnchangedArticle(context: LoaderContext, base: string, fileUrl: URL, contents: string): boolean {
  const filePath = fileURLToPath(fileUrl);
  // The id the glob loader will give the file (generateId below).
  const id = articleIdFromPath(relative(base, filePath));
  const stored = id === undefined ? undefined : context.store.get(id);
  if (!stored?.digest || !stored.filePath || !stored.rendered || contents.includes('\uFFFD')) return false;
  if ((stored.data as { image?: unknown }).image !== undefined) return false;
  return (
    resolve(fileURLToPath(context.config.root), stored.filePath) === filePath &&
    stored.digest === context.generateDigest(contents)
  );
}

/** Options for the articles loader. */
export interface ArticlesLoaderOptions {
  /** The absolute path of the content folder (articles are read from its `articles/` folder). */
  contentDir: string;
}

/** Loads `content/articles/**\/*.md` (names starting with `_` left out) with the checks described above. */
export function articlesLoader({ contentDir }: ArticlesLoaderOptions): Loader {
  const base = join(contentDir, 'articles');
  let filesById = new Map<string, Set<string>>();
  const inner = glob({
    base,
    pattern: ['**/*.md', '!**/_*', '!**/_*/**'],
    // Pages use the rendered HTML, never the Markdown source; leaving it out of Astro's data store keeps the store
    // (written as one JSON string and bundled into the build) smaller: 14.4 MB instead of 24.2 MB at 1,000 generated
    // articles.
    retainBody: false,
    generateId: ({ entry }) => {
      const id = articleIdFromPath(entry) ?? `invalid-id/${entry}`;
      const files = filesById.get(id) ?? new Set<string>();
      files.add(entry);
      filesById.set(id, files);
      return id;
    },
  });
  return {
    name: 'broadsheet-articles',
    load: async (context) => {
      const { entryTypes, config, store } = context as FullLoaderContext;
      const projectRoot = fileURLToPath(config.root);
      const shown = (entry: string) => displayPath(join(base, entry), projectRoot);
      const renderFailures = new Map<string, string>();
      filesById = new Map();
      // Rendered bodies live in files beside the store (lib/build/article-bodies.ts). An unchanged file is not
      // rendered again, so an entry whose body file has gone (a cache folder cleaned by hand, a store from before
      // bodies moved out) is dropped here, and Astro renders it anew.
      const bodies = bodyFolder(storeFolder(context));
      useBodyFolder(bodies);
      for (const entry of [...store.values()]) {
        if (!entry.rendered) continue;
        const key = storedBodyKey(entry.rendered);
        if (!key || !hasBody(bodies, key)) store.delete(entry.id);
      }

      const wrappedTypes = new Map<string, EntryType>();
      for (const [extension, entryType] of entryTypes) {
        if (extension !== '.md') {
          wrappedTypes.set(extension, entryType);
          continue;
        }
        const getRenderFunction = entryType.getRenderFunction?.bind(entryType);
        wrappedTypes.set(extension, {
          ...entryType,
          getEntryInfo: ({ contents, fileUrl }) =>
            isUnchangedArticle(context, base, fileUrl, contents)
              ? UNCHANGED_ARTICLE
              : readArticle(contents, fileUrl, contentDir, projectRoot),
          ...(getRenderFunction && {
            getRenderFunction: async (astroConfig) => {
              const render = await getRenderFunction(astroConfig);
              return async (entry) => {
                try {
                  const rendered = await render(entry);
                  if (!isRenderedEntry(rendered)) return rendered;
                  return storedRendered(rendered, writeBody(bodies, rendered));
                } catch (error) {
                  const file = entry.filePath
                    ? displayPath(resolve(projectRoot, entry.filePath), projectRoot)
                    : entry.id;
                  const reason = error instanceof Error ? error.message : String(error);
                  // The depth check catches the usual shapes; any other structure deep enough to overflow ends here.
                  const hint = /call stack/i.test(reason)
                    ? ' The body nests too deeply (quotes, lists, emphasis or HTML); flatten it.'
                    : '';
                  renderFailures.set(entry.id, `${file}: the Markdown body could not be rendered: ${reason}${hint}`);
                  throw error;
                }
              };
            },
          }),
        });
      }

      await inner.load({
        ...context,
        entryTypes: wrappedTypes,
        parseData: parseDataNamingFile(context, projectRoot, 'invalid front matter'),
      } as FullLoaderContext);

      // Bodies of edited or deleted articles are named by no entry any more.
      const inUse = new Set<string>();
      for (const entry of store.values()) {
        const key = storedBodyKey(entry.rendered);
        if (key) inUse.add(key);
      }
      pruneBodies(bodies, inUse);

      const problems: string[] = [];
      for (const [id, files] of filesById) {
        const names = [...files].sort();
        if (id.startsWith('invalid-id/')) {
          problems.push(
            `${shown(names[0] ?? id)}: the file name has no letter or digit to make a URL from. Rename it.`,
          );
        } else if (names.length > 1) {
          problems.push(
            `${names.map(shown).join(' and ')}: these files have the same article id "${id}" (one URL). Rename one of them.`,
          );
        }
      }
      const sourceIds = listSourceIds(contentDir);
      const known = [...sourceIds].sort().join(', ') || 'none';
      for (const entry of store.values()) {
        const file = entry.filePath ? displayPath(resolve(projectRoot, entry.filePath), projectRoot) : entry.id;
        const failure = renderFailures.get(entry.id);
        if (failure) problems.push(failure);
        else if (!entry.rendered && !entry.deferredRender) {
          // A cached rebuild keeps the failed entry without logging again: treat a missing body as the same failure.
          problems.push(
            `${file}: the Markdown body could not be rendered. Fix the body, or run a clean build to see why.`,
          );
        }
        const data = entry.data as { source?: { id: string }; via?: { id: string }[] };
        const references = [['source', data.source] as const, ...(data.via ?? []).map((via) => ['via', via] as const)];
        for (const [field, reference] of references) {
          if (reference && !sourceIds.has(reference.id)) {
            problems.push(
              `${file}: ${field} "${reference.id}" is not a known source (known: ${known}). Add content/sources/${reference.id}.yaml or fix the id.`,
            );
          }
        }
      }
      if (problems.length > 0) {
        throw new ContentError(
          `Broadsheet found ${problems.length} problem(s) in the articles:\n- ${problems.join('\n- ')}`,
        );
      }
    },
  };
}

/** Options for the sources loader. */
export interface SourcesLoaderOptions {
  /** The absolute path of the content folder (sources are read from its `sources/` folder). */
  contentDir: string;
}

/** Loads `content/sources/<id>.yaml`; the file name is the id and must already be a slug. */
export function sourcesLoader({ contentDir }: SourcesLoaderOptions): Loader {
  const base = join(contentDir, 'sources');
  const inner = glob({
    base,
    pattern: ['*.yaml', '*.yml', '!_*'],
    generateId: ({ entry }) => entry.replace(/\.ya?ml$/, ''),
  });
  return {
    name: 'broadsheet-sources',
    load: async (context) => {
      const { entryTypes, config } = context as FullLoaderContext;
      const projectRoot = fileURLToPath(config.root);
      const wrappedTypes = new Map<string, EntryType>();
      for (const [extension, entryType] of entryTypes) {
        wrappedTypes.set(extension, {
          ...entryType,
          getEntryInfo: ({ contents, fileUrl }) => {
            const shown = displayPath(fileURLToPath(fileUrl), projectRoot);
            checkRawFile(fileURLToPath(fileUrl), shown);
            const id =
              fileURLToPath(fileUrl)
                .split(/[\\/]/)
                .pop()
                ?.replace(/\.ya?ml$/, '') ?? '';
            if (!isSlug(id)) {
              throw new ContentError(
                `${shown}: the file name "${id}" is used as the source id, so it must be lower case letters, digits and hyphens (such as athens-news). Rename the file.`,
              );
            }
            let data: unknown;
            try {
              data = parseYamlFile(contents);
            } catch (error) {
              const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
              throw new ContentError(`${shown}: not valid YAML: ${reason}. Check the quoting on that line.`);
            }
            if (data === null || typeof data !== 'object' || Array.isArray(data)) {
              throw new ContentError(
                `${shown}: a source file must be a list of \`field: value\` lines (name, url, ...).`,
              );
            }
            return { data: data as Record<string, unknown>, rawData: contents };
          },
        });
      }
      await inner.load({
        ...context,
        entryTypes: wrappedTypes,
        parseData: parseDataNamingFile(context, projectRoot, 'invalid source'),
      } as FullLoaderContext);
    },
  };
}
